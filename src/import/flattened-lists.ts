import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { isPlainParagraph, plainText } from './markdown-text.js';

/*
 * Lists that lost their list formatting on the way (copied from a web page, pasted as text, a
 * Word list turned into paragraphs) are made lists again, where that is beyond doubt:
 * - paragraphs that start with a bullet ("- ", "• ") are list items;
 * - after a paragraph ending in a colon, two or more short lines without a full stop are the
 *   items it announces ("Genomföra temadagar inom:" / "Vattenskyddsföreskrifter" / …).
 * A line starting with the Swedish quote dash "–" is never made a list item: it is usually a
 * quote ("– Det har gått bra, säger hon."). What was changed is returned, for the migration report.
 */

const bulletStart = /^[ \t]*(?:[-*•◦▪●·‣⁃])[ \t]+/;

export interface ListRepair {
  /** The first item's words, to say where. */
  first: string;
  items: number;
  reason: 'bullets' | 'colon';
}

/** Repairs the top-level blocks of `tree` in place. `isHeading` tells lines that are headings (Mål 3, Aktiviteter). */
export function repairFlattenedLists(tree: Root, isHeading: (node: RootContent) => boolean): ListRepair[] {
  const repairs: ListRepair[] = [];
  const out: RootContent[] = [];
  const blocks = tree.children;
  for (let index = 0; index < blocks.length; index++) {
    const node = blocks[index]!;
    if (startsWithBullet(node)) {
      const items: ListItem[] = [];
      while (index < blocks.length && startsWithBullet(blocks[index]!)) items.push(itemOf(withoutBullet(blocks[index++] as Paragraph)));
      index--;
      const previous = out.at(-1);
      // a bullet line right after a real list continues it
      if (previous?.type === 'list' && !previous.ordered) previous.children.push(...items);
      else out.push(list(items));
      repairs.push({ first: plainText(items[0]!), items: items.length, reason: 'bullets' });
      continue;
    }
    out.push(node);
    if (node.type === 'paragraph' && /:\s*$/.test(plainText(node))) {
      let end = index + 1;
      while (end < blocks.length && isShortLine(blocks[end]!) && !isHeading(blocks[end]!)) end++;
      if (end - index - 1 >= 2) {
        const items = blocks.slice(index + 1, end).map((block) => itemOf(block as Paragraph));
        out.push(list(items));
        repairs.push({ first: plainText(items[0]!), items: items.length, reason: 'colon' });
        index = end - 1;
      }
    }
  }
  tree.children = out;
  return repairs;
}

function startsWithBullet(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  const first = node.children[0];
  return first?.type === 'text' && bulletStart.test(first.value);
}

function withoutBullet(paragraph: Paragraph): Paragraph {
  const [first, ...rest] = paragraph.children;
  const text = first as { type: 'text'; value: string };
  return { ...paragraph, children: [{ ...text, value: text.value.replace(bulletStart, '') } as PhrasingContent, ...rest] };
}

/** A line that reads as a list item, not a sentence: short, plain, no full stop, colon or question at the end. */
function isShortLine(node: RootContent): boolean {
  if (!isPlainParagraph(node)) return false;
  const text = plainText(node);
  return text.length > 0 && text.length <= 100 && !/[.!?:;]$/.test(text) && !/^[–—]/.test(text);
}

const itemOf = (paragraph: Paragraph): ListItem => ({ type: 'listItem', spread: false, children: [paragraph] });
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });
