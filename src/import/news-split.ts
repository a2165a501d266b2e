import type { RootContent, Root } from 'mdast';
import { isPlainParagraph, plainText } from './markdown-text.js';

/*
 * A news archive divided into news items: each title with the paragraphs under it. Titles are
 * the document's headings when it has them (the level used most often for more than one item),
 * else lines of their own that read like titles: short, and not ending like a sentence.
 */

export interface NewsDraft {
  title: string;
  blocks: RootContent[];
}

export interface NewsArchive {
  /** The archive's own heading ("Nyhetsarkiv"), which is no news item. */
  heading?: string;
  /** Text before the first title that belongs to no item: kept at the end of the first item, and reported. */
  before: string[];
  items: NewsDraft[];
}

/** A line that reads like a title: one short line of words that does not end in a full stop, colon or comma. */
function titleLike(node: RootContent | undefined): boolean {
  if (!node || !isPlainParagraph(node) || (node.type === 'paragraph' && node.children.some((child) => child.type === 'break'))) return false;
  const text = plainText(node);
  return text.length > 0 && text.length <= 120 && !/[.:;,]$/.test(text) && !/^[–—-]/.test(text);
}

export function splitNews(tree: Root): NewsArchive {
  const blocks = tree.children;
  const isTitle = titleTest(blocks);
  const archive: NewsArchive = { before: [], items: [] };
  let item: NewsDraft | undefined;
  const leading: RootContent[] = [];
  for (const [index, node] of blocks.entries()) {
    if (isTitle(node, index)) {
      // a title followed straight by another title, first in the file: the archive's own heading
      if (index === 0 && isTitle(blocks[1], 1)) {
        archive.heading = plainText(node);
        continue;
      }
      item = { title: plainText(node), blocks: [] };
      archive.items.push(item);
      continue;
    }
    if (item) item.blocks.push(demoted(node));
    else {
      archive.before.push(plainText(node));
      leading.push(demoted(node));
    }
  }
  // no word of the source is dropped: what precedes the first title ends the first item
  archive.items[0]?.blocks.push(...leading);
  return archive;
}

const demoted = (node: RootContent): RootContent => (node.type === 'heading' && node.depth < 2 ? { ...node, depth: 2 } : node);

/** Which blocks are titles: headings of the level the items use, or (without headings) title-like lines followed by text. */
function titleTest(blocks: readonly RootContent[]): (node: RootContent | undefined, index: number) => boolean {
  const counts = new Map<number, number>();
  for (const node of blocks) if (node.type === 'heading') counts.set(node.depth, (counts.get(node.depth) ?? 0) + 1);
  const depths = [...counts.keys()].sort((a, b) => a - b);
  const level = depths.find((depth) => counts.get(depth)! > 1) ?? depths[0];
  if (level !== undefined) return (node) => node?.type === 'heading' && node.depth <= level;
  return (node, index) => {
    if (!titleLike(node)) return false;
    const previous = blocks[index - 1];
    // an item announced by a colon ("I år satsar vi på:") is no title
    return !(previous && previous.type === 'paragraph' && /:$/.test(plainText(previous)));
  };
}
