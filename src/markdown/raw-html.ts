import type { Root } from 'hast';
import rehypeRaw, { type Options } from 'rehype-raw';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { eachNode } from './walk.js';

/**
 * rehype-raw, run only on bodies that contain raw HTML. rehype-raw re-parses the whole tree
 * through parse5 even when there is nothing to parse, which costs about a third of the
 * Markdown stage; most bodies have no HTML at all.
 */
export default function rehypeRawWhenPresent(this: Processor, options?: Options) {
  const transform = (rehypeRaw as (this: Processor, options?: Options) => (tree: Root, file: VFile) => Root).call(this, options);
  // without a "<" in the Markdown there is no HTML in it, and the tree need not be searched
  return (tree: Root, file: VFile): Root | undefined => (String(file.value).includes('<') && containsRaw(tree) ? transform(tree, file) : undefined);
}

function containsRaw(tree: Root): boolean {
  let found = false;
  eachNode(tree, (node) => {
    if (node.type === 'raw') found = true;
    return !found;
  });
  return found;
}
