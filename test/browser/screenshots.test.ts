import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import sharp, { type OverlayOptions } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAllSites, cleanupAll, repoRoot, siteSources, type BuiltSite } from '../support/build-site.js';
import { chromiumAvailable, inTabs, launchBrowser } from '../support/browser.js';
import { listPages, onePagePerKind } from '../support/site-pages.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/*
 * Phone and desktop. On one page of each kind, at 360 px (a phone) and 1280 px (a desktop), the
 * layout facts a reader would notice are measured in the browser: nothing scrolls or sticks out
 * sideways, the header and its menu are on screen, the main column has a sensible width, text
 * blocks do not overlap, and the first Tab shows a visible focus outline. Each page is also
 * kept as a screenshot for people to look at (test-output/screenshots/<site>/<kind>-<width>.png,
 * not committed). And on a 360 px phone no page of any site scrolls sideways.
 */

const hasChromium = chromiumAvailable();
const screenshotRoot = join(repoRoot, 'test-output', 'screenshots');
/** A phone: mobile emulation honours <meta name="viewport">, as real phones do. */
const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 };
const screens = [
  { width: 360, options: phone },
  { width: 1280, options: desktop },
] as const;
/** The main column's widest box (.wrap's 72rem) and the widest running text (--measure, 46rem), at 16 px. */
const widestColumn = 72 * 16;
const widestText = 46 * 16;
/** On a phone the main column keeps at most this margin on each side. */
const widestPhoneMargin = 24;
/**
 * Screenshots are taken a slice at a time and put together: the annual report is over 40 000 px
 * tall on a phone, and one capture of a surface that size is what headless Chromium could not
 * finish under load ("Unable to capture screenshot").
 */
const sliceHeight = 2000;

interface LayoutFacts {
  clientWidth: number;
  scrollWidth: number;
  /** Outermost elements whose box reaches past the window's right or left edge. */
  overflowing: string[];
  header: { visible: boolean; top: number; height: number } | null;
  /** Menu links that are not fully on screen. */
  menuOffScreen: string[];
  menuLinks: number;
  main: { left: number; right: number; width: number; contentWidth: number } | null;
  /** Paragraphs in <main> wider than the measure. */
  longLines: string[];
  /** Neighbouring text blocks in <main> whose boxes overlap. */
  overlaps: string[];
}

/** In-page: the layout facts of the page as it is laid out now. */
const measureLayout = String.raw`(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const label = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += '#' + el.id;
    if (el.classList.length) text += '.' + [...el.classList].join('.');
    const words = (el.textContent || '').replace(/\s+/g, ' ').trim();
    return text + (words ? ' "' + words.slice(0, 40) + '"' : '');
  };
  const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
  // A wide table inside a box that scrolls sideways is fine: that box scrolls, not the page.
  const scrollsSideways = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const overflowing = [];
  const walk = (el) => {
    for (const child of el.children) {
      const rect = child.getBoundingClientRect();
      const hidden = getComputedStyle(child).clipPath !== 'none' && rect.width <= 1;
      if (!hidden && rect.width > 0 && rect.height > 0 && (rect.right > width + 0.5 || rect.left < -0.5)) {
        overflowing.push(label(child) + ' (' + Math.round(rect.left) + '–' + Math.round(rect.right) + ' px)');
        continue;
      }
      if (!scrollsSideways(child)) walk(child);
    }
  };
  walk(document.body);

  const headerEl = document.querySelector('.site-header');
  const headerRect = headerEl?.getBoundingClientRect();
  const menu = [...document.querySelectorAll('.site-nav a')];
  const menuOffScreen = menu
    .filter((link) => {
      const rect = link.getBoundingClientRect();
      return !shown(link) || rect.left < 0 || rect.right > width + 0.5 || rect.top < 0 || rect.width < 1;
    })
    .map(label);

  const mainEl = document.querySelector('main');
  let main = null;
  if (mainEl) {
    const rect = mainEl.getBoundingClientRect();
    const style = getComputedStyle(mainEl);
    main = { left: rect.left, right: rect.right, width: rect.width,
      contentWidth: rect.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
  }
  const longLines = mainEl
    ? [...mainEl.querySelectorAll(':scope > p, :scope article > p, .editorial > p, .goal-section > p')]
        .filter((p) => shown(p) && p.getBoundingClientRect().width > ${widestText} + 0.5)
        .map((p) => label(p) + ' (' + Math.round(p.getBoundingClientRect().width) + ' px)')
    : [];

  const blocks = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, figure, figcaption, table, blockquote, pre, nav, form, ol, ul, dl, section, article';
  const overlaps = [];
  for (const el of mainEl ? mainEl.querySelectorAll(blocks) : []) {
    const next = el.nextElementSibling;
    if (!next || !next.matches(blocks) || !shown(el) || !shown(next)) continue;
    const a = el.getBoundingClientRect();
    const b = next.getBoundingClientRect();
    const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (across > 1 && down > 1) overlaps.push(label(el) + ' and ' + label(next) + ' overlap by ' + Math.round(down) + ' px');
  }

  return {
    clientWidth: width,
    scrollWidth: root.scrollWidth,
    overflowing: overflowing.slice(0, 5),
    header: headerEl ? { visible: shown(headerEl), top: headerRect.top, height: headerRect.height } : null,
    menuOffScreen,
    menuLinks: menu.length,
    main,
    longLines: longLines.slice(0, 5),
    overlaps: overlaps.slice(0, 5),
  };
})()`;

