import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Drops the source positions a page never needs. Only links and images keep theirs (their
 * `origin` names the file), for the link check's file:line; the rest would double the size
 * of every body in memory and in the cache.
 */
export function dropPositions(tree: Root): Root {
  visit(tree, (node) => {
    if (node.type === 'element' && node.data?.origin) return;
    delete node.position;
  });
  return tree;
}
