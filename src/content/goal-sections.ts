import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { slugify } from '../format/slug.js';
import type { Point } from './problems.js';

/** One section of a goal's text: its `##` heading's words, an id made of them, and what follows. */
export interface GoalSection {
  title: string;
  id: string;
  body: Root;
  /** Whether the goal's indicator table goes here, after the text (if any). */
  indicators: boolean;
}

/** A goal's text as its page shows it: the background before the first section, then the sections. */
export interface GoalText {
  intro: Root;
  sections: readonly GoalSection[];
}

/** A section the organisation's goals must have (site.yaml's report.sections) and this one lacks, or has out of order. */
export interface SectionProblem {
  title: string;
  reason: 'missing' | 'order';
  place?: Point;
}

const same = (a: string, b: string) => a.localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;

/**
 * Splits a goal's body at the `##` headings named in `titles` (the organisation's goal
 * sections, in their order). Any other `##` heading stays inside the section it is in. The text
 * before the first section is the goal's background. `required` sections that are missing, and
 * sections out of order, are problems; an optional section that is missing is simply not there
 * (a page never shows an empty heading).
 */
export function splitGoalText(
  body: Root,
  titles: readonly string[],
  required: boolean,
  /** The section the goal's indicator table goes in, when it has structured indicators: it needs no text. */
  tableSection?: string,
): { text: GoalText; problems: SectionProblem[] } {
  const parts: { title?: string; children: RootContent[] }[] = [{ children: [] }];
  const found: string[] = [];
  const problems: SectionProblem[] = [];
  for (const node of body.children) {
    const title = node.type === 'element' && node.tagName === 'h2' ? toString(node).trim() : undefined;
    const index = title === undefined ? -1 : titles.findIndex((name) => same(name, title));
    if (title !== undefined && index >= 0 && !found.some((name) => same(name, titles[index]!))) {
      const last = found.length > 0 ? titles.findIndex((name) => same(name, found.at(-1)!)) : -1;
      if (index < last) problems.push({ title: titles[index]!, reason: 'order', place: placeOf(node as Element) });
      found.push(titles[index]!);
      parts.push({ title: titles[index]!, children: [] });
      continue;
    }
    parts.at(-1)!.children.push(node);
  }
  const table = tableSection === undefined ? undefined : titles.find((name) => same(name, tableSection));
  if (required) {
    // the text's last line (the body ends after its final line break, at the start of the next)
    const end = body.position?.end;
    const place = end ? { line: end.column === 1 && end.line > 1 ? end.line - 1 : end.line, column: 1 } : undefined;
    for (const title of titles) if (title !== table && !found.some((name) => same(name, title))) problems.push({ title, reason: 'missing', place });
  }
  const root = (children: RootContent[]): Root => ({ type: 'root', children });
  const sections = parts.slice(1).map((part) => ({ title: part.title!, id: slugify(part.title!), body: root(part.children), indicators: part.title === table }));
  if (table && !found.includes(table)) {
    // the table's section, without text: in its place in the organisation's order
    const at = sections.findIndex((section) => titles.indexOf(section.title) > titles.indexOf(table));
    sections.splice(at < 0 ? sections.length : at, 0, { title: table, id: slugify(table), body: root([]), indicators: true });
  }
  return { text: { intro: root(parts[0]!.children), sections }, problems };
}

/** The `##` headings of a body, in order: what decides how it splits into sections. */
export function sectionHeadings(body: Root): string[] {
  return body.children.flatMap((node) => (node.type === 'element' && node.tagName === 'h2' ? [toString(node).trim()] : []));
}

function placeOf(node: Element): Point | undefined {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
}