interface FocusFacts {
  label: string;
  outline: string;
  outlineWidth: number;
  onScreen: boolean;
}

/** In-page: what has focus and how it shows it. */
const measureFocus = String.raw`(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    label: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''),
    outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
    outlineWidth: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    onScreen: rect.width > 1 && rect.height > 1 && rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth && rect.bottom <= innerHeight,
  };
})()`;

/**
 * Waits for what a screenshot or a measurement must not run ahead of: web fonts, and the images
 * that load now (eager ones, and lazy ones in the window; a lazy image further down waits to be
 * scrolled to).
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const loadingNow = (image: HTMLImageElement) => {
      if (image.loading !== 'lazy') return true;
      const rect = image.getBoundingClientRect();
      return rect.bottom >= 0 && rect.top <= innerHeight;
    };
    await Promise.all(
      [...document.images].filter((image) => !image.complete && loadingNow(image)).map((image) => image.decode().catch(() => undefined)),
    );
  });
}

/** The problems a reader would see in the page's layout at this width. */
function layoutProblems(facts: LayoutFacts, width: number): string[] {
  const problems: string[] = [];
  if (facts.clientWidth !== width) problems.push(`laid out ${facts.clientWidth} px wide in a ${width} px window (missing or wrong <meta name="viewport">)`);
  if (facts.scrollWidth > facts.clientWidth) problems.push(`scrolls sideways: ${facts.scrollWidth} px of content in ${facts.clientWidth} px`);
  for (const element of facts.overflowing) problems.push(`sticks out of the window: ${element}`);
  if (!facts.header?.visible || facts.header.top !== 0 || facts.header.height < 1) problems.push('the site header is not shown at the top of the page');
  if (facts.menuLinks === 0) problems.push('the main menu has no links');
  for (const link of facts.menuOffScreen) problems.push(`a menu link is not fully on screen: ${link}`);
  const main = facts.main;
  if (!main) {
    problems.push('has no <main>');
  } else if (width <= 480) {
    const margins = Math.max(main.left, width - main.right) + (main.width - main.contentWidth) / 2;
    if (margins > widestPhoneMargin) problems.push(`the main column leaves ${Math.round(margins)} px at the side on a phone (at most ${widestPhoneMargin})`);
  } else {
    if (main.width > widestColumn + 0.5) problems.push(`the main column is ${Math.round(main.width)} px wide (at most ${widestColumn})`);
    if (Math.abs(main.left - (width - main.right)) > 1) problems.push(`the main column is not centred (${Math.round(main.left)} px left, ${Math.round(width - main.right)} px right)`);
    if (main.contentWidth < widestText) problems.push(`the main column's text area is only ${Math.round(main.contentWidth)} px wide`);
  }
  for (const paragraph of facts.longLines) problems.push(`a paragraph is wider than ${widestText} px, too long a line to read: ${paragraph}`);
  for (const overlap of facts.overlaps) problems.push(`text overlaps: ${overlap}`);
  return problems;
}

