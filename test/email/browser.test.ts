import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build.js';
import { emailFiles } from '../../src/email/files.js';
import { renderNewsletterEmail } from '../../src/email/render.js';
import { repoRoot } from '../support/build-site.js';
import { axeCheck, chromiumAvailable, formatAxeViolations, launchBrowser } from '../support/browser.js';
import { tempDir } from '../support/cli.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/*
 * The email as the build writes it (nyhetsbrev/<slug>/email.html), served over HTTP and opened
 * in headless Chromium the way a webmail shows it: at 320 px (a small phone) and 600 px (the email's full width) nothing scrolls sideways,
 * neither with its <style> nor with every <style> stripped (what some clients do); from 480 px
 * the blocks stand two by two, below it in one column; it loads nothing but itself (no fonts,
 * no stylesheet, no script); and axe-core finds no WCAG 2.1 A/AA violation.
 */

const here = dirname(fileURLToPath(import.meta.url));
const hasChromium = chromiumAvailable();

const sources = [
  { name: 'content', contentDir: join(repoRoot, 'content'), slug: '2019-1-forsta-numret' },
  { name: 'email-fixture', contentDir: join(here, 'fixtures', 'site'), slug: '2021-1-provnumret' },
];

interface Layout {
  scrollWidth: number;
  viewport: number;
  /** Visible elements reaching past the right edge. */
  overflowing: string[];
  /** The top of each block's box (the columns holding an h2 but no article link), in page order. */
  blockTops: number[];
}

function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const overflowing: string[] = [];
    for (const element of document.body.querySelectorAll('p, h1, h2, h3, li, a, img, td, table')) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (box.right > viewport + 0.5) overflowing.push(`<${element.tagName.toLowerCase()}> ${Math.round(box.right)} px: ${(element.textContent ?? '').trim().slice(0, 40)}`);
    }
    const blockTops = [...document.querySelectorAll('h2')]
      .filter((heading) => !heading.querySelector('a'))
      .map((heading) => Math.round(heading.getBoundingClientRect().top + window.scrollY));
    return { scrollWidth: document.documentElement.scrollWidth, viewport, overflowing, blockTops };
  });
}

describe.skipIf(!hasChromium)('the newsletter email in Chromium', () => {
  const emails = new Map<string, string>();
  let folder: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    folder = await tempDir('verksam-email-');
    for (const source of sources) {
      const graph = await loadSite({ contentDir: source.contentDir, today: '2026-01-01' });
      const newsletter = graph.newsletters.find((item) => item.slug === source.slug)!;
      const path = `${source.name}/${emailFiles(newsletter).html}`;
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), (await renderNewsletterEmail(newsletter, graph.site)).html);
      emails.set(source.name, path);
    }
    [server, browser] = await Promise.all([startStaticServer(folder), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  const emailUrl = (name: string) => server.url(`/${emails.get(name)}`);

  const cases = sources.flatMap((source) => [320, 600].map((width) => ({ name: source.name, width })));

  it.each(cases)('$name at $width px: no horizontal scrolling, with its <style> and with every <style> stripped', async ({ name, width }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const outside: string[] = [];
    const { origin } = server;
    await context.route('**/*', (route) => {
      const request = route.request();
      if (request.url().startsWith(origin)) return route.continue();
      outside.push(`${request.resourceType()} ${request.url()}`);
      return route.abort();
    });
    try {
      const page = await context.newPage();
      const response = await page.goto(emailUrl(name), { waitUntil: 'load' });
      expect(response?.status()).toBe(200);

      const styled = await measure(page);
      expect(styled.scrollWidth, `scroll width at ${width} px`).toBeLessThanOrEqual(width);
      expect(styled.overflowing).toEqual([]);
      expect(styled.blockTops.length).toBeGreaterThanOrEqual(2);
      const [first, second] = styled.blockTops;
      // the first two blocks: side by side from 480 px, one under the other below
      if (width >= 480) expect(second).toBe(first);
      else expect(second!).toBeGreaterThan(first!);

      await page.evaluate(() => {
        for (const style of document.querySelectorAll('style')) style.remove();
      });
      const stripped = await measure(page);
      expect(stripped.scrollWidth, `scroll width at ${width} px without <style>`).toBeLessThanOrEqual(width);
      expect(stripped.overflowing).toEqual([]);

      // nothing is fetched but the email (the fixture's pictures live on another host, on purpose)
      expect(outside.filter((request) => !request.startsWith('image '))).toEqual([]);
      if (name === 'content') expect(outside).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(sources.map((source) => source.name))('%s: axe-core finds no WCAG 2.1 A/AA violation', async (name) => {
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    try {
      const page = await context.newPage();
      const violations = await axeCheck(page, emailUrl(name), `${name} email.html`);
      expect(violations.length, `${formatAxeViolations(violations)}\n`).toBe(0);
    } finally {
      await context.close();
    }
  });
});
