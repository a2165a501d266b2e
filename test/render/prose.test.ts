import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { markdownToHast } from '../../src/markdown/processor.js';
import { countStatuses, describeStatuses, joinSwedish } from '../../src/render/goal-summary.js';
import { placeBody } from '../../src/render/prose.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function headings(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) found.push(node.tagName);
  });
  return found;
}

function body(markdown: string): Root {
  return deepFreeze(markdownToHast(markdown, 'content/x.md'));
}

describe('placeBody: heading levels', () => {
  it('moves h1, h3 to h2, h3 under the page\'s h1', () => {
    expect(headings(placeBody(body('# A\n\n### B\n'), { topLevel: 2 }))).toEqual(['h2', 'h3']);
  });

  it('moves h1, h2, h3 down one level each', () => {
    expect(headings(placeBody(body('# A\n\n## B\n\n### C\n'), { topLevel: 2 }))).toEqual(['h2', 'h3', 'h4']);
  });

  it('moves a body that starts at h2 under an h2 section (topLevel 3)', () => {
    expect(headings(placeBody(body('## A\n\n### B\n\n## C\n'), { topLevel: 3 }))).toEqual(['h3', 'h4', 'h3']);
  });

  it('never skips a level, also inside the body (h2, h4 → h2, h3)', () => {
    expect(headings(placeBody(body('## A\n\n#### B\n\n###### C\n'), { topLevel: 2 }))).toEqual(['h2', 'h3', 'h4']);
  });

  it('never goes above the top level, even when a later heading is bigger than the first', () => {
    expect(headings(placeBody(body('### A\n\n# B\n\n## C\n'), { topLevel: 2 }))).toEqual(['h2', 'h2', 'h2']);
  });

  it('never goes below h6', () => {
    expect(headings(placeBody(body('# A\n\n## B\n\n### C\n\n#### D\n'), { topLevel: 5 }))).toEqual(['h5', 'h6', 'h6', 'h6']);
  });

  it('keeps the text and everything that is not a heading', () => {
    const placed = placeBody(body('# Rubrik\n\nEtt **stycke**.\n\n- punkt\n'), { topLevel: 2 });
    expect(toHtml(placed)).toBe('<h2 id="rubrik">Rubrik</h2>\n<p>Ett <strong>stycke</strong>.</p>\n<ul>\n<li>punkt</li>\n</ul>');
  });

  it('works on hand-made trees with headings nested in other elements', () => {
    const tree = deepFreeze<Root>({ type: 'root', children: [h('section', [h('h1', 'A'), h('div', [h('h4', 'B')])])] });
    expect(headings(placeBody(tree, { topLevel: 3 }))).toEqual(['h3', 'h4']);
  });
});

describe('placeBody: ids on a shared page', () => {
  const markdown = '## Bakgrund\n\nSe [nedan](#detaljer), [extern](https://example.se/#detaljer) och [topp](#).\n\n## Detaljer\n\nText[^1].\n\n[^1]: En fotnot.\n';

  it('prefixes every id and every same-page link', () => {
    const html = toHtml(placeBody(body(markdown), { topLevel: 3, idPrefix: 'mal-3-' }));
    expect(html).toContain('<h3 id="mal-3-bakgrund">');
    expect(html).toContain('<h3 id="mal-3-detaljer">');
    expect(html).toContain('href="#mal-3-detaljer"');
    // other sites' anchors and a bare "#" are left alone
    expect(html).toContain('href="https://example.se/#detaljer"');
    expect(html).toContain('href="#"');
  });

  it('leaves no same-page link pointing at an id that is not on the page', () => {
    const placed = placeBody(body(markdown), { topLevel: 3, idPrefix: 'mal-3-' });
    const ids = new Set<string>();
    const targets: string[] = [];
    visit(placed, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      const href = node.properties.href;
      if (typeof href === 'string' && href.startsWith('#') && href.length > 1) targets.push(href.slice(1));
      const described = node.properties.ariaDescribedBy;
      if (Array.isArray(described)) targets.push(...described.map(String));
    });
    expect(targets.length).toBeGreaterThanOrEqual(3); // #detaljer, the footnote and its back-link, aria-describedby
    for (const target of targets) expect(ids, target).toContain(target);
    for (const id of ids) expect(id.startsWith('mal-3-'), id).toBe(true);
  });

  it('keeps two bodies on one page free of shared ids', () => {
    const a = placeBody(body(markdown), { topLevel: 3, idPrefix: 'mal-1-' });
    const b = placeBody(body(markdown), { topLevel: 3, idPrefix: 'mal-2-' });
    const ids = (tree: Root) => {
      const found: string[] = [];
      visit(tree, 'element', (node: Element) => {
        if (typeof node.properties.id === 'string') found.push(node.properties.id);
      });
      return found;
    };
    const all = [...ids(a), ...ids(b)];
    expect(all.length).toBeGreaterThan(2);
    expect(new Set(all).size).toBe(all.length);
  });

  it('leaves ids alone without a prefix', () => {
    const html = toHtml(placeBody(body('# Rubrik\n\n[här](#rubrik)\n'), { topLevel: 2 }));
    expect(html).toContain('id="rubrik"');
    expect(html).toContain('href="#rubrik"');
  });
});

