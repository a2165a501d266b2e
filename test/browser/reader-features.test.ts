import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildSession } from '../../src/session/session.js';
import { buildSite, cleanupAll, siteSources, type BuiltSite } from '../support/build-site.js';
import { axeCheckLoaded, chromiumAvailable, formatAxeViolations, launchBrowser } from '../support/browser.js';
import { fixture } from '../support/cli.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/*
 * The reader features at work in a real browser, on the real content: search (a real query
 * against the Pagefind index the build wrote), the charts as images with names and
 * descriptions, and the report page printed as a document.
 */

const hasChromium = chromiumAvailable();
/** Non-breaking and narrow spaces read as spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

interface Hit {
  title: string;
  href: string;
  meta: string;
  excerpt: string;
}

async function hits(page: Page): Promise<Hit[]> {
  return page.$$eval('#sok-traffar > li', (items) =>
    items.map((item) => ({
      title: item.querySelector('h2')?.textContent ?? '',
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      meta: item.querySelector('.search-hit__meta')?.textContent ?? '',
      excerpt: item.querySelector('.search-hit__excerpt')?.innerHTML ?? '',
    })),
  );
}

/** Waits until the search has answered (the status says how many hits). */
async function answered(page: Page): Promise<string> {
  await page.waitForFunction(() => /träff/.test(document.getElementById('sok-status')?.textContent ?? ''), undefined, { timeout: 20_000 });
  return (await page.textContent('#sok-status')) ?? '';
}

