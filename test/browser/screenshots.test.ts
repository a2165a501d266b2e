import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAllSites, cleanupAll, repoRoot, siteSources, type BuiltSite } from '../support/build-site.js';
import { chromiumAvailable, inTabs, launchBrowser } from '../support/browser.js';
import { listPages, onePagePerKind } from '../support/site-pages.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/*
 * Phone and desktop: a full-page screenshot of each page kind at 360 px and 1280 px wide, for
 * people to look at (test-output/screenshots/<site>/<kind>-<width>.png, not committed), and on a
 * 360 px phone no page of any site scrolls sideways.
 */

const hasChromium = chromiumAvailable();
const screenshotRoot = join(repoRoot, 'test-output', 'screenshots');
const widths = [360, 1280] as const;
/** A phone: mobile emulation honours <meta name="viewport">, as real phones do. */
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
/**
 * Screenshots at 360 px use a plain 360 px window instead: Chromium's full-page capture repeats
 * the first screenful on tall pages under mobile emulation. The layout is the same, since the
 * overflow test below proves each page lays out at exactly 360 px on the phone.
 */
const narrowWindow = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 };

/** In-page: does the page fit the phone, and if not, which elements stick out (outermost first). */
const measureOverflow = String.raw`(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= width + 0.5) continue;
    if (offenders.some((outer) => outer.contains(el))) continue;
    offenders.push(el);
  }
  const describe = (el) => {
    let label = el.tagName.toLowerCase();
    if (el.id) label += '#' + el.id;
    if (el.classList.length) label += '.' + [...el.classList].join('.');
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    return label + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + ' px)' + (text ? ' "' + text.slice(0, 40) + '"' : '');
  };
  return { scrollWidth: root.scrollWidth, clientWidth: width, offenders: offenders.slice(0, 5).map(describe) };
})()`;

interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  offenders: string[];
}

describe.skipIf(!hasChromium)('phone and desktop', () => {
  let sites: BuiltSite[] = [];
  let browser: Browser;
  const servers = new Map<string, StaticServer>();

  beforeAll(async () => {
    [sites, browser] = await Promise.all([buildAllSites(), launchBrowser()]);
    for (const site of sites) servers.set(site.source.name, await startStaticServer(site.outDir, { basePath: site.basePath }));
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([...servers.values()].map((server) => server.close()));
    await cleanupAll(sites);
  });

  function siteNamed(name: string): { site: BuiltSite; server: StaticServer } {
    const site = sites.find((candidate) => candidate.source.name === name);
    const server = servers.get(name);
    if (!site || !server) throw new Error(`site ${name} was not built`);
    return { site, server };
  }

  it.each(siteSources().map((source) => source.name))('%s: screenshots of each page kind at 360 and 1280 px', async (name) => {
    const { site, server } = siteNamed(name);
    const folder = join(screenshotRoot, name);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    const kinds = onePagePerKind(await listPages(site.outDir));
    for (const width of widths) {
      const context: BrowserContext = await browser.newContext(
        width === 360 ? { ...narrowWindow, reducedMotion: 'reduce' } : { viewport: { width, height: 900 }, reducedMotion: 'reduce' },
      );
      try {
        await inTabs(context, 2, kinds, async (page, sitePage) => {
          await page.goto(server.pageUrl(sitePage.url), { waitUntil: 'load' });
          const shoot = () => page.screenshot({ path: join(folder, `${sitePage.kind}-${width}.png`), fullPage: true, animations: 'disabled' });
          // headless Chromium under load sometimes answers "Unable to capture screenshot" for a full page; a second try gets it
          await shoot().catch(async (error: Error) => {
            if (!/Unable to capture screenshot/.test(error.message)) throw error;
            await page.waitForTimeout(250);
            await shoot();
          });
        });
      } finally {
        await context.close();
      }
    }
    for (const sitePage of kinds) {
      for (const width of widths) {
        const file = join(folder, `${sitePage.kind}-${width}.png`);
        expect((await stat(file)).size, `${file} is empty`).toBeGreaterThan(0);
      }
    }
  });

  it.each(siteSources().map((source) => source.name))('%s: no page scrolls sideways on a 360 px phone', async (name) => {
    const { site, server } = siteNamed(name);
    const pages = await listPages(site.outDir);
    expect(pages.length).toBeGreaterThan(0);
    const context = await browser.newContext(phone);
    try {
      const problems = await inTabs(context, 3, pages, async (page, sitePage) => {
        await page.goto(server.pageUrl(sitePage.url), { waitUntil: 'load' });
        const overflow = (await page.evaluate(measureOverflow)) as Overflow;
        if (overflow.clientWidth !== 360) {
          return [`${sitePage.url}: laid out ${overflow.clientWidth} px wide instead of the phone's 360 px (missing or wrong <meta name="viewport">)`];
        }
        if (overflow.scrollWidth > overflow.clientWidth) {
          return [
            `${sitePage.url}: scrolls sideways (content ${overflow.scrollWidth} px wide on a ${overflow.clientWidth} px screen)` +
              (overflow.offenders.length ? `; too wide: ${overflow.offenders.join('; ')}` : ''),
          ];
        }
        return [];
      });
      const report = problems.flat();
      expect(report.length, `${report.length} page(s) wider than a 360 px phone:\n${report.join('\n')}\n`).toBe(0);
    } finally {
      await context.close();
    }
  });
});
