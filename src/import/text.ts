import type { Html, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/*
 * A text file as a Markdown tree. A .md file is Markdown as it stands. A .txt file is what Word
 * or a web page gives when copied as text: one paragraph a line, bullets as "•" or "-", perhaps
 * Markdown here and there (emphasis, a table); each line becomes a paragraph of its own unless
 * it plainly continues the line before (a hard-wrapped paragraph), or is part of a list or table.
 */

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Bullets that Word and web pages leave in copied text; the Swedish quote dash "–" is not one. */
const bullet = /^(\s*)(?:[•◦▪▫●○■□·‣⁃]|o\t)\s*/;
const listLine = /^\s*(?:[-*+]\s|\d{1,3}[.)]\s)/;
const tableLine = /^\s*\|/;

/**
 * The text as a tree. HTML tags in a .txt file are debris from a copy (a pasted table's
 * `<ul style=…>`), never markup the editor wrote: they are dropped and their words kept, since an
 * unclosed tag would otherwise swallow the headings after it. `droppedTags` counts them.
 */
export function textToMdast(text: string, markdown: boolean): { tree: Root; droppedTags: number } {
  const tree = parser.parse(markdown ? text : markdownOfPlainText(text)) as Root;
  let droppedTags = 0;
  if (!markdown) {
    visit(tree, 'html', (node: Html, index, parent) => {
      if (!parent || index === undefined) return undefined;
      droppedTags++;
      const words = node.value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
      const replacement = words ? [{ type: 'text', value: words } as Text] : [];
      (parent.children as unknown[]).splice(index, 1, ...replacement);
      return index + replacement.length;
    });
  }
  return { tree, droppedTags };
}

/**
 * A Markdown file's front matter ("---" lines first in the file), apart from its text: parsed as
 * Markdown it would be a rule and a heading made of its fields, first in the text where the
 * report's title line is looked for.
 */
export function splitFrontMatter(text: string): { body: string; frontMatter?: string } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? { body: text.slice(match[0].length), frontMatter: match[1]! } : { body: text };
}

/** Plain text as Markdown: lines as paragraphs, bullets as "-", a row of "•"-separated items as a list. */
export function markdownOfPlainText(text: string): string {
  const lines = listsOfPastedTables(text.replace(/\r\n?/g, '\n').split('\n')).flatMap(splitBulletRow);
  const out: string[] = [];
  let previous = '';
  for (const raw of lines) {
    const line = raw.replace(bullet, '$1- ').replace(/\s+$/, '');
    if (line.trim() === '') {
      out.push('');
      previous = '';
      continue;
    }
    const structured = listLine.test(line) || tableLine.test(line);
    const inList = listLine.test(previous) || tableLine.test(previous);
    const continues = previous !== '' && (structured ? inList : (inList && /^\s{2,}/.test(line)) || hardWrapped(previous, line));
    if (previous !== '' && !continues) out.push('');
    out.push(line);
    previous = line;
  }
  return out.join('\n');
}

/** A paragraph broken at a fixed width: a long line followed by one starting in lower case. */
const hardWrapped = (previous: string, line: string) => !listLine.test(previous) && !tableLine.test(previous) && previous.length >= 60 && /^\s*\p{Ll}/u.test(line);

/** "Vatten • Avlopp • Dagvatten" (bullets pasted onto one line) as one line per item. */
function splitBulletRow(line: string): string[] {
  const parts = line.split(/\s+[•▪●]\s+/);
  if (parts.length < 3) return [line];
  const [first, ...items] = parts;
  const lead = first!.replace(bullet, '').trim();
  return [...(lead ? [lead] : []), ...items.map((item) => `- ${item.trim()}`)];
}

const tableish = /^\s*(?:-\s+)?\|/;
const cellItem = /(?:^|\s)-\s+/;

/**
 * A table with lists in its cells, pasted as text, arrives as rows like
 * `| <ul …> - Första. - Andra. | <ul …> - Tredje. |`, which no Markdown table can hold: its items
 * are written as one list, cell by cell, so not a word is lost and each item is an item again.
 */
export function listsOfPastedTables(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!tableish.test(lines[index]!)) {
      out.push(lines[index]!);
      continue;
    }
    let end = index;
    while (end < lines.length && tableish.test(lines[end]!)) end++;
    const rows = lines.slice(index, end);
    const cells = rows.flatMap((row) => row.replace(/^\s*(?:-\s+)?\|/, '').replace(/\|\s*$/, '').split('|')).map((cell) => cell.replace(/<[^>]*>/g, ' ').trim());
    const listed = cells.filter((cell) => cell.split(cellItem).filter(Boolean).length >= 2 && cellItem.test(cell));
    if (listed.length === 0) {
      out.push(...rows);
    } else {
      for (const cell of cells) {
        if (!cell || /^:?-+:?$/.test(cell)) continue;
        const items = cellItem.test(cell) ? cell.split(cellItem).map((item) => item.trim()).filter(Boolean) : [cell];
        out.push(...items.map((item) => `- ${item}`));
      }
    }
    index = end - 1;
  }
  return out;
}
