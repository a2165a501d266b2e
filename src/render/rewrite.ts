import type { Element, Root, RootContent } from 'hast';

/**
 * Copy-on-write over a hast tree: `change` returns a replacement for an element, or undefined
 * to keep it. Only the elements that change and their ancestors are copied; every untouched
 * subtree is shared with the input, which stays as it was (content bodies are frozen and shared
 * between pages). Elements are visited in document order, each with its (new) parent.
 */
export function rewrite<T extends Root | Element>(tree: T, change: (element: Element, parent: Root | Element) => Element | undefined): T {
  const walk = <N extends Root | RootContent>(node: N, parent: Root | Element | undefined): N => {
    let current: Root | RootContent = node;
    if (node.type === 'element' && parent) current = change(node, parent) ?? node;
    if (!('children' in current)) return current as N;
    let children: RootContent[] | undefined;
    const container = current;
    container.children.forEach((child, index) => {
      const next = walk(child, container);
      if (next !== child) {
        children ??= container.children.slice();
        children[index] = next;
      }
    });
    if (!children) return current as N;
    return (current === node ? { ...current, children } : Object.assign(current, { children })) as N;
  };
  return walk(tree, undefined);
}
