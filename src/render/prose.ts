import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { newIdScope, refersToIds } from './page-ids.js';
import { rewrite } from './rewrite.js';

export interface ProseOptions {
  /** The level the body's top headings get on this page (2 under the page's h1). */
  topLevel: number;
  /** Prefix for every id (and same-page link) when several bodies share one page. */
  idPrefix?: string;
  /** Where the body stands on the page ("Uppföljning, mål 2"): names its tables uniquely. */
  context?: string;
}

/**
 * A content body ready to place in a page: headings moved under the page's own and never
 * skipping a level, ids prefixed when asked and marked as the body's (so that the page can
 * make them unique, see page-ids.ts), wide tables made scrollable. The body itself
 * is frozen and shared by every page that shows it, so this returns a new tree that copies only
 * what it changes.
 */
export function placeBody(body: Root, { topLevel, idPrefix = '', context }: ProseOptions): Root {
  let previous = topLevel - 1;
  let shift: number | undefined;
  let tables = 0;
  const scope = newIdScope();
  return rewrite(body, (node, parent) => {
    if (node.tagName === 'table' && !isScrollWrapper(parent)) {
      return scrollable(node, `Tabell ${++tables}${context ? ` i ${context}` : ''}`);
    }
    let tagName = node.tagName;
    const properties: Element['properties'] = {};
    const rank = headingRank(node);
    if (rank) {
      shift ??= topLevel - rank;
      const wanted = Math.min(6, Math.max(topLevel, Math.min(rank + shift, previous + 1)));
      tagName = `h${wanted}`;
      previous = wanted;
    }
    if (idPrefix) {
      if (typeof node.properties.id === 'string') properties.id = idPrefix + node.properties.id;
      const href = node.properties.href;
      if (typeof href === 'string' && href.startsWith('#') && href.length > 1) properties.href = `#${idPrefix}${href.slice(1)}`;
      for (const name of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
        const value = node.properties[name];
        if (Array.isArray(value)) properties[name] = value.map((id) => idPrefix + String(id));
      }
    }
    const placed = { ...node, tagName, properties: { ...node.properties, ...properties } };
    // hast-util-from-parse5 declares ElementData.position as required; ours may lack it.
    if (refersToIds(placed)) return { ...placed, data: { ...node.data, idScope: scope } as NonNullable<Element['data']> };
    if (tagName === node.tagName && Object.keys(properties).length === 0) return undefined;
    return placed;
  });
}

const isScrollWrapper = (node: Root | Element) => node.type === 'element' && String(node.properties.className ?? '').includes('table-scroll');

/**
 * A wide table scrolls inside its own box on a phone instead of widening the page; the box is
 * focusable and named so keyboard users can scroll it too (WCAG 2.1.1).
 */
function scrollable(table: Element, label: string): Element {
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['table-scroll'], ariaLabel: label, tabIndex: 0 },
    children: [table],
  };
}
