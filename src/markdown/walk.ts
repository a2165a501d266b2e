import type { Element, Root, RootContent } from 'hast';

/*
 * Walks of a body's tree for our own passes, instead of unist-util-visit: these run on every
 * body of a cold build, several times each, and visit's general machinery (a new function and
 * a copy of the ancestors for every node) cost more than the work they do (issue 14).
 */

type Parent = Root | Element;

/**
 * Calls `enter` on every element of `tree`, parents before their children, in document order
 * (the order of unist-util-visit). `enter` may remove the element it was given from `parent`
 * (nothing else) and say so by returning true: the walk goes on with the node now at `index`.
 */
export function eachElement(tree: Parent, enter: (element: Element, parent: Parent, index: number) => boolean | void): void {
  const children = tree.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== 'element') continue;
    if (enter(child, tree, index) === true) {
      index--;
      continue;
    }
    eachElement(child, enter);
  }
}

/**
 * Calls `enter` on every node below `tree` (not `tree` itself), parents before their children,
 * in document order. When `enter` returns false, the node's children are skipped.
 */
export function eachNode(tree: Parent, enter: (node: RootContent) => boolean | void): void {
  for (const child of tree.children) {
    if (enter(child) === false) continue;
    if (child.type === 'element') eachNode(child, enter);
  }
}

/**
 * Calls `enter` on every element of a rendered page, in document order, also inside a root
 * that a template nested among the children (unist-util-visit's reach, without its cost: the
 * render stage walks every page twice).
 */
export function eachPageElement(tree: Parent, enter: (element: Element) => void): void {
  for (const child of tree.children) {
    if (child.type === 'element') {
      enter(child);
      eachPageElement(child, enter);
    } else if ((child as { type: string }).type === 'root') {
      eachPageElement(child as unknown as Root, enter);
    }
  }
}
