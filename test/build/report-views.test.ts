import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type SiteBuild } from '../../src/build.js';
import { removeSites, writeSite } from '../content/temp-site.js';
import { select } from '../support/hast.js';
import { yearsSite } from './years-site.js';

/*
 * What readers see of an annual report (issue 12 §3): the report page summarises and links, each
 * goal's detail is on its own page, and a report with a previous year has a comparison page.
 */

let site: SiteBuild;
const tree = (path: string): Root => {
  const file = site.files.find((item) => item.path === path);
  if (!file) throw new Error(`no page ${path}`);
  return fromHtml(String(file.contents));
};
/** Text as read: non-breaking spaces as spaces, runs of white space as one. */
const text = (node: Root | Element) => toString(node).replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const classes = (element: Element) => (element.properties.className as string[] | undefined) ?? [];
const main = (page: Root) => select(page, (element) => element.tagName === 'main')[0]!;
const byId = (page: Root, id: string) => select(page, (element) => element.properties.id === id)[0];

beforeAll(async () => {
  site = await buildSite({ contentDir: await writeSite(yearsSite), today: '2026-06-01' });
});
afterAll(removeSites);

describe('the report page', () => {
  it('first shows every goal in one table: number, statement linking to its page, group, status in symbol and words, indicators met of assessed', () => {
    const page = tree('verksamhetsberattelse/2020/index.html');
    const [overview] = select(page, (element) => element.tagName === 'table' && classes(element).includes('goal-overview'));
    expect(overview, 'an overview table').toBeDefined();
    const rows = select(overview!, (element) => element.tagName === 'tr').slice(1);
    expect(rows.map((row) => select(row, (cell) => cell.tagName === 'th' || cell.tagName === 'td').map((cell) => text(cell)))).toEqual([
      ['Mål 1', 'Fler elever ska läsa varje dag, i alla länets kommuner, också under sommarlovet.', 'Skola och utbildning i samverkan med kommunerna', '◐ Delvis uppfyllt', '1 uppfylld av 4 bedömda'],
      ['Mål 2', 'Tillsynen ska samordnas.', 'Miljö', '– Ej bedömt', 'Inga indikatorer'],
    ]);
    const links = select(overview!, (element) => element.tagName === 'a').map((link) => link.properties.href);
    expect(links).toEqual(['/verksamhetsberattelse/2020/mal-1/', '/verksamhetsberattelse/2020/mal-2/']);
    // the symbol is decoration; the words say the status
    const symbol = select(rows[0]!, (element) => classes(element).includes('status__symbol'))[0]!;
    expect(symbol.properties.ariaHidden).toBe('true');
    // the overview comes before the goals by group
    const order = select(main(page), (element) => element === overview || classes(element).includes('report-area'));
    expect(order[0]).toBe(overview);
  });

  it('keeps each goal\'s full text folded under its summary, where links to #mal-N land, and links each goal to its page', () => {
    const page = tree('verksamhetsberattelse/2020/index.html');
    const heading = byId(page, 'mal-1')!;
    expect(heading.tagName).toBe('h3');
    const [goal] = select(page, (element) => element.tagName === 'article' && element.properties.ariaLabelledBy?.toString() === 'mal-1');
    const details = select(goal!, (element) => element.tagName === 'details');
    expect(details).toHaveLength(1);
    expect(details[0]!.properties.open, 'folded').toBeUndefined();
    expect(text(details[0]!)).toContain('Det gick bra 2020.');
    // nothing of the goal's text is outside the folded part
    const outside = { ...goal!, children: goal!.children.filter((child) => child !== details[0]) };
    expect(text(outside)).not.toContain('Det gick bra 2020.');
    expect(select(outside, (element) => element.tagName === 'a').map((link) => link.properties.href)).toEqual(['/verksamhetsberattelse/2020/mal-1/']);
  });

  it('links to the comparison with the previous report, and only when there is one', () => {
    const links = (path: string) => select(tree(path), (element) => element.tagName === 'a').map((link) => String(link.properties.href));
    expect(links('verksamhetsberattelse/2020/index.html')).toContain('/verksamhetsberattelse/2020/jamforelse/');
    expect(links('verksamhetsberattelse/2019/index.html').filter((href) => href.includes('jamforelse'))).toEqual([]);
    expect(links('verksamhetsberattelse/2021/index.html').filter((href) => href.includes('jamforelse'))).toEqual([]);
    const pages = site.files.map((file) => file.path).filter((path) => path.includes('jamforelse'));
    expect(pages).toEqual(['verksamhetsberattelse/2020/jamforelse/index.html']);
  });
});

