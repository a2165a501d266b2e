import type { Root } from 'mdast';
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

export function textToMdast(text: string, markdown: boolean): Root {
  return parser.parse(markdown ? text : markdownOfPlainText(text)) as Root;
}

/** Plain text as Markdown: lines as paragraphs, bullets as "-", a row of "•"-separated items as a list. */
export function markdownOfPlainText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').flatMap(splitBulletRow);
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
