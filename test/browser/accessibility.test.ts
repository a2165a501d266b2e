import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAllSites, cleanupAll, siteSources, type BuiltSite } from '../support/build-site.js';
import { axeCheck, chromiumAvailable, formatAxeViolations, inTabs, launchBrowser, type AxeViolation } from '../support/browser.js';
import { listPages } from '../support/site-pages.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/*
 * WCAG 2.1 A and AA (DOS-lagen): every generated page of the real site and of every valid
 * fixture site, served over HTTP and opened in headless Chromium, has zero axe-core violations.
 */

const hasChromium = chromiumAvailable();
/** Pages checked at the same time, in tabs of one browser (the CI machine has two cores). */
const parallelTabs = 3;

describe.skipIf(!hasChromium)('accessibility: axe-core WCAG 2.0/2.1 A and AA on every page', () => {
  let sites: BuiltSite[] = [];
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [sites, browser] = await Promise.all([buildAllSites(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  });

  afterAll(async () => {
    await browser?.close();
    await cleanupAll(sites);
  });

  it.each(siteSources().map((source) => source.name))('%s: every page has zero violations', async (name) => {
    const site = sites.find((candidate) => candidate.source.name === name);
    if (!site) throw new Error(`site ${name} was not built`);
    const pages = await listPages(site.outDir);
    expect(pages.length, `${name} has no pages`).toBeGreaterThan(0);

    const server: StaticServer = await startStaticServer(site.outDir, { basePath: site.basePath });
    try {
      const results = await inTabs(context, parallelTabs, pages, (tab, page) => axeCheck(tab, server.pageUrl(page.url), `${name} ${page.url}`));
      const violations: AxeViolation[] = results.flat();
      expect(violations.length, `${formatAxeViolations(violations)}\n`).toBe(0);
    } finally {
      await server.close();
    }
  });
});