describe.skipIf(!hasChromium)('reader features in Chromium', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    const real = siteSources().find((source) => source.name === 'content')!;
    [site, browser] = await Promise.all([buildSite(real), launchBrowser()]);
    server = await startStaticServer(site.outDir, { basePath: site.basePath });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) await cleanupAll([site]);
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(server.pageUrl(path), { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }

  describe('search', () => {
    it('finds "samverkan" in goals, projects and news, each hit with its kind, area and date', async () => {
      const page = await open('/sok/?q=samverkan');
      try {
        expect(await answered(page)).toMatch(/^\d+ träffar för ”samverkan”\.$/);
        const found = await hits(page);
        expect(found.length).toBeGreaterThanOrEqual(8);
        const titles = found.map((hit) => hit.title);
        expect(titles).toContain('Samverkan leder till arbete');
        expect(titles).toContain('Fortsatt samverkan leder till arbete');
        expect(titles).toContain('Tolv kommuner i samverkan kring digitalisering');
        expect(titles.some((title) => /^Mål \d+ – Verksamhetsberättelse 2019$/.test(title))).toBe(true);
        for (const hit of found) {
          expect(hit.meta, hit.title).toMatch(/^(Mål|Projekt|Nyhet|Nyhetsbrev)( · |$)/);
          expect(hit.excerpt.toLowerCase(), hit.title).toContain('<mark>');
          expect(hit.href.startsWith('/'), hit.href).toBe(true);
        }
        const news = found.find((hit) => hit.title === 'Tolv kommuner i samverkan kring digitalisering')!;
        expect(news.meta).toBe('Nyhet · Digitalisering · 27 april 2021');
        const goal = found.find((hit) => hit.title.startsWith('Mål 14'))!;
        expect(goal.meta).toBe('Mål · Arbetsmarknad och integration · Verksamhetsberättelse 2019');
        // a hit leads to its page
        await page.click(`#sok-traffar a[href="${news.href}"]`);
        await page.waitForURL(/\/nyheter\/2021\/tolv-kommuner-i-samverkan-kring-digitalisering\/$/);
        expect((page as Page & { errors: string[] }).errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('finds "AV-Media", and filters by area and by kind', async () => {
      const page = await open('/sok/?q=AV-Media');
      try {
        await answered(page);
        const all = await hits(page);
        expect(all.map((hit) => hit.title)).toContain('50 år med AV-Media');
        await page.check('#omrade-av-media');
        await page.waitForFunction(() => /valda filtren/.test(document.getElementById('sok-status')?.textContent ?? ''));
        const inArea = await hits(page);
        expect(inArea.length).toBeGreaterThan(0);
        expect(inArea.length).toBeLessThanOrEqual(all.length);
        for (const hit of inArea) expect(hit.meta, hit.title).toContain('AV-Media');
        expect(page.url()).toContain('omrade=AV-Media');
        await page.check('#typ-nyhet');
        // wait for the filtered list itself: an empty list (while it is redrawn) has no hit to test
        await page.waitForFunction(() => {
          const metas = [...document.querySelectorAll('#sok-traffar .search-hit__meta')];
          return metas.length > 0 && metas.every((meta) => meta.textContent?.startsWith('Nyhet'));
        });
        const news = await hits(page);
        expect(news.map((hit) => hit.title)).toEqual(['50 år med AV-Media']);
      } finally {
        await page.close();
      }
    });

    it('is reached from the search field in every page\'s header', async () => {
      const page = await open('/');
      try {
        await page.fill('#sidsok', 'samverkan');
        await page.press('#sidsok', 'Enter');
        await page.waitForURL(/\/sok\/\?q=samverkan$/);
        await answered(page);
        expect((await hits(page)).length).toBeGreaterThan(0);
        expect(await page.inputValue('#sokord')).toBe('samverkan');
      } finally {
        await page.close();
      }
    });

    it('has no accessibility violations with results on the page', async () => {
      const page = await open('/sok/?q=samverkan&typ=Projekt');
      try {
        expect(await answered(page)).toMatch(/^\d+ träffar för ”samverkan” med de valda filtren\.$/);
        expect((await hits(page)).length).toBeGreaterThan(0);
        const violations = await axeCheckLoaded(page, 'search with results');
        expect(violations.length, formatAxeViolations(violations)).toBe(0);
      } finally {
        await page.close();
      }
    });

    it('shows only the new hits when a filter changes while the previous hits are still loading', async () => {
      const page = await context.newPage();
      // Hold the hits' texts (Pagefind's fragments) as a slow connection would, until the filter is set.
      const held: Route[] = [];
      let released = false;
      let firstHeld!: () => void;
      const holding = new Promise<void>((done) => (firstHeld = done));
      await page.route('**/pagefind/fragment/**', async (route) => {
        if (released) return route.continue();
        held.push(route);
        firstHeld();
      });
      try {
        const response = await page.goto(server.pageUrl('/sok/?q=samverkan'), { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        await holding;
        await page.check('#typ-projekt');
        released = true;
        await Promise.all(held.map((route) => route.continue()));
        const status = await page.waitForFunction(() => {
          const text = document.getElementById('sok-status')?.textContent ?? '';
          return /valda filtren/.test(text) ? text : undefined;
        });
        const count = Number(/^(\d+) träff/.exec(String(await status.jsonValue()))?.[1]);
        expect(count).toBeGreaterThan(0);
        const shown = await hits(page);
        expect(shown.map((hit) => hit.meta.split(' · ')[0])).toEqual(new Array<string>(Math.min(count, 20)).fill('Projekt'));
      } finally {
        await page.close();
      }
    });

    it('says plainly that it needs JavaScript when scripts do not run', async () => {
      const noScript = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await noScript.newPage();
        await page.goto(server.pageUrl('/sok/?q=samverkan'), { waitUntil: 'load' });
        expect(await page.isVisible('[data-search-needs-script]')).toBe(true);
        expect(plain((await page.textContent('[data-search-needs-script]')) ?? '')).toMatch(/^Sökningen behöver JavaScript/);
        expect(await page.isVisible('[data-search-filters]')).toBe(false);
      } finally {
        await noScript.close();
      }
    });

    it('in the preview, which has no index, says that npm run build makes it', async () => {
      const content = fixture('basic');
      const session = new BuildSession({ contentDir: content, cwd: dirname(content), drafts: true, mode: 'dev', today: '2026-06-01' });
      const result = await session.update();
      expect(result.messages).toEqual([]);
      const files = [...session.outputFiles.keys()];
      expect(files).toContain('sok.js');
      expect(files.filter((file) => file.startsWith('pagefind/'))).toEqual([]);
      const folder = await mkdtemp(join(tmpdir(), 'verksam-preview-'));
      for (const [file, contents] of session.outputFiles) {
        await mkdir(dirname(join(folder, file)), { recursive: true });
        await writeFile(join(folder, file), contents);
      }
      const preview = await startStaticServer(folder);
      try {
        const page = await context.newPage();
        await page.goto(preview.pageUrl('/sok/?q=skola'), { waitUntil: 'load' });
        await page.waitForSelector('[data-search-no-index]', { state: 'visible' });
        expect(plain((await page.textContent('[data-search-no-index]')) ?? '')).toContain('Det byggs av npm run build');
        expect(await page.isVisible('[data-search-needs-script]')).toBe(false);
        await page.close();
      } finally {
        await preview.close();
        await rm(folder, { recursive: true, force: true });
      }
    });
  });

  describe('charts', () => {
    it('says plainly that the 2019 report assessed no goal, and draws no status chart or table for it', async () => {
      const page = await open('/verksamhetsberattelse/2019/');
      try {
        expect(await page.textContent('#maluppfyllelse + p')).toBe('Inget av de 15 målen har bedömts i rapporten.');
        expect(await page.getByRole('img', { name: /antal mål per status/ }).count()).toBe(0);
        expect(await page.locator('table.status-table').count()).toBe(0);
        // nothing reads as an assessment: no goal carries a status word of its own
        expect(plain((await page.textContent('main')) ?? '')).not.toMatch(/\b(?:Delvis uppfyllt|Uppfyllt|Ej uppfyllt)\b/);
      } finally {
        await page.close();
      }
    });

    it('shows key figures as charts in Swedish number format, with the data table after them, and fits a phone', async () => {
      const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      try {
        const page = await phone.newPage();
        await page.goto(server.pageUrl('/verksamhetsberattelse/2019/mal-3/'), { waitUntil: 'load' });
        const comparison = page.getByRole('img', { name: 'Pedagoger på kurser och aktiviteter, 2018 och 2019' });
        expect(await comparison.isVisible()).toBe(true);
        const description = await comparison.evaluate((svg) => document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
        expect(plain(description)).toBe('2018: 2 200 personer. 2019: 2 500 personer, en ökning med 13,6 %.');
        const group = page.getByRole('img', { name: 'Mål 3 2019, antal personer' });
        expect(plain((await group.textContent()) ?? '')).toContain('Besökare i testrummet: 190 personer');
        const table = plain((await page.textContent('.key-figures table')) ?? '');
        expect(table).toContain('Pedagoger på kurser och aktiviteter2 500 personer2 200 personer+13,6 %');
        expect(table).toContain('Läsare per nyhetsbrev (i snitt)1 500 läsare–+10 %');
        for (const svg of await page.$$('.chart svg')) {
          const box = await svg.boundingBox();
          expect(box!.x + box!.width).toBeLessThanOrEqual(360);
        }
        const goal5 = await phone.newPage();
        await goal5.goto(server.pageUrl('/verksamhetsberattelse/2019/mal-5/'), { waitUntil: 'load' });
        expect(plain((await goal5.textContent('.key-figures table')) ?? '')).toContain('Strömmad film255 680 gånger+4,3 %');
      } finally {
        await phone.close();
      }
    });
  });

  describe('print', () => {
    it('prints the report as a clean document: no navigation, contents kept, areas without forced page breaks, link addresses written out, page margins', async () => {
      const page = await open('/verksamhetsberattelse/2019/');
      try {
        await page.emulateMedia({ media: 'print' });
        for (const hidden of ['.site-header', '.site-footer', '.breadcrumbs', '.skip-link', '.goal__link']) {
          expect(await page.$eval(hidden, (element) => getComputedStyle(element).display), hidden).toBe('none');
        }
        expect(await page.isVisible('nav.toc')).toBe(true);
        expect(await page.isVisible('.chart')).toBe(true);
        const breaks = await page.$$eval('.report-area', (areas) => areas.map((area) => getComputedStyle(area).breakBefore));
        // one section per area that has goals in the report (six of the seven areas), and no forced
        // page break before them: it left the page before nearly empty (test/pdf/report-pdf.test.ts)
        expect(breaks.length).toBe(6);
        expect(new Set(breaks)).toEqual(new Set(['auto']));
        const after = await page.$eval('.goal .facts a[href*="/omraden/"]', (link) => getComputedStyle(link, '::after').content);
        expect(after).toMatch(/^" \(" "?www\.kfkl\.se"? "?\/omraden\/[a-z-]+\/"? "\)"$|www\.kfkl\.se.*\/omraden\//);
        const tocAfter = await page.$eval('nav.toc a', (link) => getComputedStyle(link, '::after').content);
        expect(tocAfter).toBe('none');
        const margins = await page.evaluate(() =>
          [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).filter((rule) => rule instanceof CSSPageRule).map((rule) => (rule as CSSPageRule).style.margin),
        );
        expect(margins).toEqual(['20mm 18mm 22mm']);
        // on screen, none of that
        await page.emulateMedia({ media: 'screen' });
        expect(await page.isVisible('.site-header')).toBe(true);
        expect(await page.$eval('.goal .facts a[href*="/omraden/"]', (link) => getComputedStyle(link, '::after').content)).toBe('none');
      } finally {
        await page.close();
      }
    });
  });
});
