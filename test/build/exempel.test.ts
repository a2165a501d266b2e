import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../support/cli.js';
import { select } from '../support/hast.js';
import { listFiles } from '../support/site-pages.js';

/*
 * Exempelförbundet (test/fixtures/sites/exempel) is a made-up organisation with what the real
 * content lacks: "Årsredovisning" instead of "Verksamhetsberättelse" at /arsredovisning/,
 * perspectives instead of areas, three report years and a plan year, goals followed across the
 * years by id, indicators with targets (higher and lower better, a decimal comma, words as a
 * target, a qualitative result), computed and stated assessments, and a goal without activities.
 * Built by the real command line, and read as a reader would read the pages.
 */

let root: string;
let out: string;
let files: string[];

beforeAll(async () => {
  root = await tempDir('verksam-exempel-');
  out = join(root, 'dist');
  const result = await runCli(['build', '--content', fixture('exempel'), '--out', out, '--no-pdf']);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr, 'the fixture builds without warnings').toBe('');
  files = await listFiles(out);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const page = async (url: string): Promise<Root> => {
  const file = `${url.replace(/^\//, '')}index.html`;
  if (!files.includes(file)) throw new Error(`no page ${url}; pages: ${files.filter((name) => name.endsWith('.html')).join(', ')}`);
  return fromHtml(await readFile(join(out, file), 'utf8')) as Root;
};
const one = (tree: Root | Element, test: (element: Element) => boolean, what: string): Element => {
  const found = select(tree, test);
  if (found.length === 0) throw new Error(`no ${what}`);
  return found[0]!;
};
const text = (node: Root | Element) => toString(node).replace(/\s+/g, ' ').trim();
const main = (tree: Root) => one(tree, (element) => element.tagName === 'main', '<main>');
const h1 = (tree: Root) => text(one(tree, (element) => element.tagName === 'h1', '<h1>'));
const headings = (tree: Root | Element, tag: string) => select(tree, (element) => element.tagName === tag).map(text);
const crumbs = (tree: Root) =>
  select(one(tree, (element) => element.tagName === 'nav' && element.properties.ariaLabel === 'Du är här', 'breadcrumbs'), (element) => element.tagName === 'li').map(text);
/** The goal's facts: its assessment, perspective and projects, by the name of each. */
const facts = (tree: Root): Map<string, string> => {
  const list = one(tree, (element) => element.tagName === 'dl' && String(element.properties.className).includes('facts'), 'facts');
  const map = new Map<string, string>();
  let term = '';
  for (const child of list.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'dt') term = text(child);
    if (child.tagName === 'dd') map.set(term, [map.get(term), text(child)].filter(Boolean).join(' | '));
  }
  return map;
};
/** The column names of a goal's indicator table. */
const indicatorColumns = (tree: Root | Element) =>
  select(one(tree, (element) => element.tagName === 'table' && String(element.properties.className).includes('indicator-table'), 'indicator table'), (element) => element.tagName === 'th' && element.properties.scope === 'col').map(text);
/** One row of a goal's indicator table, each value by the name of its column. */
const indicatorRow = (tree: Root | Element, indicator: string): Record<string, string> => {
  const table = one(tree, (element) => element.tagName === 'table' && String(element.properties.className).includes('indicator-table'), 'indicator table');
  const row = select(table, (element) => element.tagName === 'tr').find((tr) => select(tr, (cell) => cell.tagName === 'th' && cell.properties.scope === 'row').some((th) => text(th) === indicator));
  if (!row) throw new Error(`no indicator "${indicator}" in: ${text(table)}`);
  return Object.fromEntries(select(row, (cell) => cell.tagName === 'td').map((cell) => [String(cell.properties.dataLabel), text(cell)]));
};

