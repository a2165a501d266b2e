import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { visit } from 'unist-util-visit';

export interface ProseOptions {
  /** The level the body's top headings get on this page (2 under the page's h1). */
  topLevel: number;
  /** Prefix for every id (and same-page link) when several bodies share one page. */
  idPrefix?: string;
  /** Where the body stands on the page ("Uppföljning, mål 2"): names its tables uniquely. */
  context?: string;
}

/**
 * A content body ready to place in a page: a copy (the graph is frozen and shared), headings
 * moved under the page's own and never skipping a level, ids made unique on the page.
 */
export function placeBody(body: Root, { topLevel, idPrefix = '', context }: ProseOptions): Root {
  const tree = structuredClone(body);
  let previous = topLevel - 1;
  let shift: number | undefined;
  let tables = 0;
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'table' && parent && index !== undefined && !isScrollWrapper(parent)) {
      parent.children[index] = scrollable(node, `Tabell ${++tables}${context ? ` i ${context}` : ''}`);
      return;
    }
    const rank = headingRank(node);
    if (rank) {
      shift ??= topLevel - rank;
      const wanted = Math.min(6, Math.max(topLevel, Math.min(rank + shift, previous + 1)));
      node.tagName = `h${wanted}`;
      previous = wanted;
    }
    if (!idPrefix) return;
    if (typeof node.properties.id === 'string') node.properties.id = idPrefix + node.properties.id;
    const href = node.properties.href;
    if (typeof href === 'string' && href.startsWith('#') && href.length > 1) node.properties.href = `#${idPrefix}${href.slice(1)}`;
    for (const name of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
      const value = node.properties[name];
      if (Array.isArray(value)) node.properties[name] = value.map((id) => idPrefix + String(id));
    }
  });
  return tree;
}

const isScrollWrapper = (node: { type: string; properties?: Element['properties'] }) =>
  node.type === 'element' && String(node.properties?.className ?? '').includes('table-scroll');

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
