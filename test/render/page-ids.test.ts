import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { siteSources } from '../support/build-site.js';
import { select } from '../support/hast.js';
import { listPages } from '../support/site-pages.js';
import { area, removeSites, siteYaml, writeSite } from '../content/temp-site.js';

/*
 * Duplicate ids (issue 11, defect 14): a content heading's id is unique only within its own
 * body, so a heading "Sidans innehåll" took the skip link's target and "Mål 1" in a report's
 * introduction the id that every link to goal 1 jumps to. The template's ids must win, on every
 * page, whatever the content's headings are called.
 */

const builtSites: string[] = [];

/** Builds a content folder with the real command line (no PDF, no search index) into a temp folder. */
async function build(contentDir: string): Promise<string> {
  const dir = await tempDir();
  builtSites.push(dir);
  const out = join(dir, 'site');
  const result = await runCli(['build', '--content', contentDir, '--out', out, '--no-pdf', '--no-search', '--no-cache'], dir);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  return out;
}

afterAll(async () => {
  await removeSites();
  await Promise.all(builtSites.map((dir) => rm(dir, { recursive: true, force: true })));
});

const page = async (out: string, path: string): Promise<Root> => fromHtml(await readFile(join(out, path), 'utf8'));

/** Every id that more than one element of the page has. */
function duplicateIds(tree: Root): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const element of select(tree, (node) => typeof node.properties.id === 'string')) {
    const id = String(element.properties.id);
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  return [...duplicates];
}

/** The one element a same-page link `#id` leads to. */
function target(tree: Root, href: string): Element {
  const id = decodeURIComponent(href.slice(1));
  const found = select(tree, (node) => node.properties.id === id);
  expect(found, `${href} leads to exactly one element`).toHaveLength(1);
  return found[0]!;
}

const links = (tree: Root, test: (href: string, element: Element) => boolean) =>
  select(tree, (node) => node.tagName === 'a' && typeof node.properties.href === 'string' && test(String(node.properties.href), node));