describe('an organisation that calls its report "Årsredovisning" and groups its goals by perspective', () => {
  it('puts every report and goal under /arsredovisning/ and nothing under /verksamhetsberattelse/', () => {
    const reportPages = files.filter((file) => file.startsWith('arsredovisning/') && file.endsWith('.html'));
    expect(reportPages).toEqual([
      'arsredovisning/2022/index.html',
      'arsredovisning/2022/mal-1/index.html',
      'arsredovisning/2022/mal-2/index.html',
      'arsredovisning/2022/mal-3/index.html',
      'arsredovisning/2023/index.html',
      'arsredovisning/2023/jamforelse/index.html',
      'arsredovisning/2023/mal-1/index.html',
      'arsredovisning/2023/mal-2/index.html',
      'arsredovisning/2023/mal-3/index.html',
      'arsredovisning/2023/mal-4/index.html',
      'arsredovisning/2024/index.html',
      'arsredovisning/2024/jamforelse/index.html',
      'arsredovisning/2024/mal-1/index.html',
      'arsredovisning/2024/mal-2/index.html',
      'arsredovisning/2024/mal-3/index.html',
      'arsredovisning/2024/mal-4/index.html',
      'arsredovisning/2025/index.html',
      'arsredovisning/2025/mal-1/index.html',
      'arsredovisning/2025/mal-2/index.html',
      'arsredovisning/2025/mal-3/index.html',
      'arsredovisning/index.html',
    ]);
    expect(files.filter((file) => file.startsWith('verksamhetsberattelse/'))).toEqual([]);
  });

  it('never says "Verksamhetsberättelse" or "Verksamhetsområde" in any page, feed or sitemap', async () => {
    // the search index is compressed; what it indexes is the pages' text, checked here
    const readable = files.filter((file) => /\.(html|xml|json|txt)$/.test(file) && !file.startsWith('pagefind/'));
    expect(readable.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const file of readable) {
      const words = (await readFile(join(out, file), 'utf8')).match(/verksamhetsberättelse\p{L}*|verksamhetsområde\p{L}*/giu);
      if (words) found.push(`${file}: ${[...new Set(words)].join(', ')}`);
    }
    expect(found).toEqual([]);
  });

  it('names the reports and the perspectives in headings, breadcrumbs, menu and goal facts', async () => {
    const reports = await page('/arsredovisning/');
    expect(h1(reports)).toBe('Årsredovisningar');
    expect(crumbs(reports)).toEqual(['Start', 'Årsredovisningar']);
    expect(headings(main(reports), 'h2')).toEqual(['Verksamhetsplan 2025', 'Årsredovisning 2024', 'Årsredovisning 2023', 'Årsredovisning 2022']);

    expect(crumbs(await page('/arsredovisning/2024/'))).toEqual(['Start', 'Årsredovisningar', 'Årsredovisning 2024']);
    const goal = await page('/arsredovisning/2024/mal-1/');
    expect(crumbs(goal)).toEqual(['Start', 'Årsredovisningar', 'Årsredovisning 2024', 'Mål 1']);
    expect(facts(goal).get('Perspektiv')).toBe('Medborgare');
    expect(crumbs(await page('/arsredovisning/2025/mal-2/'))).toEqual(['Start', 'Årsredovisningar', 'Verksamhetsplan 2025', 'Mål 2']);

    const perspectives = await page('/omraden/');
    expect(h1(perspectives)).toBe('Perspektiv');
    expect(headings(main(perspectives), 'h2')).toEqual(['Medborgare', 'Verksamhet', 'Medarbetare', 'Ekonomi']);
    expect(crumbs(await page('/omraden/ekonomi/'))).toEqual(['Start', 'Perspektiv', 'Ekonomi']);

    const menu = select(await page('/'), (element) => element.tagName === 'a' && element.properties.href === '/arsredovisning/').map(text);
    expect(menu).toContain('Årsredovisning');
  });
});

describe('who assessed a goal', () => {
  it('says a status computed from the indicators is computed, and from how many', async () => {
    const time = facts(await page('/arsredovisning/2024/mal-2/')).get('Bedömning');
    expect(time).toContain('Uppfyllt');
    expect(time).toContain('Beräknad utifrån indikatorerna (1 av 1 bedömda)');
    expect(time).not.toContain('Bedömning: organisationens');

    // a qualitative result and a number below its target: partly met
    const economy2023 = facts(await page('/arsredovisning/2023/mal-4/')).get('Bedömning');
    expect(economy2023).toContain('Delvis uppfyllt');
    expect(economy2023).toContain('Beräknad utifrån indikatorerna (2 av 2 bedömda)');
  });

  it("shows the organisation's own status as the organisation's, with its note, even where the rule would compute one", async () => {
    const health = facts(await page('/arsredovisning/2022/mal-3/')).get('Bedömning');
    expect(health).toContain('Ej uppfyllt');
    expect(health).toContain('Bedömning: organisationens.');
    expect(health).toContain('Sjukfrånvaron ökade under vintern.');
    expect(health).not.toContain('Beräknad');

    const health2024 = await page('/arsredovisning/2024/mal-3/');
    expect(facts(health2024).get('Bedömning')).toContain('Delvis uppfyllt Bedömning: organisationens. Sjukfrånvaron minskar men är fortfarande över målvärdet.');
    // its indicators are still assessed by the rule, and say so
    expect(indicatorRow(health2024, 'Sjukfrånvaro')['Bedömning']).toBe('◐ Delvis uppfyllt (beräknad)');
  });
});