describe('placeBody: the input is never modified', () => {
  it('returns a new tree and leaves the frozen input as it was', () => {
    const input = body('# A\n\n### B\n\n[l](#a)\n');
    const before = JSON.stringify(input);
    const placed = placeBody(input, { topLevel: 2, idPrefix: 'p-' });
    expect(placed).not.toBe(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(headings(input)).toEqual(['h1', 'h3']);
    expect(headings(placed)).toEqual(['h2', 'h3']);
  });

  it('gives the same result when placed twice', () => {
    const input = body('# A\n\n## B\n');
    const first = toHtml(placeBody(input, { topLevel: 2, idPrefix: 'x-' }));
    const second = toHtml(placeBody(input, { topLevel: 2, idPrefix: 'x-' }));
    expect(second).toBe(first);
    expect(first).not.toContain('x-x-');
  });
});

describe('footnotes in a Swedish body', () => {
  it('labels footnotes in Swedish, not English', () => {
    const html = toHtml(placeBody(body('Text[^1].\n\n[^1]: En fotnot.\n'), { topLevel: 2 }));
    // the page is lang="sv": screen readers read the label and back-link in Swedish
    expect(html).not.toContain('Footnotes');
    expect(html).not.toContain('Back to reference');
  });
});

describe('goal status summary', () => {
  const goals = (...statuses: (string | undefined)[]) => statuses.map((status) => ({ status })) as { status?: 'uppfyllt' }[];

  it('counts only the goals the organisation assessed, and says how many it did not', () => {
    const list = goals(...Array(2).fill('uppfyllt'), 'delvis-uppfyllt', ...Array(12).fill(undefined));
    expect(describeStatuses(list)).toBe('3 av 15 mål har bedömts: 2 uppfyllda och 1 delvis uppfyllt. 12 har inte bedömts.');
  });

  it('says plainly when no goal was assessed, never counting them as anything', () => {
    expect(describeStatuses(goals(...Array(15).fill(undefined)))).toBe('Inget av de 15 målen har bedömts i rapporten.');
    expect(describeStatuses(goals(undefined))).toBe('Målet har inte bedömts i rapporten.');
  });

  it('uses the singular for one goal of a kind, and says when all were assessed', () => {
    expect(describeStatuses(goals('uppfyllt'))).toBe('Målet har bedömts: 1 uppfyllt.');
    expect(describeStatuses(goals('uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt', 'pagaende', undefined))).toBe(
      '4 av 5 mål har bedömts: 1 uppfyllt, 1 delvis uppfyllt, 1 ej uppfyllt och 1 pågående. 1 har inte bedömts.',
    );
    expect(describeStatuses(goals('ej-uppfyllt', 'ej-uppfyllt', 'pagaende'))).toBe('Alla 3 mål har bedömts: 2 ej uppfyllda och 1 pågående.');
  });

  it('lists statuses in a fixed order, whatever the order of the goals', () => {
    expect(describeStatuses(goals('pagaende', 'uppfyllt', 'pagaende', 'uppfyllt', 'uppfyllt'))).toBe('Alla 5 mål har bedömts: 3 uppfyllda och 2 pågående.');
  });

  it('says "Inga mål." for no goals', () => {
    expect(describeStatuses([])).toBe('Inga mål.');
  });

  it('counts every status, zero where none', () => {
    expect(countStatuses(goals('uppfyllt', undefined, 'uppfyllt'))).toEqual({
      uppfyllt: 2,
      'delvis-uppfyllt': 0,
      'ej-uppfyllt': 0,
      pagaende: 0,
      'ej-bedomt': 1,
    });
    expect(Object.values(countStatuses([]))).toEqual([0, 0, 0, 0, 0]);
  });

  it('joins lists the Swedish way, without a serial comma', () => {
    expect(joinSwedish([])).toBe('');
    expect(joinSwedish(['a'])).toBe('a');
    expect(joinSwedish(['a', 'b'])).toBe('a och b');
    expect(joinSwedish(['a', 'b', 'c'])).toBe('a, b och c');
    expect(joinSwedish(['a', 'b', 'c', 'd'])).toBe('a, b, c och d');
  });
});
