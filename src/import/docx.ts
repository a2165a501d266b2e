import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastText } from 'hast-util-to-string';
import mammoth from 'mammoth';
import type { Html, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/*
 * A Word document as a Markdown tree: mammoth turns the .docx into HTML (headings, lists,
 * tables, emphasis, links and images as the document marks them), rehype-remark turns that into
 * Markdown. mammoth's own Markdown output drops tables, so it is not used.
 */

/** An image inside the document; the text refers to it as `verksam-bild:<index>` until it has a file name. */
export interface DocumentImage {
  index: number;
  contentType: string;
  bytes: Buffer;
}

export const imageUrl = (index: number) => `verksam-bild:${index}`;

/**
 * A table Markdown cannot write: a cell holds a list or several paragraphs (what pasting a table
 * with lists from Word gives). It stays an HTML table, which the site shows as it is; `cellItems`
 * are the list items of each cell, in case the table only holds lists (indicators).
 */
export type BlockTable = Html & { data: { cellItems: string[][] } };

declare module 'mdast' {
  interface HtmlData {
    /** Set on a table kept as HTML: each cell's list items. */
    cellItems?: string[][];
  }
}

export const isBlockTable = (node: { type: string }): node is BlockTable => node.type === 'html' && (node as Html).data?.cellItems !== undefined;

const blockTag = 'verksam-block-table';

export interface DocxContent {
  tree: Root;
  images: DocumentImage[];
  /** What mammoth could not carry over (unknown styles, unsupported elements), in its own words. */
  warnings: string[];
}

/** Reads a .docx; undefined when the zip is not a Word document (mammoth cannot find its parts). */
export async function docxToMdast(bytes: Buffer): Promise<DocxContent | undefined> {
  const images: DocumentImage[] = [];
  let result;
  try {
    result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        convertImage: mammoth.images.imgElement(async (image) => {
          const index = images.length;
          images.push({ index, contentType: image.contentType, bytes: await image.readAsBuffer() });
          return { src: imageUrl(index) };
        }),
      },
    );
  } catch {
    return undefined;
  }
  const html = unified().use(rehypeParse, { fragment: true }).parse(result.value);
  markBlockTables(html);
  const tree = unified()
    .use(rehypeRemark, {
      handlers: {
        [blockTag]: (_state, node: Element) => {
          const table = { ...node, tagName: 'table' };
          const cells: Element[] = [];
          visit(table, 'element', (element) => {
            if (element.tagName === 'td' || element.tagName === 'th') cells.push(element);
          });
          const cellItems = cells.map((cell) => {
            const items: string[] = [];
            visit(cell, 'element', (element) => {
              if (element.tagName === 'li') items.push(hastText(element).replace(/\s+/g, ' ').trim());
            });
            return items;
          });
          const value: BlockTable = { type: 'html', value: toHtml(table), data: { cellItems } };
          return value;
        },
      },
    })
    .runSync(html) as Root;
  const warnings = result.messages.map((message) => message.message);
  return { tree, images, warnings };
}

/** Renames tables with lists or several paragraphs in a cell, so the handler above writes them as HTML. */
function markBlockTables(tree: HastRoot): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'table') return;
    let blocky = false;
    visit(node, 'element', (cell) => {
      if (cell.tagName !== 'td' && cell.tagName !== 'th') return;
      const blocks = cell.children.filter((child: ElementContent) => child.type === 'element' && /^(p|ul|ol|h\d|table|blockquote)$/.test(child.tagName));
      if (blocks.some((child) => child.type === 'element' && child.tagName !== 'p') || blocks.length > 1) blocky = true;
    });
    if (blocky) node.tagName = blockTag;
  });
}
