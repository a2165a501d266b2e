import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAllSites, cleanupAll, siteSources, type BuiltSite } from '../support/build-site.js';
import { chromiumAvailable, launchBrowser } from '../support/browser.js';
import { listPages, onePagePerKind, samplePages, type PageKind, type SitePage } from '../support/site-pages.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/*
 * Keyboard use of the real site and the fixture sites, checked in the browser (not by reading CSS):
 * - the first Tab lands on a visible skip link, and Enter on it moves focus into <main>;
 * - Tab reaches every visible link and control, and each one, when focused, is on screen and
 *   shows a focus indicator the user can see.
 */

const hasChromium = chromiumAvailable();
const viewport = { width: 1280, height: 900 };
const skipLinkKinds: readonly PageKind[] = ['home', 'news-item', 'report', 'news'];
/** WCAG 1.4.11: a focus outline needs 3:1 contrast against what is around it. */
const minimumOutlineContrast = 3;

/*
 * Helpers installed in every page as `window.__kb`. Plain JavaScript in a string so that the test
 * transform never rewrites code that runs in the browser.
 */
const focusProbe = String.raw`
window.__kb = (() => {
  const props = ['outlineStyle', 'outlineWidth', 'outlineColor', 'outlineOffset', 'boxShadow', 'backgroundColor', 'color',
    'borderTopColor', 'borderRightColor', 'borderBottomColor', 'borderLeftColor',
    'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
    'textDecorationLine', 'textDecorationColor', 'textDecorationThickness'];
  const focusable = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, ' +
    'audio[controls], video[controls], [contenteditable]:not([contenteditable="false"]), [tabindex]';
  let nextId = 0;
  const idOf = (el) => {
    if (!el.dataset.kbId) el.dataset.kbId = String(nextId++);
    return el.dataset.kbId;
  };
  const byId = (id) => document.querySelector('[data-kb-id="' + id + '"]');
  const describe = (el) => {
    let label = el.tagName.toLowerCase();
    if (el.id) label += '#' + el.id;
    if (el.classList.length) label += '.' + [...el.classList].join('.');
    const href = el.getAttribute('href');
    if (href !== null) label += '[href="' + href + '"]';
    const text = (el.innerText || el.getAttribute('aria-label') || el.getAttribute('value') || '').replace(/\s+/g, ' ').trim();
    if (text) label += ' "' + (text.length > 50 ? text.slice(0, 49) + '…' : text) + '"';
    return label;
  };
  const styleOf = (el) => {
    const computed = getComputedStyle(el);
    return Object.fromEntries(props.map((prop) => [prop, computed[prop]]));
  };
  const transparent = (color) => color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);
  const backgroundBehind = (el) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (!transparent(color)) return color;
    }
    return 'rgb(255, 255, 255)';
  };
  return {
    /** Every link and control a keyboard user should be able to reach, marked with an id. */
    candidates() {
      return [...document.querySelectorAll(focusable)]
        .filter((el) => el.tabIndex >= 0 && !el.matches(':disabled') && !el.closest('[inert]'))
        .filter((el) => el.checkVisibility({ visibilityProperty: true }))
        .map((el) => ({ id: idOf(el), label: describe(el) }));
    },
    /** The focused element, or null when focus is on the document itself. */
    active() {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const rect = el.getBoundingClientRect();
      return {
        id: idOf(el),
        label: describe(el),
        focusVisible: el.matches(':focus-visible'),
        style: styleOf(el),
        background: backgroundBehind(el),
        rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
        viewport: { width: innerWidth, height: innerHeight },
        inMain: el.closest('main') !== null,
        clipped: getComputedStyle(el).clipPath !== 'none' || getComputedStyle(el).clip !== 'auto',
      };
    },
    /** Styles of the given elements while nothing is focused. */
    unfocusedStyles(ids) {
      document.activeElement?.blur();
      return Object.fromEntries(ids.map((id) => [id, styleOf(byId(id))]));
    },
    focus(id) {
      const el = byId(id);
      el.focus();
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const rect = el.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    blur() {
      document.activeElement?.blur();
    },
    skipLinkTarget(href) {
      if (!href || !href.startsWith('#') || href.length < 2) return null;
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      return target ? { tag: target.tagName.toLowerCase(), inMain: target.closest('main') !== null } : null;
    },
  };
})();
`;

type Style = Record<string, string>;
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface FocusStop {
  id: string;
  label: string;
  focusVisible: boolean;
  style: Style;
  background: string;
  rect: Rect;
  viewport: { width: number; height: number };
  inMain: boolean;
  clipped: boolean;
}