describe('indicators', () => {
  it('show a lower-is-better outcome written with a decimal comma as "2,7", met against its target, with the earlier years beside it', async () => {
    const row = indicatorRow(await page('/arsredovisning/2024/mal-2/'), 'Genomsnittlig handläggningstid');
    expect(row).toMatchObject({
      Målvärde: '3 veckor',
      'Utfall 2024': '2,7 veckor',
      'Utfall 2023': '3,4 veckor',
      'Utfall 2022': '4,1 veckor',
      Trend: '↓ Bättre än 2023',
      Bedömning: '✓ Uppfyllt (beräknad)',
    });
  });

  it("form a series across the years' goal files, including a year only an earlier report states", async () => {
    const goal = await page('/arsredovisning/2024/mal-1/');
    expect(indicatorRow(goal, 'Nöjd-kund-index (NKI)')).toMatchObject({
      Målvärde: '75',
      'Utfall 2024': '77',
      'Utfall 2023': '74',
      'Utfall 2022': '71',
      // from the 2022 goal's `earlier`
      'Utfall 2021': '69',
      Trend: '↑ Bättre än 2023',
    });
    // an indicator first followed in 2023 has no value for the years before
    expect(indicatorRow(goal, 'Andel e-brev som besvaras inom en arbetsdag')).toMatchObject({ 'Utfall 2024': '94 %', 'Utfall 2023': '92 %', 'Utfall 2022': '–' });
  });

  it('link up by the goal id even when the goal has another number in another year', async () => {
    // "ekonomi-i-balans" is goal 4 in 2023 and 2024, goal 3 in the plan for 2025
    expect(indicatorRow(await page('/arsredovisning/2025/mal-3/'), 'Årets resultat i procent av intäkterna')).toMatchObject({
      Målvärde: '2 %',
      'Utfall 2023': '1,5 %',
      'Utfall 2024': '2,3 %',
    });
  });

  it('show a target in words and a qualitative result, with comment and source', async () => {
    const goal = await page('/arsredovisning/2024/mal-4/');
    expect(indicatorRow(goal, 'Budgetuppföljningar till styrelsen')).toMatchObject({
      Målvärde: 'minst fyra gånger per år',
      'Utfall 2024': 'Genomfört',
      Bedömning: '✓ Uppfyllt (beräknad)',
    });
    expect(indicatorRow(goal, 'Årets resultat i procent av intäkterna')['Kommentar']).toBe('Lägre lokalkostnader efter flytten. Källa: Bokslutet 2024');
  });
});

describe('a plan year', () => {
  it('says each goal is planned and shows targets with earlier outcomes, but no outcome, trend or assessment for the plan year', async () => {
    const goal = await page('/arsredovisning/2025/mal-2/');
    // the goal's statement is its title, its number and year above it
    expect(h1(goal)).toBe('Ärenden ska handläggas snabbare.');
    expect(text(one(goal, (element) => element.tagName === 'p' && String(element.properties.className).includes('goal-heading__number'), 'goal number'))).toBe('Mål 2 · Verksamhetsplan 2025');
    const assessment = facts(goal).get('Bedömning');
    expect(assessment).toContain('Planerat mål');
    expect(assessment).not.toMatch(/Beräknad|organisationens|Uppfyllt/);
    const columns = indicatorColumns(goal);
    expect(columns).not.toContain('Utfall 2025');
    expect(columns).not.toContain('Trend');
    expect(columns).not.toContain('Bedömning');
    expect(indicatorRow(goal, 'Genomsnittlig handläggningstid')).toMatchObject({ Målvärde: '2,5 veckor', 'Utfall 2024': '2,7 veckor' });

    const report = await page('/arsredovisning/2025/');
    expect(h1(report)).toBe('Verksamhetsplan 2025');
    expect(text(main(report))).not.toContain('Utfall 2025');
  });
});

describe('sections', () => {
  it('follow the organisation\'s order, with the indicator table in "Indikatorer"', async () => {
    const goal = await page('/arsredovisning/2024/mal-1/');
    expect(headings(main(goal), 'h2')).toEqual(['Aktiviteter', 'Indikatorer', 'Analys']);
    const section = one(main(goal), (element) => element.tagName === 'section' && headings(element, 'h2')[0] === 'Indikatorer', 'Indikatorer section');
    expect(text(section)).toContain('Båda indikatorerna mäts på samma sätt som tidigare år.');
    expect(indicatorColumns(section)).toContain('Målvärde');
  });

  it('leave out a section the goal does not have, on its page and in the whole report: never an empty heading', async () => {
    const goal = await page('/arsredovisning/2024/mal-4/');
    expect(headings(main(goal), 'h2')).toEqual(['Indikatorer', 'Analys']);
    expect(text(main(goal))).toContain('Målet har inga egna aktiviteter');

    const report = await page('/arsredovisning/2024/');
    const article = one(main(report), (element) => element.tagName === 'article' && String(element.properties.ariaLabelledBy) === 'mal-4', 'goal 4 in the report');
    expect(headings(article, 'h4')).toEqual(['Indikatorer', 'Analys']);
    const other = one(main(report), (element) => element.tagName === 'article' && String(element.properties.ariaLabelledBy) === 'mal-1', 'goal 1 in the report');
    expect(headings(other, 'h4')).toEqual(['Aktiviteter', 'Indikatorer', 'Analys']);
  });
});