describe('a goal page', () => {
  it('is titled by the goal\'s statement, with its number above, and says its status once', () => {
    const page = tree('verksamhetsberattelse/2020/mal-1/index.html');
    const [h1] = select(page, (element) => element.tagName === 'h1');
    expect(text(h1!)).toBe('Fler elever ska läsa varje dag, i alla länets kommuner, också under sommarlovet.');
    const [hgroup] = select(page, (element) => element.tagName === 'hgroup');
    expect(hgroup!.children.filter((child) => child.type === 'element').map((child) => [child.tagName, text(child)])).toEqual([
      ['p', 'Mål 1 · Verksamhetsberättelse 2020'],
      ['h1', 'Fler elever ska läsa varje dag, i alla länets kommuner, också under sommarlovet.'],
    ]);
    // the goal's status: once, outside the indicator table (whose statuses are the indicators')
    const statuses = select(main(page), (element) => classes(element).includes('status'));
    const inTables = select(main(page), (element) => element.tagName === 'table').flatMap((table) => select(table, (element) => classes(element).includes('status')));
    expect(statuses.filter((status) => !inTables.includes(status)).map((status) => text(status))).toEqual(['◐ Delvis uppfyllt']);
  });

  it('shows its key figures before its sections', () => {
    const page = main(tree('verksamhetsberattelse/2020/mal-1/index.html'));
    const headings = select(page, (element) => element.tagName === 'h2').map((heading) => text(heading));
    expect(headings.slice(0, 2)).toEqual(['Nyckeltal', 'Aktiviteter']);
  });

  it('has the indicator table: target, outcome this year and earlier years, trend in symbol and words, assessment and comment', () => {
    const page = tree('verksamhetsberattelse/2020/mal-1/index.html');
    const [table] = select(page, (element) => element.tagName === 'table' && classes(element).includes('indicator-table'));
    const [head, ...rows] = select(table!, (element) => element.tagName === 'tr').map((row) => select(row, (cell) => cell.tagName === 'th' || cell.tagName === 'td').map((cell) => text(cell)));
    expect(head).toEqual(['Indikator', 'Målvärde', 'Utfall 2020', 'Utfall 2019', 'Utfall 2018', 'Trend', 'Bedömning', 'Kommentar']);
    expect(rows[0]).toEqual([
      'Andel elever som läser varje dag enligt den årliga enkäten till elever i årskurs fem',
      '80 %',
      '60 %',
      '55 %',
      '40 %',
      '↑ Bättre än 2019',
      '✗ Ej uppfyllt (beräknad)',
      'Ökningen fortsätter, men långsammare än väntat. Svarsfrekvensen var åttiotvåprocentig. Källa: Elevenkäten',
    ]);
    expect(rows[1]!.slice(2, 6)).toEqual(['9', '12', '–', '↓ Sämre än 2019']);
    expect(rows[2]!.slice(2, 6)).toEqual(['7 dagar', '7 dagar', '–', '→ Oförändrat sedan 2019']);
  });

  it('has one trend chart per indicator with at least two values, each an image with a title and its values in words', () => {
    const page = tree('verksamhetsberattelse/2020/mal-1/index.html');
    const charts = select(page, (element) => element.tagName === 'svg' && element.properties.role === 'img');
    const described = charts.map((svg) => ({
      title: text(byId(page, String(svg.properties.ariaLabelledBy))!),
      description: text(byId(page, String(svg.properties.ariaDescribedBy))!),
    }));
    // key figures' chart first, then the indicators': never two measures on one axis
    expect(described.slice(1)).toEqual([
      {
        title: 'Andel elever som läser varje dag enligt den årliga enkäten till elever i årskurs fem, 2018–2020',
        description: '2018: 40 %. 2019: 55 %. 2020: 60 %. Målvärde: 80 %. Högre värde är bättre.',
      },
      { title: 'Antal kurser för lärare, 2019–2020', description: '2019: 12. 2020: 9. Målvärde: 10. Högre värde är bättre.' },
      { title: 'Väntetid i dagar, 2019–2020', description: '2019: 7 dagar. 2020: 7 dagar. Målvärde: 5 dagar. Lägre värde är bättre.' },
    ]);
  });

  it('links to the same goal in other years', () => {
    const page = tree('verksamhetsberattelse/2020/mal-1/index.html');
    const links = select(main(page), (element) => element.tagName === 'a' && /\/20\d\d\/mal-1\/$/.test(String(element.properties.href)));
    expect(links.map((link) => [text(link), link.properties.href])).toEqual([
      ['Verksamhetsberättelse 2019', '/verksamhetsberattelse/2019/mal-1/'],
      ['Verksamhetsplan 2021', '/verksamhetsberattelse/2021/mal-1/'],
    ]);
  });

  it('leads back to its row in the report\'s overview', () => {
    const page = tree('verksamhetsberattelse/2020/mal-1/index.html');
    const [back] = select(page, (element) => element.tagName === 'a' && text(element).startsWith('Översikten'));
    expect(back!.properties.href).toBe('/verksamhetsberattelse/2020/#oversikt-mal-1');
    expect(byId(tree('verksamhetsberattelse/2020/index.html'), 'oversikt-mal-1')!.tagName).toBe('tr');
  });
});

