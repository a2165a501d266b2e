import type { Element, Root } from 'hast';
import type { VFileMessage } from 'vfile-message';
import { problem, type Point } from '../content/problems.js';
import { suggestField } from '../content/validate.js';
import { attachmentFolder } from '../content/attachments.js';
import { eachPageElement } from '../markdown/walk.js';

/** An internal link on a page, and where it came from when it came from Markdown. */
export interface PageLink {
  href: string;
  /** The root-relative path it leads to and its fragment, resolved once when the page is rendered. */
  target: string;
  fragment: string;
  origin?: string;
  place?: Point;
  /**
   * Why the link leads nowhere whatever pages exist: a `%` not followed by two hex digits
   * ("escape"), or something no browser reads as an address ("address").
   */
  malformed?: 'escape' | 'address';
}

/** What the link check needs to know of a page: kept per page so pages can be checked again cheaply. */
export interface LinkInfo {
  links: PageLink[];
  ids: Set<string>;
}

const isExternal = (link: string) => link === '' || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//');

const linkProperty = (node: Element): string | undefined => {
  const value = node.tagName === 'img' || node.tagName === 'script' ? node.properties.src : node.properties.href;
  return typeof value === 'string' ? value : undefined;
};

/**
 * The internal links and the ids of a rendered page. Run before the base path is applied. An
 * absolute link to the site's own address counts as internal: it must lead somewhere too.
 */
export function linkInfo(tree: Root, siteUrl: string | undefined, pagePath: string): LinkInfo {
  const links: PageLink[] = [];
  const ids = new Set<string>();
  eachPageElement(tree, (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    let href = linkProperty(node);
    if (href !== undefined && siteUrl && href.startsWith(siteUrl)) href = `/${href.slice(siteUrl.length)}`;
    if (href === undefined || isExternal(href)) return;
    const start = node.position?.start;
    const place = start ? { line: start.line, column: start.column } : undefined;
    const url = URL.canParse(href, `http://site${pagePath}`) ? new URL(href, `http://site${pagePath}`) : undefined;
    if (!url) {
      links.push({ href, target: href, fragment: '', origin: node.data?.origin, place, malformed: 'address' });
      return;
    }
    const target = decoded(url.pathname);
    const fragment = url.hash.length > 1 ? decoded(url.hash.slice(1)) : '';
    links.push({
      href,
      target: target ?? url.pathname,
      fragment: fragment ?? url.hash.slice(1),
      origin: node.data?.origin,
      place,
      ...(target === undefined || fragment === undefined ? { malformed: 'escape' as const } : {}),
    });
  });
  return { links, ids };
}

