import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build.js';
import { pageContext } from '../../src/render/render.js';
import { newsArchive } from '../../src/routes/news-archive.js';
import { PageKeys } from '../../src/routes/page-key.js';
import { deriveRoutes, newsPageSize } from '../../src/routes/routes.js';
import { area, news, removeSites, siteYaml, writeSite } from '../content/temp-site.js';

/** Items newest first, `counts` per year from the newest year down. */
function items(counts: Record<number, number>): { year: number; id: string }[] {
  return Object.entries(counts)
    .sort(([a], [b]) => Number(b) - Number(a))
    .flatMap(([year, count]) => Array.from({ length: count }, (_, index) => ({ year: Number(year), id: `${year}-${index + 1}` })));
}

describe('newsArchive', () => {
  it('has no years and no pages without news, and an empty start page', () => {
    expect(newsArchive([], 20)).toEqual({ years: [], latest: [], older: undefined, pages: [] });
  });

  it("pages each year by itself, so a year's pages hold that year's items alone", () => {
    const archive = newsArchive(items({ 2021: 45, 2020: 20, 2019: 1 }), 20);
    expect(archive.years).toEqual([2021, 2020, 2019]);
    expect(archive.pages.map(({ year, page }) => [year, page.number, page.total, page.items.length])).toEqual([
      [2021, 1, 3, 20],
      [2021, 2, 3, 20],
      [2021, 3, 3, 5],
      [2020, 1, 1, 20],
      [2019, 1, 1, 1],
    ]);
    for (const { year, page } of archive.pages) expect(page.items.every((item) => item.year === year)).toBe(true);
  });

  it("leads from each year's last page to the next older year's first, from its first page to the newer year's last", () => {
    const archive = newsArchive(items({ 2021: 45, 2020: 20, 2019: 1 }), 20);
    expect(archive.pages.map(({ year, page, newer, older }) => [`${year}:${page.number}`, newer, older])).toEqual([
      ['2021:1', undefined, undefined],
      ['2021:2', undefined, undefined],
      ['2021:3', undefined, { year: 2020, page: 1 }],
      ['2020:1', { year: 2021, page: 3 }, { year: 2019, page: 1 }],
      ['2019:1', { year: 2020, page: 1 }, undefined],
    ]);
  });

  it('shows the newest items on the start page and leads on to the page that holds the first one left out', () => {
    const few = newsArchive(items({ 2022: 3, 2021: 45 }), 20);
    expect(few.latest.map((item) => item.id)).toEqual([...['2022-1', '2022-2', '2022-3'], ...Array.from({ length: 17 }, (_, i) => `2021-${i + 1}`)]);
    // the 21st item is 2021's 18th: on 2021's first page
    expect(few.older).toEqual({ year: 2021, page: 1 });
    expect(newsArchive(items({ 2021: 45 }), 20).older).toEqual({ year: 2021, page: 2 });
    expect(newsArchive(items({ 2021: 20, 2020: 5 }), 20).older).toEqual({ year: 2020, page: 1 });
    expect(newsArchive(items({ 2021: 20 }), 20).older).toBeUndefined();
  });
});

/*
 * The point of the archive by year: a changed date re-renders only the archive pages of its own
 * years. Told by the pages' keys (routes/page-key.ts), which decide what the preview and the cache
 * render again, on a site with many archive pages per year.
 */
describe('the archive pages a date edit changes', () => {
  const perYear = 5 * newsPageSize + 10; // six pages a year
  const yearsOfNews = [2022, 2021, 2020];
  let dir: string;

  /** Day `index` of a year counted back from 30 December, three days apart: item 1 is the newest. */
  const dateOf = (year: number, index: number) => new Date(Date.UTC(year, 11, 30 - 3 * index)).toISOString().slice(0, 10);
  const fileOf = (year: number, index: number) => `nyheter/nyhet-${year}-${String(index).padStart(3, '0')}.md`;

  beforeAll(async () => {
    const files: Record<string, string> = { 'site.yaml': siteYaml, 'omraden/media.md': area('Media', 1) };
    for (const year of yearsOfNews) {
      for (let index = 0; index < perYear; index++) files[fileOf(year, index)] = news({ title: `Nyhet ${year} ${index}`, date: dateOf(year, index), areas: ['media'] });
    }
    dir = await writeSite(files);
  });
  afterAll(removeSites);

  /** The key of every archive page (start page and year pages) by its address, as the content is now. */
  async function archiveKeys(): Promise<Map<string, string>> {
    const graph = await loadSite({ contentDir: dir, cwd: dir });
    const keys = new PageKeys((file) => createHash('sha1').update(readFileSync(join(dir, file))).digest('hex'));
    const archive = deriveRoutes(graph).filter((route) => route.kind === 'news' || route.kind === 'news-year');
    return new Map(archive.map((route) => [route.path, keys.key(route, pageContext(graph, route))]));
  }

  async function redate(file: string, date: string): Promise<string> {
    const path = join(dir, file);
    const before = await readFile(path, 'utf8');
    await writeFile(path, before.replace(/^date: .*$/m, `date: ${date}`));
    return before;
  }

  const changed = (before: Map<string, string>, after: Map<string, string>) =>
    [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path)).sort();

  it("changes only the year's pages between the item's old and new place when its date moves within the year", async () => {
    const before = await archiveKeys();
    expect([...before.keys()].filter((path) => path.startsWith('/nyheter/2021/'))).toHaveLength(6);
    // item 25 of 2021 (on its second page) moves to between items 75 and 76 (its fourth page)
    const original = await redate(fileOf(2021, 25), dateOf(2021, 75.5));
    try {
      const after = await archiveKeys();
      expect(changed(before, after)).toEqual(['/nyheter/2021/sida/2/', '/nyheter/2021/sida/3/', '/nyheter/2021/sida/4/']);
    } finally {
      await writeFile(join(dir, fileOf(2021, 25)), original);
    }
  });

  it('changes only the pages of the two years from the old and the new place on when an item moves to another year', async () => {
    const before = await archiveKeys();
    const original = await redate(fileOf(2021, 25), '2020-06-15');
    try {
      // 2021 from the item's old place (its second page) on, 2020 from its new place (the fourth) on;
      // both years keep six pages, so their other pages, 2022's and the start page stay as they were
      expect(changed(before, await archiveKeys())).toEqual([
        ...['/nyheter/2020/sida/4/', '/nyheter/2020/sida/5/', '/nyheter/2020/sida/6/'],
        ...['/nyheter/2021/sida/2/', '/nyheter/2021/sida/3/', '/nyheter/2021/sida/4/', '/nyheter/2021/sida/5/', '/nyheter/2021/sida/6/'],
      ]);
    } finally {
      await writeFile(join(dir, fileOf(2021, 25)), original);
    }
  });
});
