import type { Root } from 'hast';
import { eachNode } from './walk.js';

/**
 * Drops the source positions a page never needs. Links and images keep theirs (their `origin`
 * names the file), for the link check's file:line, and so do `##` headings, where a goal's
 * sections begin, and the body as a whole, where it ends (content/goal-sections.ts); the rest would double the size of every body in
 * memory and in the cache.
 */
export function dropPositions(tree: Root): Root {
  eachNode(tree, (node) => {
    if (node.type === 'element' && (node.data?.origin || node.tagName === 'h2')) return;
    delete node.position;
  });
  return tree;
}