/** A relative link ("filer/x.pdf") as written from the site's root, when a page or file is there. */
function fromRoot(href: string, pages: ReadonlyMap<string, LinkInfo>, assets: ReadonlySet<string>): string | undefined {
  if (/^[/#?.]/.test(href)) return undefined;
  const rooted = `/${href}`;
  const path = decoded(rooted.replace(/[?#].*$/, ''));
  if (path === undefined) return undefined;
  return assets.has(path) || pages.has(path) || pages.has(`${path}/`) ? rooted : undefined;
}

/** A URL part with its %-escapes undone; undefined when one is not an escape ("100%zz"). */
function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** The ids on a page, for checking `#fragment` links. */
export function collectIds(tree: Root): Set<string> {
  return linkInfo(tree, undefined, '/').ids;
}

/**
 * Every internal link on every page must lead to a page (and id) the build writes. A broken
 * link from Markdown names the Markdown file and line; one from a template names the page.
 */
export function checkLinks(pages: ReadonlyMap<string, LinkInfo>, assets: ReadonlySet<string>): VFileMessage[] {
  return new LinkChecker().check(pages, assets);
}

/**
 * The link check of a session: the same messages as `checkLinks`, but when the pages and files
 * are the last check's and only some pages are new, only those are checked again, with the
 * pages that link to an id on a page whose ids changed. At 10 000 pages the preview would
 * otherwise check every link on every save.
 */
export class LinkChecker {
  private last?: { pages: ReadonlyMap<string, LinkInfo>; assets: ReadonlySet<string>; found: Map<string, VFileMessage[]> };

  check(pages: ReadonlyMap<string, LinkInfo>, assets: ReadonlySet<string>): VFileMessage[] {
    const last = this.last;
    const same = last !== undefined && sameKeys(last.pages, pages) && sameSet(last.assets, assets) ? last : undefined;
    const newIds = new Set<string>();
    if (same) {
      for (const [path, page] of pages) {
        const before = same.pages.get(path)!;
        if (before !== page && !sameSet(before.ids, page.ids)) newIds.add(path);
      }
    }
    const found = new Map<string, VFileMessage[]>();
    for (const [path, page] of pages) {
      const known = same && same.pages.get(path) === page && !linksInto(page, newIds, pages) ? same.found.get(path) : undefined;
      found.set(path, known ?? pageProblems(path, page, pages, assets));
    }
    this.last = { pages, assets, found };
    const messages: VFileMessage[] = [];
    const seen = new Set<string>();
    for (const message of [...found.values()].flat()) {
      // a broken link in a goal shows on the goal page and in the report: report it once
      const key = `${message.file}:${message.line}:${message.column}:${message.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      messages.push(message);
    }
    return messages;
  }
}

/** The same paths in the same order: a suggestion for a broken link depends on the order too. */
const sameKeys = (a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>) => {
  if (a.size !== b.size) return false;
  const keys = a.keys();
  for (const key of b.keys()) if (keys.next().value !== key) return false;
  return true;
};

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  if (a.size !== b.size) return false;
  for (const value of b) if (!a.has(value)) return false;
  return true;
};

/** The page a link leads to, as the pages name it ("/x" finds "/x/"). */
const targetOf = (target: string, pages: ReadonlyMap<string, LinkInfo>) => (pages.has(target) ? target : pages.has(`${target}/`) ? `${target}/` : undefined);

/** Whether a page links to an id on one of `paths`. */
function linksInto(page: LinkInfo, paths: ReadonlySet<string>, pages: ReadonlyMap<string, LinkInfo>): boolean {
  if (paths.size === 0) return false;
  return page.links.some((link) => link.fragment !== '' && paths.has(targetOf(link.target, pages) ?? ''));
}

/** The broken links of one page. */
function pageProblems(path: string, page: LinkInfo, pages: ReadonlyMap<string, LinkInfo>, assets: ReadonlySet<string>): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (const link of page.links) {
    const target = link.target;
    const targetPath = targetOf(target, pages);
    let reason: string | undefined;
    if (link.malformed === 'escape') {
      reason = `Länken "${link.href}" har ett ogiltigt %-tecken: efter % ska två hexadecimala tecken följa (som %20 för mellanslag); skriv %25 för ett procenttecken.`;
    }
    else if (link.malformed === 'address') {
      reason = `Länken "${link.href}" är ingen giltig webbadress; rätta adressen eller ta bort länken.`;
    }
    else if (!targetPath && !assets.has(target) && fromRoot(link.href, pages, assets)) {
      // "filer/x.pdf" is read from the page it is on, like any relative address; the editor meant the site's root
      reason = `Länken "${link.href}" leder till ${target}, som inte finns: en adress utan / först räknas från sidan den står på. Menade du ${fromRoot(link.href, pages, assets)}?`;
    }
    else if (!targetPath && !assets.has(target) && target.startsWith(`/${attachmentFolder}/`)) {
      const guess = suggestField(target, [...assets].filter((asset) => asset.startsWith(`/${attachmentFolder}/`)));
      reason = `Länken "${link.href}" leder till filen ${target.slice(1)}, som inte finns i innehållsmappen; ${guess ? `menade du ${guess}?` : `lägg filen i ${attachmentFolder}/ eller rätta länken.`}`;
    }
    else if (!targetPath && !assets.has(target)) {
      const guess = suggestField(target, [...pages.keys()]);
      reason = `Länken "${link.href}" leder till en sida som inte finns på webbplatsen; ${guess ? `menade du ${guess}?` : 'rätta adressen eller ta bort länken.'}`;
    }
    else if (targetPath && link.fragment && !pages.get(targetPath)!.ids.has(link.fragment)) {
      reason = `Länken "${link.href}" pekar på ankaret #${link.fragment}, som inte finns på ${targetPath}.`;
    }
    if (!reason) continue;
    messages.push(
      link.origin ? problem(link.origin, 'broken-link', reason, link.place) : problem(`templates (sidan ${path})`, 'broken-link', reason),
    );
  }
  return messages;
}