function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`window.__kb.${method}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`) as Promise<T>;
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(focusProbe);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() !== 200) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
  return page;
}

// ---------------------------------------------------------------------------------------------
// Colours

function parseColor(color: string): [number, number, number, number] | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color);
  if (!match) return null;
  const alphaText = match[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

function luminance([r, g, b]: readonly number[]): number {
  const channel = (value = 0) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two opaque CSS colours, or null when a colour is not rgb()/rgba(). */
function contrast(a: string, b: string): number | null {
  const first = parseColor(a);
  const second = parseColor(b);
  if (!first || !second) return null;
  const [light, dark] = [luminance(first), luminance(second)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// ---------------------------------------------------------------------------------------------
// What counts as a visible focus indicator

type Verdict = { visible: true; how: string } | { visible: false; why: string } | { visible: 'unknown' };

const changeProps = [
  'boxShadow',
  'backgroundColor',
  'color',
  'borderTopColor',
  'borderRightColor',
  'borderBottomColor',
  'borderLeftColor',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'textDecorationLine',
  'textDecorationColor',
  'textDecorationThickness',
] as const;

function indicatorOf(stop: FocusStop, unfocused: Style): Verdict {
  const focused = stop.style;
  const outlineColor = parseColor(focused.outlineColor ?? '');
  const hasOutline =
    focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth ?? '0') >= 1 && (outlineColor === null || outlineColor[3] > 0);
  const outlineChanged = ['outlineStyle', 'outlineWidth', 'outlineColor'].some((prop) => focused[prop] !== unfocused[prop]);
  if (hasOutline && outlineChanged) {
    const ratio = contrast(focused.outlineColor ?? '', stop.background);
    if (ratio !== null && ratio < minimumOutlineContrast) {
      return {
        visible: false,
        why: `its ${focused.outlineWidth} outline (${focused.outlineColor}) has only ${ratio.toFixed(2)}:1 contrast against the background ${stop.background} (needs ${minimumOutlineContrast}:1)`,
      };
    }
    return { visible: true, how: `outline ${focused.outlineWidth} ${focused.outlineStyle} ${focused.outlineColor}` };
  }
  const changed = changeProps.filter((prop) => focused[prop] !== unfocused[prop]);
  if (changed.length > 0) return { visible: true, how: `changes ${changed.join(', ')}` };
  return { visible: 'unknown' };
}

function clipAround(rect: Rect, viewportSize: { width: number; height: number }): Rect {
  const margin = 8;
  const x = Math.max(0, Math.floor(rect.x - margin));
  const y = Math.max(0, Math.floor(rect.y - margin));
  const right = Math.min(viewportSize.width, Math.ceil(rect.x + rect.width + margin));
  const bottom = Math.min(viewportSize.height, Math.ceil(rect.y + rect.height + margin));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/** Last resort for indicators computed styles cannot see: do the pixels around the element change? */
async function pixelsChangeOnFocus(page: Page, id: string): Promise<boolean> {
  const rect = await call<Rect>(page, 'focus', id);
  const clip = clipAround(rect, viewport);
  const focused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  await call(page, 'blur');
  const unfocused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  return !focused.equals(unfocused);
}

function onScreen(stop: FocusStop): boolean {
  const { rect, viewport: size } = stop;
  return rect.width > 1 && rect.height > 1 && rect.x + rect.width > 0 && rect.y + rect.height > 0 && rect.x < size.width && rect.y < size.height;
}

/** Tabs through the whole page from a fresh load; returns every problem a keyboard user would meet. */
async function keyboardProblems(context: BrowserContext, url: string): Promise<{ stops: number; problems: string[] }> {
  const page = await openPage(context, url);
  try {
    const candidates = await call<Array<{ id: string; label: string }>>(page, 'candidates');
    const stops: FocusStop[] = [];
    const limit = candidates.length + 20;
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press('Tab');
      const stop = await call<FocusStop | null>(page, 'active');
      if (stop === null || stops.some((seen) => seen.id === stop.id)) break;
      stops.push(stop);
    }
    const problems: string[] = [];
    const reached = new Set(stops.map((stop) => stop.id));
    for (const candidate of candidates) {
      if (!reached.has(candidate.id)) problems.push(`${candidate.label}: cannot be reached with Tab`);
    }
    const unfocused = await call<Record<string, Style>>(page, 'unfocusedStyles', stops.map((stop) => stop.id));
    for (const stop of stops) {
      if (!onScreen(stop) || stop.clipped) {
        problems.push(
          `${stop.label}: receives focus but is not visible on screen (box ${Math.round(stop.rect.x)},${Math.round(stop.rect.y)} ${Math.round(stop.rect.width)}×${Math.round(stop.rect.height)}${stop.clipped ? ', clipped' : ''})`,
        );
        continue;
      }
      const verdict = indicatorOf(stop, unfocused[stop.id] ?? {});
      if (verdict.visible === false) problems.push(`${stop.label}: focus indicator not visible enough: ${verdict.why}`);
      if (verdict.visible === 'unknown' && !(await pixelsChangeOnFocus(page, stop.id))) {
        problems.push(`${stop.label}: no visible focus indicator (no outline, no style change, no pixel changes when focused)`);
      }
    }
    return { stops: stops.length, problems };
  } finally {
    await page.close();
  }
}

/** The sample of pages a site is keyboard-tested on; the real site must have every kind. */
function skipLinkSample(site: BuiltSite, pages: readonly SitePage[]): SitePage[] {
  if (site.source.name === 'content') return samplePages(pages, skipLinkKinds);
  return skipLinkKinds.flatMap((kind) => pages.find((page) => page.kind === kind) ?? []);
}

describe.skipIf(!hasChromium)('keyboard: skip link and visible focus', () => {
  let sites: BuiltSite[] = [];
  const servers = new Map<string, StaticServer>();
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [sites, browser] = await Promise.all([buildAllSites(), launchBrowser()]);
    for (const site of sites) servers.set(site.source.name, await startStaticServer(site.outDir, { basePath: site.basePath }));
    context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([...servers.values()].map((server) => server.close()));
    await cleanupAll(sites);
  });

  async function siteNamed(name: string): Promise<{ site: BuiltSite; server: StaticServer; pages: SitePage[] }> {
    const site = sites.find((candidate) => candidate.source.name === name);
    const server = servers.get(name);
    if (!site || !server) throw new Error(`site ${name} was not built`);
    return { site, server, pages: await listPages(site.outDir) };
  }

  it.each(siteSources().map((source) => source.name))(
    '%s: on the home, news item, report and news pages the first Tab shows the skip link, and Enter moves focus into <main>',
    async (name) => {
      const { site, server, pages } = await siteNamed(name);
      const sample = skipLinkSample(site, pages);
      expect(sample.length, `${name} has none of the pages ${skipLinkKinds.join(', ')}`).toBeGreaterThan(0);
      for (const sitePage of sample) {
        const page = await openPage(context, server.pageUrl(sitePage.url));
        try {
          const where = `${name} ${sitePage.url}: first Tab`;
          await page.keyboard.press('Tab');
          const first = await call<FocusStop | null>(page, 'active');
          if (!first) expect.fail(`${where} focused nothing`);
          const href = await page.evaluate('document.activeElement.getAttribute("href")');
          const target = await call<{ tag: string; inMain: boolean } | null>(page, 'skipLinkTarget', href);
          expect(target, `${where} focused ${first.label}, which is not a link to an element on the page`).not.toBeNull();
          expect(target?.inMain, `${where} focused ${first.label}, whose target <${target?.tag}> is not <main> or inside it`).toBe(true);
          const { rect, viewport: size } = first;
          const inside = rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= size.width && rect.y + rect.height <= size.height;
          expect(
            onScreen(first) && !first.clipped && inside,
            `${where}: the skip link ${first.label} is not fully visible (box ${Math.round(rect.x)},${Math.round(rect.y)} ${Math.round(rect.width)}×${Math.round(rect.height)} in a ${size.width}×${size.height} window${first.clipped ? ', clipped' : ''})`,
          ).toBe(true);

          await page.keyboard.press('Enter');
          const afterEnter = await call<FocusStop | null>(page, 'active');
          expect(
            afterEnter?.inMain,
            `${name} ${sitePage.url}: after Enter on the skip link focus is on ${afterEnter?.label ?? 'the document'}, not in <main>`,
          ).toBe(true);
        } finally {
          await page.close();
        }
      }
    },
  );

  it.each(siteSources().map((source) => source.name))(
    '%s: every link and control, on one page of each kind, is reached by Tab and shows visible focus',
    async (name) => {
      const { server, pages } = await siteNamed(name);
      const sample = onePagePerKind(pages);
      expect(sample.length, `${name} has no pages`).toBeGreaterThan(0);
      const report: string[] = [];
      for (const sitePage of sample) {
        const { stops, problems } = await keyboardProblems(context, server.pageUrl(sitePage.url));
        if (stops === 0) report.push(`${sitePage.url}: Tab reaches nothing`);
        report.push(...problems.map((problem) => `${sitePage.url}  ${problem}`));
      }
      expect(report.length, `${name}: ${report.length} keyboard problem(s):\n${report.join('\n')}\n`).toBe(0);
    },
  );
});
