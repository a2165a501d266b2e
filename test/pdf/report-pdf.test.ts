import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runCli, snapshot, tempDir, type CliResult } from '../support/cli.js';
import { reproducible } from '../../src/pdf/reproducible.js';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { pdfDestinations, pdfText, pdfUris, readPdf, type PdfDocument } from './pdf-reader.js';

/*
 * The report's print edition links to the published site (issue 11, defect 4): Chromium prints
 * the page from wherever it loaded it, so a PDF printed from a temporary local server linked to
 * that server, and its port made two builds of the same content differ.
 */

const baseUrl = 'https://example.org/repo/';
const pdfPath = 'verksamhetsberattelse/2019/verksamhetsberattelse-2019.pdf';

let dir: string;
const builds: { out: string; result: CliResult }[] = [];

beforeAll(async () => {
  dir = await tempDir();
  // one after the other: the machine is shared, and each build starts its own Chromium. The
  // first builds without the cache, the second with an empty one, the third takes its PDF from it.
  for (const [name, cache] of [['first', ['--no-cache']], ['second', []], ['third', []]] as const) {
    const out = join(dir, name);
    builds.push({ out, result: await runCli(['build', '--content', join(root, 'content'), '--out', out, '--base-url', baseUrl, '--no-search', ...cache], dir) });
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the report PDF of the real content', () => {
  it('is written by every build', () => {
    for (const { out, result } of builds) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(existsSync(join(out, pdfPath))).toBe(true);
    }
  });

  it('links to the published site, never to the address it was printed from', async () => {
    const [{ out }] = builds as [(typeof builds)[number]];
    const pdf = await readFile(join(out, pdfPath));
    expect(pdfText(pdf).match(/[^\n]{0,40}(?:127\.0\.0\.1|localhost)[^\n]{0,40}/g) ?? [], 'no address of the print server').toEqual([]);
    const uris = pdfUris(pdf);
    const internal = uris.filter((uri) => new URL(uri).host === new URL(baseUrl).host);
    expect(internal.length, 'the report links to areas and projects').toBeGreaterThan(10);
    for (const uri of internal) {
      expect(uri.startsWith(baseUrl), `${uri} is under ${baseUrl}`).toBe(true);
      // and leads to a page the build wrote
      const path = decodeURIComponent(new URL(uri).pathname.slice(new URL(baseUrl).pathname.length));
      expect(existsSync(join(out, path.endsWith('/') || path === '' ? `${path}index.html` : path)), `${uri} leads to a page of the site`).toBe(true);
    }
    for (const uri of uris) expect(uri, 'every link is a web address').toMatch(/^(https?|mailto|tel):/);
  });

  it('keeps links within the report inside the PDF', async () => {
    const [{ out }] = builds as [(typeof builds)[number]];
    const pdf = await readFile(join(out, pdfPath));
    expect(pdfDestinations(pdf)).toEqual(expect.arrayContaining(['maluppfyllelse', 'mal-1', 'mal-15']));
    expect(pdfUris(pdf).filter((uri) => uri.includes('#'))).toEqual([]);
  });

  it('is the same, byte for byte, when the same content is built again, printed anew or taken from the cache', async () => {
    const [first, second, third] = await Promise.all(builds.map(({ out }) => readFile(join(out, pdfPath))));
    expect(Buffer.compare(first!, second!), 'the two printed PDFs differ').toBe(0);
    expect(Buffer.compare(first!, third!), 'the PDF from the cache differs').toBe(0);
    const [uncached, cold, warm] = await Promise.all(builds.map(({ out }) => snapshot(out)));
    expect(cold).toEqual(uncached);
    expect(warm).toEqual(uncached);
  });

  it('says when the PDF was taken from the cache rather than printed', () => {
    const line = (result: CliResult) => result.stdout.split('\n').find((text) => text.includes('verksamhetsberattelse-2019.pdf'));
    const [first, second, third] = builds.map(({ result }) => line(result));
    expect(first).toMatch(/^verksam: verksamhetsberattelse\/2019\/verksamhetsberattelse-2019\.pdf \(\d+ kB\) skrevs\.$/);
    expect(second, 'the cache was empty').toBe(first);
    expect(third).toMatch(/^verksam: verksamhetsberattelse\/2019\/verksamhetsberattelse-2019\.pdf \(\d+ kB\) skrevs, återanvänd: inget den skrivs ut från har ändrats\.$/);
  });

  it('does not depend on the numbers Chromium gives the DOM nodes of table headers, which vary from run to run', async () => {
    const [{ out }] = builds as [(typeof builds)[number]];
    const pdf = await readFile(join(out, pdfPath));
    const text = pdf.toString('latin1');
    expect(text, 'the report has tables whose cells name their headers').toMatch(/\/Headers \[\(node\d+\)/);
    // another run: the same elements, every number 25 higher (as when the browser numbered 25 more nodes first)
    const otherRun = Buffer.from(text.replace(/\(node(\d+)\)/g, (_match, digits: string) => `(node${String(Number(digits) + 25).padStart(digits.length, '0')})`), 'latin1');
    expect(Buffer.compare(otherRun, pdf)).not.toBe(0);
    expect(Buffer.compare(Buffer.from(reproducible(otherRun, '2020-03-31')), pdf), 'the renumbered PDF is the same').toBe(0);
  });
});

/*
 * The print edition is a document a board member can print (issue 12 §3): a cover, a table of
 * contents whose page numbers are the pages the headings are on, bookmarks, no page left nearly
 * empty by a forced break, and the same text as the web page.
 */
describe('the print edition of the real content', () => {
  let pdf: PdfDocument;
  let reportPage: Root;
  beforeAll(async () => {
    const [{ out }] = builds as [(typeof builds)[number]];
    pdf = readPdf(await readFile(join(out, pdfPath)));
    reportPage = fromHtml(await readFile(join(out, 'verksamhetsberattelse/2019/index.html'), 'utf8'));
  });

  /** A page's lines without the page number printed at its foot. */
  const body = (lines: string[]) => lines.filter((line) => !/^Sida \d+ av \d+$/.test(line));

  it('starts with a cover: the organisation, the report, its year and its publication date, and no page number', () => {
    expect(pdf.pages[0]!.lines).toEqual(['Kommunförbundet Kalmar län', 'Verksamhetsberättelse 2019', 'Verksamhetsåret 2019', 'Publicerad 31 mars 2020']);
  });

  it('numbers every other page at its foot', () => {
    pdf.pages.slice(1).forEach((page, index) => expect(page.lines.at(-1), `page ${index + 2}`).toBe(`Sida ${index + 2} av ${pdf.pages.length}`));
  });

  it('has a table of contents after the cover, each entry with the page its heading is on', () => {
    const [heading, ...entries] = body(pdf.pages[1]!.lines);
    expect(heading).toBe('Innehåll');
    // the same entries as the web page's contents, in the same order
    const webEntries = selectAll('nav.toc a', reportPage).map((link) => toString(link));
    expect(webEntries.length).toBeGreaterThan(20);
    expect(entries.map((entry) => entry.replace(/ \d+$/, ''))).toEqual(webEntries);
    const links = pdf.pages[1]!.links;
    expect(links.map((link) => link.dest), 'each entry links to its heading').toEqual(
      selectAll('nav.toc a', reportPage).map((link) => String(link.properties.href).slice(1)),
    );
    entries.forEach((entry, index) => {
      const [, title, number] = /^(.+) (\d+)$/.exec(entry) ?? [];
      expect(number, `"${entry}" has a page number`).toBeDefined();
      const page = Number(number);
      expect(pdf.destinations.get(links[index]!.dest!), `${title}: the page the link leads to`).toBe(page);
      const bookmark = pdf.outline.find((item) => item.depth > 0 && (item.title === title || item.title.startsWith(`${title} `)));
      expect(bookmark?.page, `${title}: the page its bookmark leads to`).toBe(page);
      expect(body(pdf.pages[page - 1]!.lines).some((line) => line === title || line.startsWith(`${title} `)), `${title} is printed on page ${page}`).toBe(true);
    });
    // and the web page itself has no page numbers, cover or leaders
    expect(selectAll('[class^="edition-"], [class*=" edition-"]', reportPage)).toEqual([]);
  });

  it('has bookmarks: the report, then each area, each goal in its area and each goal\'s sections', () => {
    expect(pdf.outline[0]).toEqual({ title: 'Verksamhetsberättelse 2019', depth: 0, page: 1 });
    const areas = selectAll('.report-area > h2', reportPage).map((heading) => toString(heading));
    expect(areas.length).toBe(6);
    expect(pdf.outline.filter((item) => item.depth === 1).map((item) => item.title)).toEqual(['Innehåll', 'Måluppfyllelse', ...areas]);
    const goals = pdf.outline.filter((item) => item.depth === 2);
    // titled as on the web page, status and all: "Mål 1 ◐ Delvis uppfyllt"
    expect(goals.map((item) => item.title)).toEqual(selectAll('.goal > h3', reportPage).map((heading) => toString(heading).replace(/\s+/g, ' ').trim()));
    for (const goal of goals) expect(goal.page, goal.title).toBe(pdf.destinations.get(`mal-${/\d+/.exec(goal.title)![0]}`));
    expect(pdf.outline.filter((item) => item.depth === 3 && item.title === 'Uppföljning').length).toBe(15);
  });

  it('leaves no page nearly empty: every page between the contents and the last is at least two thirds full', () => {
    // A4 with the print stylesheet's margins: 20 mm at the top, 22 mm at the foot
    const mm = 72 / 25.4;
    const top = 841.92 - 20 * mm;
    const height = top - 22 * mm;
    const fill = pdf.pages.map((page) => {
      const baselines = page.baselines.filter((_y, index) => !/^Sida \d+ av \d+$/.test(page.lines[index]!));
      return Math.round(((top - Math.min(...baselines)) / height) * 100);
    });
    const content = fill.slice(2, -1);
    expect(content.length).toBeGreaterThan(10);
    expect(
      content.flatMap((percent, index) => (percent < 67 ? [`page ${index + 3} is ${percent} % full`] : [])),
      'pages left nearly empty',
    ).toEqual([]);
  });

  it('has the same text as the web page', () => {
    const main = selectAll('main', reportPage)[0]!;
    // what print leaves out on purpose (the link to the PDF itself, each goal's link to its own
    // page), the contents, whose entries the PDF follows with page numbers (tested above), and
    // what only screen readers are given (a table's name under a heading that says it)
    const left = ['pdf-link', 'goal__link', 'toc', 'visually-hidden'];
    const printed = (node: Element): Element => ({
      ...node,
      children: node.children
        .filter((child) => child.type !== 'element' || !((child.properties.className as string[] | undefined) ?? []).some((name) => left.includes(name)))
        .map((child) => (child.type === 'element' ? printed(child) : child)),
    });
    const blocks = selectAll('h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, figcaption', printed(main)).map((block) => toString(block));
    expect(blocks.length).toBeGreaterThan(300);
    // compared without white space (lines break differently on paper) and without the addresses
    // print writes after each link
    const comparable = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').replace(/\((?:https?:|mailto:|example\.org\/)[^()]*\)/g, '');
    const document = comparable(pdf.pages.map((page) => page.paintedText).join(' ')).replace(/Sida\d+av\d+/g, '');
    const missing = blocks.filter((block) => !document.includes(comparable(block)));
    expect(missing, 'text of the web page that is not in the PDF').toEqual([]);
  });
});