/** A screenshot of the whole page, taken a slice at a time (see `sliceHeight`) and put together. */
async function screenshot(page: Page, width: number, file: string): Promise<void> {
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  const window = Math.min(sliceHeight, height);
  await page.setViewportSize({ width, height: window });
  await settled(page);
  const slices: OverlayOptions[] = [];
  for (let top = 0; top < height; top += window) {
    // The last slice is the last full window, overlapping the one before where the page ends mid-slice.
    const scrollTop = Math.min(top, height - window);
    await page.evaluate(`window.scrollTo(0, ${scrollTop})`);
    await settled(page);
    slices.push({ input: await page.screenshot({ animations: 'disabled', caret: 'hide' }), top: scrollTop, left: 0 });
  }
  await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(slices)
    .png()
    .toFile(file);
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

  it.each(siteSources().map((source) => source.name))('%s: each page kind lays out well at 360 and 1280 px (screenshots kept)', async (name) => {
    const { site, server } = siteNamed(name);
    const folder = join(screenshotRoot, name);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    const kinds = onePagePerKind(await listPages(site.outDir));
    expect(kinds.length, `${name} has no pages`).toBeGreaterThan(0);
    const report: string[] = [];
    for (const { width, options } of screens) {
      const context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
      const page = await context.newPage();
      try {
        for (const sitePage of kinds) {
          const where = `${sitePage.url} at ${width} px`;
          const response = await page.goto(server.pageUrl(sitePage.url), { waitUntil: 'load' });
          if (response?.status() !== 200) {
            report.push(`${where}: answered ${response?.status() ?? 'nothing'}`);
            continue;
          }
          await settled(page);
          const facts = (await page.evaluate(measureLayout)) as LayoutFacts;
          report.push(...layoutProblems(facts, width).map((problem) => `${where}: ${problem}`));

          await page.keyboard.press('Tab');
          const focus = (await page.evaluate(measureFocus)) as FocusFacts | null;
          if (!focus) report.push(`${where}: the first Tab focuses nothing`);
          else if (focus.outlineWidth < 2 || !focus.onScreen) {
            report.push(`${where}: the first Tab focuses ${focus.label}, which ${focus.onScreen ? `shows only the outline "${focus.outline}"` : 'is not on screen'}`);
          }
          await page.evaluate('document.activeElement?.blur()');

          await screenshot(page, width, join(folder, `${sitePage.kind}-${width}.png`));
          await page.setViewportSize(options.viewport!);
        }
      } finally {
        await context.close();
      }
    }
    expect(report.length, `${name}: ${report.length} layout problem(s):\n${report.join('\n')}\n`).toBe(0);
  });

  it.each(siteSources().map((source) => source.name))('%s: no page scrolls sideways on a 360 px phone', async (name) => {
    const { site, server } = siteNamed(name);
    const pages = await listPages(site.outDir);
    expect(pages.length).toBeGreaterThan(0);
    const context = await browser.newContext(phone);
    try {
      const problems = await inTabs(context, 3, pages, async (page, sitePage) => {
        await page.goto(server.pageUrl(sitePage.url), { waitUntil: 'load' });
        const facts = (await page.evaluate(measureLayout)) as LayoutFacts;
        if (facts.clientWidth !== 360) {
          return [`${sitePage.url}: laid out ${facts.clientWidth} px wide instead of the phone's 360 px (missing or wrong <meta name="viewport">)`];
        }
        if (facts.scrollWidth > facts.clientWidth) {
          return [
            `${sitePage.url}: scrolls sideways (content ${facts.scrollWidth} px wide on a ${facts.clientWidth} px screen)` +
              (facts.overflowing.length ? `; too wide: ${facts.overflowing.join('; ')}` : ''),
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
