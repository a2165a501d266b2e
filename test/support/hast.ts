import type { Element, Root } from 'hast';

/** Every element below `node` that passes `test`, in document order. */
export function select(node: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (current: Root | Element) => {
    for (const child of current.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      walk(child);
    }
  };
  walk(node);
  return found;
}
