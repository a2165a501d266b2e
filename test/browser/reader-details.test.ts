import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, siteSources, type BuiltSite } from '../support/build-site.js';
import { axeCheckLoaded, chromiumAvailable, formatAxeViolations, launchBrowser } from '../support/browser.js';
import { listPages, onePagePerKind } from '../support/site-pages.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/*
 * Small things readers notice (issue 12 §3), on the real site in Chromium: no request of any
 * page fails (the favicon a browser asks for included) and nothing is written to the console
 * as an error; the search page does not jump about while its results load; the header's search
 * field has a label one can see, on a phone and on a desktop; on a phone every link is a target
 * a finger can hit.
 */

const hasChromium = chromiumAvailable();
/** A phone: mobile emulation honours <meta name="viewport">, as real phones do. */
const phone: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

interface Answer {
  path: string;
  status: number;
}

/**
 * A server in front of the site's that records every request it answers, with its status. The
 * browser asks for a page's icon itself, outside the page, so only the server sees that request.
 */
interface Recorder {
  origin: string;
  answers: Answer[];
  /** Resolves with the next answer to a request whose path `wanted` accepts. */
  next(wanted: (path: string) => boolean): Promise<Answer>;
  close(): Promise<void>;
}

async function startRecorder(upstream: StaticServer): Promise<Recorder> {
  const answers: Answer[] = [];
  const waiting: { wanted: (path: string) => boolean; resolve: (answer: Answer) => void }[] = [];
  const target = new URL(upstream.origin);
  const server: Server = createServer((incoming, outgoing) => {
    const forward = httpRequest(
      { hostname: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('end', () => {
          const recorded = { path: new URL(incoming.url ?? '/', upstream.origin).pathname, status: answer.statusCode ?? 502 };
          answers.push(recorded);
          for (const waiter of waiting.filter((item) => item.wanted(recorded.path))) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(recorded);
          }
        });
      },
    );
    incoming.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answers,
    next: (wanted) => new Promise((resolve) => waiting.push({ wanted, resolve })),
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

/** The URL path of the icon a page declares, if it does. */
async function declaredIcon(page: Page): Promise<string | undefined> {
  const declared = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ?? null);
  return declared ? new URL(declared).pathname : undefined;
}

/** Waits until the search page has shown its answer: the count, and the first hits in the list. */
async function searchAnswered(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.getElementById('sok-status')?.textContent ?? '';
      const shown = document.querySelectorAll('#sok-traffar > li').length;
      const count = Number(/^(\d+) träff/.exec(status)?.[1] ?? -1);
      return count === 0 || (count > 0 && shown === Math.min(count, 20));
    },
    undefined,
    { timeout: 20_000 },
  );
}

/*
 * Layout shifts (https://wicg.github.io/layout-instability/) as Chromium reports them, from the
 * page's start; shifts right after the reader's own input are left out, as CLS does.
 */
const shiftObserver = String.raw`
window.__shifts = [];
window.__shiftObserver = new PerformanceObserver((list) => window.__shifts.push(...list.getEntries()));
window.__shiftObserver.observe({ type: 'layout-shift', buffered: true });
`;

/** The page's cumulative layout shift so far, once the frames showing the latest change are painted. */
async function layoutShift(page: Page): Promise<{ total: number; moved: string[] }> {
  return page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    await frame();
    await frame();
    const w = window as unknown as { __shifts: PerformanceEntry[]; __shiftObserver: PerformanceObserver };
    const entries = [...w.__shifts, ...w.__shiftObserver.takeRecords()] as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    })[];
    const counted = entries.filter((entry) => !entry.hadRecentInput);
    const describe = (node: Node | null | undefined) =>
      node instanceof Element ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).split(' ').join('.')}` : ''}` : String(node?.nodeName);
    return {
      total: counted.reduce((sum, entry) => sum + entry.value, 0),
      moved: counted.flatMap((entry) => (entry.sources ?? []).map((source) => `${describe(source.node)} (${entry.value.toFixed(4)})`)),
    };
  });
}