describe('the comparison page', () => {
  const page = () => tree('verksamhetsberattelse/2020/jamforelse/index.html');
  const tables = () =>
    select(page(), (element) => element.tagName === 'table').map((table) =>
      select(table, (element) => element.tagName === 'tr').map((row) => select(row, (cell) => cell.tagName === 'th' || cell.tagName === 'td').map((cell) => text(cell))),
    );

  it('compares goal fulfilment: both years\' counts in words and in a table', () => {
    const paragraphs = select(main(page()), (element) => element.tagName === 'p').map((paragraph) => text(paragraph));
    expect(paragraphs).toEqual(expect.arrayContaining(['2019: Målet har bedömts: 1 delvis uppfyllt.', '2020: 1 av 2 mål har bedömts: 1 delvis uppfyllt. 1 har inte bedömts.']));
    expect(tables()[0]).toEqual([
      ['Status', '2019', '2020'],
      ['◐ Delvis uppfyllt', '1', '1'],
      ['– Ej bedömt', '0', '1'],
      ['Alla mål', '1', '2'],
    ]);
  });

  it('counts the indicators that improved, worsened and stayed, by their series, and lists each', () => {
    expect(text(main(page()))).toContain(
      'Av 3 indikatorer med utfall båda åren blev 1 bättre och 1 sämre; 1 är oförändrad. 1 indikator saknar utfall för något av åren och jämförs inte.',
    );
    expect(tables()[1]).toEqual([
      ['Indikator', 'Mål', 'Utfall 2019', 'Utfall 2020', 'Utveckling'],
      ['Andel elever som läser varje dag enligt den årliga enkäten till elever i årskurs fem', 'Mål 1', '55 %', '60 %', '↑ Bättre'],
      ['Antal kurser för lärare', 'Mål 1', '12', '9', '↓ Sämre'],
      ['Väntetid i dagar', 'Mål 1', '7 dagar', '7 dagar', '→ Oförändrat'],
    ]);
  });

  it('shows the key figures of both reports, lined up by id even when a label was reworded', () => {
    expect(tables()[2]).toEqual([
      ['Nyckeltal', '2019', '2020', 'Förändring'],
      ['Medlemskommuner', '12 kommuner', '12 kommuner', '0 %'],
      ['Deltagare på förbundets kurser och konferenser under året', '1 500 personer', '1 850 personer', '+23,3 %'],
    ]);
  });
});