describe('links between the pages of a report', () => {
  it("link a goal to its place in the report, its perspective, its projects and its neighbours; and the report to each goal's page", async () => {
    const goal = await page('/arsredovisning/2024/mal-2/');
    const links = Object.fromEntries(select(main(goal), (element) => element.tagName === 'a').map((a) => [text(a), String(a.properties.href)]));
    expect(links).toMatchObject({
      'Översikten: alla mål i Årsredovisning 2024': '/arsredovisning/2024/#oversikt-mal-2',
      'Årsredovisning 2022': '/arsredovisning/2022/mal-2/',
      'Verksamhetsplan 2025': '/arsredovisning/2025/mal-2/',
      Verksamhet: '/omraden/verksamhet/',
      'Nya e-tjänster': '/projekt/e-tjanster/',
      'Föregående: Mål 1': '/arsredovisning/2024/mal-1/',
      'Nästa: Mål 3': '/arsredovisning/2024/mal-3/',
    });

    const report = await page('/arsredovisning/2024/');
    const goalLinks = select(main(report), (element) => element.tagName === 'a' && /^\/arsredovisning\/2024\/mal-\d+\/$/.test(String(element.properties.href)));
    // from the overview and from each goal's summary in its group
    expect([...new Set(goalLinks.map((a) => String(a.properties.href)))]).toEqual([1, 2, 3, 4].map((number) => `/arsredovisning/2024/mal-${number}/`));

    const reports = await page('/arsredovisning/');
    const yearLinks = select(main(reports), (element) => element.tagName === 'a').map((a) => String(a.properties.href));
    for (const year of [2022, 2023, 2024, 2025]) expect(yearLinks).toContain(`/arsredovisning/${year}/`);
  });
});

describe('the news archive, by year', () => {
  /** The archive's page links: each link's text, address, rel and aria-current. */
  const pagination = (tree: Root) =>
    select(one(tree, (element) => element.tagName === 'nav' && element.properties.ariaLabel === 'Sidor', 'pagination'), (element) => element.tagName === 'a').map((link) => [
      text(link),
      String(link.properties.href),
      link.properties.rel === undefined ? '' : String(link.properties.rel),
      link.properties.ariaCurrent === undefined ? '' : String(link.properties.ariaCurrent),
    ]);
  const title = (tree: Root) => text(one(tree, (element) => element.tagName === 'title', '<title>'));
  const cards = (tree: Root) => select(main(tree), (element) => element.tagName === 'h2' && String(element.properties.className).includes('card__title')).length;

  it('shows the 20 newest items on /nyheter/ and leads on to the page that holds the next one', async () => {
    const start = await page('/nyheter/');
    expect(title(start)).toBe('Nyheter – Exempelförbundet');
    expect(cards(start)).toBe(20);
    expect(pagination(start)).toEqual([['Äldre nyheter', '/nyheter/2025/sida/2/', 'next', '']]);
    expect(files.some((file) => file.startsWith('nyheter/sida/'))).toBe(false);
  });

  it("pages a year with more than 20 items within the year, the title and heading saying the year and page", async () => {
    const first = await page('/nyheter/2025/');
    const second = await page('/nyheter/2025/sida/2/');
    expect(title(first)).toBe('Nyheter 2025, sida 1 av 2 – Exempelförbundet');
    expect(h1(second)).toBe('Nyheter 2025, sida 2 av 2');
    expect(crumbs(second)).toEqual(['Start', 'Nyheter', '2025', 'Sida 2']);
    expect([cards(first), cards(second)]).toEqual([20, 4]);
    expect(pagination(first)).toEqual([
      ['1', '/nyheter/2025/', '', 'page'],
      ['2', '/nyheter/2025/sida/2/', '', ''],
      ['Nästa sida', '/nyheter/2025/sida/2/', 'next', ''],
    ]);
    // the year's last page leads on to the next older year
    expect(pagination(second)).toEqual([
      ['Föregående sida', '/nyheter/2025/', 'prev', ''],
      ['1', '/nyheter/2025/', '', ''],
      ['2', '/nyheter/2025/sida/2/', '', 'page'],
      ['Äldre nyheter (2024)', '/nyheter/2024/', 'next', ''],
    ]);
  });

  it("keeps a one-page year at /nyheter/<year>/, titled by the year, leading back to the newer year's last page", async () => {
    const year = await page('/nyheter/2024/');
    expect(title(year)).toBe('Nyheter 2024 – Exempelförbundet');
    expect(pagination(year)).toEqual([['Nyare nyheter (2025)', '/nyheter/2025/sida/2/', 'prev', '']]);
  });
});