describe.skipIf(!hasChromium)('small things readers notice, in Chromium', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let recorder: Recorder;
  let browser: Browser;

  beforeAll(async () => {
    const real = siteSources().find((source) => source.name === 'content')!;
    [site, browser] = await Promise.all([buildSite(real), launchBrowser()]);
    server = await startStaticServer(site.outDir, { basePath: site.basePath });
    recorder = await startRecorder(server);
  });

  afterAll(async () => {
    await browser?.close();
    await recorder?.close();
    await server?.close();
  });

  const url = (path: string) => recorder.origin + site.basePath + path.replace(/^\//, '');

  async function inContext<T>(options: Parameters<Browser['newContext']>[0], task: (context: BrowserContext) => Promise<T>): Promise<T> {
    const context = await browser.newContext(options);
    try {
      return await task(context);
    } finally {
      await context.close();
    }
  }

  describe('requests', () => {
    it('every page loads with no request answered 4xx or 5xx, its icon included, and no error in the console', async () => {
      const pages = await listPages(site.outDir);
      expect(pages.length).toBeGreaterThan(20);
      const failed: string[] = [];
      await inContext(desktop, async (context) => {
        const tab = await context.newPage();
        let current = '';
        tab.on('console', (message) => {
          if (message.type() === 'error') failed.push(`${current}: console error: ${message.text()}`);
        });
        tab.on('pageerror', (error) => failed.push(`${current}: script error: ${error.message}`));
        for (const page of [...pages.map((item) => item.url), '/sok/?q=samverkan']) {
          current = page;
          const from = recorder.answers.length;
          const icon = recorder.next((path) => /\/favicon\.[a-z]+$/.test(path));
          const response = await tab.goto(url(page), { waitUntil: 'load' });
          expect(response?.status(), page).toBe(200);
          const declared = await declaredIcon(tab);
          if (declared) {
            // the browser asks for a declared icon once the page has loaded: its answer closes the page's requests
            expect((await icon).path, `${page}: the icon the browser asked for`).toBe(declared);
          } else {
            // without one, browsers ask for /favicon.ico at the server's root (Chromium not every time)
            const fallback = await fetch(new URL('/favicon.ico', recorder.origin));
            if (fallback.status >= 400) failed.push(`${page}: declares no icon, and /favicon.ico answers ${fallback.status}`);
          }
          if (page.startsWith('/sok/?')) await searchAnswered(tab);
          for (const { path, status } of recorder.answers.slice(from)) if (status >= 400) failed.push(`${page}: ${path} answered ${status}`);
        }
      });
      expect(failed).toEqual([]);
    });

    it('the icon is an SVG image a browser draws', async () => {
      await inContext(desktop, async (context) => {
        const tab = await context.newPage();
        await tab.goto(url('/'), { waitUntil: 'load' });
        const icon = await tab.evaluate(async () => {
          const link = document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
          if (!link) return null;
          const image = new Image();
          image.src = link.href;
          await image.decode();
          return { type: link.type, width: image.naturalWidth, height: image.naturalHeight };
        });
        expect(icon).toEqual({ type: 'image/svg+xml', width: expect.any(Number) as number, height: expect.any(Number) as number });
        expect(icon!.width).toBeGreaterThan(0);
        expect(icon!.width).toBe(icon!.height);
      });
    });
  });

  describe('the search page', () => {
    it.each([
      ['a phone', phone],
      ['a desktop', desktop],
    ])('keeps still on %s while the script starts and the results load (CLS < 0.01)', async (_name, screen) => {
      await inContext(screen, async (context) => {
        await context.addInitScript(shiftObserver);
        const tab = await context.newPage();
        await tab.goto(url('/sok/?q=samverkan'), { waitUntil: 'load' });
        await searchAnswered(tab);
        const shift = await layoutShift(tab);
        expect(shift.total, `moved: ${shift.moved.join(', ')}`).toBeLessThan(0.01);
      });
    });
  });

  describe("the header's search field", () => {
    it.each([
      ['a phone', phone],
      ['a desktop', desktop],
    ])('has a label one can see on %s, fits the screen and passes axe', async (_name, screen) => {
      const width = screen.viewport!.width;
      await inContext(screen, async (context) => {
        const tab = await context.newPage();
        await tab.goto(url('/nyheter/'), { waitUntil: 'load' });
        const label = await tab.evaluate(() => {
          const input = document.getElementById('sidsok') as HTMLInputElement | null;
          const element = input?.labels?.[0];
          if (!input || !element) return null;
          const box = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          return {
            text: element.textContent?.trim(),
            width: box.width,
            height: box.height,
            clipped: style.clipPath !== 'none' || style.clip !== 'auto' || style.overflow === 'hidden',
            visible: element.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
            onScreen: box.left >= 0 && box.right <= window.innerWidth && box.top >= 0,
            inputOnScreen: input.getBoundingClientRect().right <= window.innerWidth,
            pageWidth: document.documentElement.scrollWidth,
          };
        });
        expect(label).not.toBeNull();
        expect(label!.text).toBe('Sök på webbplatsen');
        expect(label!.width).toBeGreaterThan(20);
        expect(label!.height).toBeGreaterThan(8);
        expect(label).toMatchObject({ clipped: false, visible: true, onScreen: true, inputOnScreen: true });
        expect(label!.pageWidth).toBeLessThanOrEqual(width);
        const violations = await axeCheckLoaded(tab, `content /nyheter/ at ${width} px`);
        expect(violations.length, formatAxeViolations(violations)).toBe(0);
      });
    });
  });

  describe('on a phone', () => {
    it('every link and control of one page of each kind is a target a finger can hit (WCAG 2.5.8)', async () => {
      const pages = onePagePerKind(await listPages(site.outDir));
      const small: string[] = [];
      await inContext(phone, async (context) => {
        const tab = await context.newPage();
        for (const page of pages) {
          await tab.goto(url(page.url), { waitUntil: 'load' });
          const results = await new AxeBuilder({ page: tab }).withRules(['target-size']).analyze();
          for (const violation of results.violations) {
            for (const node of violation.nodes) small.push(`${page.url}: ${node.html.replace(/\s+/g, ' ').slice(0, 120)}`);
          }
        }
      });
      expect(small).toEqual([]);
    });
  });
});