describe('content headings named like the template’s targets', () => {
  let out: string;

  beforeAll(async () => {
    const content = await writeSite({
      'site.yaml': siteYaml,
      'omraden/skola.md': area('Skola', 1),
      // an area's text with headings named like the skip link's target ("innehall" slugs to it exactly), and a footnote
      'omraden/miljo.md':
        '---\ntitle: Miljö\nsummary: Om miljö.\norder: 2\n---\n## Sidans innehåll\n\nText med en fotnot.[^1]\n\n## Sidans innehall\n\nSamma rubrik, utan å.\n\n[^1]: Fotnoten.\n',
      'verksamhetsberattelse/2019/index.md':
        '---\ntitle: Verksamhetsberättelse 2019\npublished: 2020-03-31\n---\n## Mål 1\n\nInledningen har en rubrik som heter som det första målet.[^a]\n\n## Mal 1\n\nOch samma utan å.\n\n## Skola\n\nOch en som heter som området.\n\n## Innehall\n\nOch en som heter som innehållsförteckningen.\n\n## Mal 1 bakgrund\n\nOch en som heter som bakgrunden till mål 1.\n\n[^a]: Inledningens fotnot.\n',
      // the goal's background links to its own heading, which in the report becomes "mal-1-bakgrund" too
      'verksamhetsberattelse/2019/mal-1.md':
        '---\nnumber: 1\narea: skola\nstatement: Fler läser.\n---\n### Bakgrund\n\nLäs [bakgrunden](#bakgrund).[^1]\n\n## Aktiviteter\n\nVi läste.\n\n## Indikatorer\n\nI.\n\n## Uppföljning\n\nDet gick bra.\n\n[^1]: Målets fotnot.\n',
    });
    out = await build(content);
  });

  it('keeps the skip link’s target on <main> when the text has a heading "Sidans innehåll"', async () => {
    const tree = await page(out, 'omraden/miljo/index.html');
    expect(duplicateIds(tree)).toEqual([]);
    const [skip] = links(tree, (_href, node) => String(node.properties.className ?? '').includes('skip-link'));
    expect(target(tree, String(skip!.properties.href)).tagName).toBe('main');
    const headings = select(tree, (node) => node.tagName === 'h2' && toString(node).startsWith('Sidans innehåll'.slice(0, 7)));
    expect(headings.map((heading) => toString(heading))).toEqual(['Sidans innehåll', 'Sidans innehall']);
    for (const heading of headings) expect(heading.properties.id).not.toBe(skip!.properties.href!.toString().slice(1));
  });

  it('keeps every link to goal 1, to an area and to the contents on the report’s own targets when the introduction has headings named like them', async () => {
    const tree = await page(out, 'verksamhetsberattelse/2019/index.html');
    expect(duplicateIds(tree)).toEqual([]);
    const toGoal = links(tree, (href) => href === '#mal-1');
    expect(toGoal.length, 'the contents link to goal 1').toBeGreaterThan(0);
    const goal = target(tree, '#mal-1');
    expect(goal.tagName).toBe('h3');
    expect(toString(goal)).toContain('Mål 1');
    // the goal's article and the area's section are named by their own headings
    expect(select(tree, (node) => node.tagName === 'article' && String(node.properties.ariaLabelledBy) === 'mal-1')).toHaveLength(1);
    expect(links(tree, (href) => href === '#skola').length, 'the contents link to the area').toBeGreaterThan(0);
    const [areaSection] = select(tree, (node) => node.tagName === 'section' && String(node.properties.className ?? '').includes('report-area'));
    expect(select(areaSection!, (node) => node.properties.id === 'skola')).toHaveLength(1);
    // the table of contents is still named by its own heading, not by the introduction's "Innehall"
    const [toc] = select(tree, (node) => node.tagName === 'nav' && String(node.properties.className ?? '').includes('toc'));
    expect(toc!.properties.ariaLabelledBy).toEqual(['innehall']);
    expect(select(toc!, (node) => node.properties.id === 'innehall')).toHaveLength(1);
  });

  it('keeps each body’s own links (footnotes, its headings) within that body, and every same-page reference leads to one element', async () => {
    const pages = ['verksamhetsberattelse/2019/mal-1/index.html', 'verksamhetsberattelse/2019/index.html', 'omraden/miljo/index.html'];
    for (const path of pages) {
      const tree = await page(out, path);
      expect(duplicateIds(tree), path).toEqual([]);
      for (const link of links(tree, (href) => href.startsWith('#') && href.length > 1)) target(tree, String(link.properties.href));
      for (const node of select(tree, (element) => Array.isArray(element.properties.ariaDescribedBy) || Array.isArray(element.properties.ariaLabelledBy))) {
        for (const id of [node.properties.ariaDescribedBy, node.properties.ariaLabelledBy].flat()) if (id !== undefined) target(tree, `#${String(id)}`);
      }
    }
    const footnotes = async (path: string) => {
      const tree = await page(out, path);
      return links(tree, (_href, node) => node.properties.dataFootnoteRef !== undefined).map((reference) => toString(target(tree, String(reference.properties.href))).trim());
    };
    expect(await footnotes('verksamhetsberattelse/2019/index.html')).toEqual([expect.stringContaining('Inledningens fotnot.'), expect.stringContaining('Målets fotnot.')]);
    expect(await footnotes('verksamhetsberattelse/2019/mal-1/index.html')).toEqual([expect.stringContaining('Målets fotnot.')]);
    expect(await footnotes('omraden/miljo/index.html')).toEqual([expect.stringContaining('Fotnoten.')]);

    // the introduction's "Mål 1 bakgrund" came first; goal 1's own link still reaches goal 1's "Bakgrund"
    const report = await page(out, 'verksamhetsberattelse/2019/index.html');
    const [background] = links(report, (_href, node) => toString(node) === 'bakgrunden');
    expect(toString(target(report, String(background!.properties.href)))).toBe('Bakgrund');
    const goalPage = await page(out, 'verksamhetsberattelse/2019/mal-1/index.html');
    const [own] = links(goalPage, (_href, node) => toString(node) === 'bakgrunden');
    expect(toString(target(goalPage, String(own!.properties.href)))).toBe('Bakgrund');
  });
});

describe('every page of the real site and of every fixture site', () => {
  const built = new Map<string, string>();

  beforeAll(async () => {
    // one after the other: the machine is shared
    for (const source of siteSources()) built.set(source.name, await build(source.contentDir));
  });

  it.each(siteSources().map((source) => source.name))('%s: no id twice on any page', async (name) => {
    const pages = await listPages(built.get(name)!);
    expect(pages.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const { relativePath, file } of pages) {
      const duplicates = duplicateIds(fromHtml(await readFile(file, 'utf8')));
      if (duplicates.length > 0) problems.push(`${relativePath}: ${duplicates.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
