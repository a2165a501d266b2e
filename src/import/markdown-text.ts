import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/*
 * Markdown trees as the text an importer needs: the plain words of a node (a goal's statement,
 * a news item's lead) and the Markdown of a run of blocks (a body), written the way the
 * editor's guide writes it: "-" bullets, "*" emphasis.
 */

/** The words of a node, without markup; a line break is a space. */
export function plainText(node: Nodes | readonly Nodes[]): string {
  const nodes = Array.isArray(node) ? node : [node as Nodes];
  return nodes
    .map((child: Nodes): string => {
      if (child.type === 'text' || child.type === 'inlineCode') return child.value;
      if (child.type === 'break') return ' ';
      if (child.type === 'image') return child.alt ?? '';
      if (child.type === 'html') return child.value.replace(/<[^>]*>/g, ' ');
      return 'children' in child ? plainText(child.children as Nodes[]) : '';
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', listItemIndent: 'one', fences: true })
  .freeze();

/** Blocks as Markdown text, ending without a line break. */
export function toMarkdown(blocks: readonly RootContent[]): string {
  if (blocks.length === 0) return '';
  const root: Root = { type: 'root', children: [...blocks] };
  return String(stringifier.stringify(root)).trim();
}

/** Whether a paragraph holds nothing but words (no links, emphasis or images). */
export const isPlainParagraph = (node: RootContent): boolean =>
  node.type === 'paragraph' && node.children.every((child) => child.type === 'text' || child.type === 'break');
