import type { Root } from 'hast';
import { eachNode } from '../markdown/walk.js';
import type { Point } from './problems.js';

/** A reference link or image (`[text][name]`, `![alt][name]`) whose name has no definition. */
export interface UndefinedReference {
  /** The whole reference as written, "[text][saknas]". */
  written: string;
  /** The name it refers to, "saknas" (the text itself for `[text][]`). */
  label: string;
  image: boolean;
  place?: Point;
}

// One reference in one piece of text: `[text][name]` or `![alt][name]`, on one line, no brackets inside.
const reference = /(!?)\[([^[\]\n]*)\]\[([^[\]\n]*)\]/g;

/**
 * The references of a body that the Markdown parser left as plain text, because nothing
 * defines their name: published, they show their brackets. Code is not prose and is left out;
 * so are escaped brackets (`\[a\]\[b\]`), which the editor meant as text, and footnotes
 * (`[^1]`). `markdown` is the text the body was parsed from, which its positions point into.
 */
export function findUndefinedReferences(body: Root, markdown: string): UndefinedReference[] {
  const found: UndefinedReference[] = [];
  eachNode(body, (node) => {
    if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) return false;
    if (node.type !== 'text') return undefined;
    const start = node.position?.start;
    const end = node.position?.end;
    // only what the editor wrote as is: an escape or entity makes the text differ from its source
    const source = start?.offset !== undefined && end?.offset !== undefined ? markdown.slice(start.offset, end.offset) : undefined;
    if (source === undefined || start === undefined) return undefined;
    let cursor = 0;
    for (const match of node.value.matchAll(reference)) {
      const [written, bang, text, name] = match as unknown as [string, string, string, string];
      const at = source.indexOf(written, cursor);
      if (at === -1) continue;
      cursor = at + written.length;
      if (text.startsWith('^') || name.startsWith('^')) continue;
      const label = name.trim() === '' ? text : name;
      if (label.trim() === '') continue;
      found.push({ written, label, image: bang === '!', place: pointAfter(start, source.slice(0, at)) });
    }
    return undefined;
  });
  return found;
}

/** The place reached from `start` after the source text `before`. */
function pointAfter(start: Point, before: string): Point {
  const lastBreak = before.lastIndexOf('\n');
  const breaks = before.split('\n').length - 1;
  return breaks === 0 ? { line: start.line, column: start.column + before.length } : { line: start.line + breaks, column: before.length - lastBreak };
}
