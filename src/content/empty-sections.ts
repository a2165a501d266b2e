import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Point } from './problems.js';

/** A heading with nothing under it: its words, its level (2 for `##`) and where it is. */
export interface EmptySection {
  title: string;
  level: number;
  place?: Point;
}

const headingLevel = (node: Root['children'][number]): number | undefined =>
  node.type === 'element' && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : undefined;

/**
 * The headings of a body that have no content: nothing but whitespace (or only headings of
 * their own, themselves empty) before the next heading of the same or a higher level, or the
 * end. Only the body's own headings count, not headings inside a quote or list. The body must
 * still have its headings' positions.
 */
export function findEmptySections(body: Root): EmptySection[] {
  const nodes = body.children;
  const empty: EmptySection[] = [];
  nodes.forEach((node, index) => {
    const level = headingLevel(node);
    if (level === undefined) return;
    for (const next of nodes.slice(index + 1)) {
      const nextLevel = headingLevel(next);
      if (nextLevel !== undefined && nextLevel <= level) break;
      if (nextLevel !== undefined) continue;
      if (next.type === 'element' || (next.type === 'text' && next.value.trim() !== '')) return;
    }
    const start = (node as Element).position?.start;
    empty.push({ title: toString(node).trim(), level, ...(start ? { place: { line: start.line, column: start.column } } : {}) });
  });
  return empty;
}
