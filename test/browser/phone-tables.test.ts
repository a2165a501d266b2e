import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite as buildInMemory } from '../../src/build.js';
import { removeSites, writeSite } from '../content/temp-site.js';
import { buildSite, siteSources } from '../support/build-site.js';
import { axeCheckLoaded, chromiumAvailable, formatAxeViolations, launchBrowser } from '../support/browser.js';
import { validateHtmlFiles } from '../support/html-validate.js';
import { listPages } from '../support/site-pages.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import { yearsSite } from '../build/years-site.js';

/*
 * Report, goal and comparison pages on a phone (issue 12 §3): every table reflows to one card
 * per row, so the text of every cell is on a 360 px screen, with no sideways scrolling, the goals'
 * folded full texts opened too. Measured cell by cell, in Chromium, on the real content, the
 * basic fixture and a site followed over three years (the only one with a comparison page).
 */

const hasChromium = chromiumAvailable();

/** The report pages of a site: a report, its goals and its comparison. */
const reportPage = (url: string) => /^\/[a-z0-9-]+\/\d{4}\/(?:mal-\d+\/|jamforelse\/)?$/.test(url) && !url.startsWith('/nyheter/');

interface Outside {
  cell: string;
  left: number;
  right: number;
}

/** Every table cell, and every line of its text, that is not wholly inside the viewport's width. */
function cellsOutside(page: Page): Promise<Outside[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside: Outside[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('main table th, main table td')) {
      const range = document.createRange();
      range.selectNodeContents(cell);
      for (const box of [cell.getBoundingClientRect(), ...range.getClientRects()]) {
        if (box.width === 0 && box.height === 0) continue;
        if (box.left < -0.5 || box.right > width + 0.5) outside.push({ cell: (cell.textContent ?? '').trim().slice(0, 60), left: Math.round(box.left), right: Math.round(box.right) });
      }
    }
    return outside;
  });
}

describe.skipIf(!hasChromium)('tables on report, goal and comparison pages', () => {
  let browser: Browser;
  const sites: { name: string; server: StaticServer; urls: string[]; folder?: string }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const source of siteSources().filter((candidate) => candidate.name === 'content' || candidate.name === 'basic')) {
      const built = await buildSite(source);
      const urls = (await listPages(built.outDir)).map((page) => page.url).filter(reportPage);
      sites.push({ name: source.name, server: await startStaticServer(built.outDir, { basePath: built.basePath }), urls });
    }
    const years = await buildInMemory({ contentDir: await writeSite(yearsSite), today: '2026-06-01' });
    const folder = await mkdtemp(join(tmpdir(), 'verksam-years-'));
    for (const file of years.files) {
      await mkdir(dirname(join(folder, file.path)), { recursive: true });
      await writeFile(join(folder, file.path), file.contents);
    }
    const urls = years.routes.filter((route) => ['report', 'goal', 'comparison'].includes(route.kind)).map((route) => route.path);
    sites.push({ name: 'years', server: await startStaticServer(folder), urls, folder });
  });

  afterAll(async () => {
    await browser?.close();
    for (const site of sites) {
      await site.server.close();
      if (site.folder) await rm(site.folder, { recursive: true, force: true });
    }
    await removeSites();
  });

  it('covers every kind: reports, goals and a comparison', () => {
    const all = sites.flatMap((site) => site.urls);
    expect(all.filter((url) => url.endsWith('/jamforelse/')).length).toBeGreaterThan(0);
    expect(all.filter((url) => /\/mal-\d+\/$/.test(url)).length).toBeGreaterThan(15);
    expect(all.filter((url) => /\/\d{4}\/$/.test(url)).length).toBeGreaterThan(3);
  });

  it.each(['content', 'basic', 'years'])('%s: at 360 px every cell\'s text is on screen, each value named by its column', async (name) => {
    const site = sites.find((candidate) => candidate.name === name)!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      let cells = 0;
      for (const url of site.urls) {
        await page.goto(site.server.pageUrl(url), { waitUntil: 'load' });
        // the goals' full texts, folded on the report page, are read on a phone too
        await page.$$eval('details', (all) => all.forEach((details) => (details.open = true)));
        cells += await page.locator('main table td, main table th').count();
        for (const cell of await cellsOutside(page)) problems.push(`${url}: "${cell.cell}" at ${cell.left}–${cell.right} px`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > 360) problems.push(`${url}: the page is ${scroll} px wide`);
        // a value's column is named beside it: every data cell of a reflowed table has its label shown
        const unlabelled = await page.$$eval('main table.reflow tbody td, main table.reflow tfoot td', (all) =>
          all.filter((cell) => !getComputedStyle(cell, '::before').content.includes(cell.dataset.label ?? '\u0000')).map((cell) => (cell.textContent ?? '').trim().slice(0, 40)),
        );
        for (const cell of unlabelled) problems.push(`${url}: "${cell}" has no column name before it`);
      }
      expect(cells, 'cells measured').toBeGreaterThan(10);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('at 1280 px the tables are tables, every cell inside the window', async () => {
    const site = sites.find((candidate) => candidate.name === 'years')!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      for (const url of site.urls) {
        await page.goto(site.server.pageUrl(url), { waitUntil: 'load' });
        await page.$$eval('details', (all) => all.forEach((details) => (details.open = true)));
        expect(await cellsOutside(page), url).toEqual([]);
        expect((await page.$$eval('main table tr', (rows) => rows.map((row) => getComputedStyle(row).display))).filter((display) => display !== 'table-row'), url).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it('the years site\'s report, goal and comparison pages pass axe (on a phone and a desktop) and html-validate: no other gate site has a comparison', async () => {
    const site = sites.find((candidate) => candidate.name === 'years')!;
    for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 900 }]) {
      const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        for (const url of site.urls) {
          await page.goto(site.server.pageUrl(url), { waitUntil: 'load' });
          const violations = await axeCheckLoaded(page, `${url} at ${viewport.width} px`);
          expect(violations.length, formatAxeViolations(violations)).toBe(0);
        }
      } finally {
        await context.close();
      }
    }
    const files = site.urls.map((url) => join(site.folder!, url, 'index.html'));
    expect(await validateHtmlFiles(files, site.folder!)).toEqual([]);
  });
});
