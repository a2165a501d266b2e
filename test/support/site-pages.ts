import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** One generated HTML page of a built site. */
export interface SitePage {
  /** Absolute path of the .html file. */
  file: string;
  /** Path relative to the output folder, with "/" ("nyheter/index.html"). */
  relativePath: string;
  /**
   * The URL path the page is served at, relative to the site's base path and starting with "/":
   * "nyheter/index.html" → "/nyheter/", "404.html" → "/404.html".
   */
  url: string;
  /** The kind of page, guessed from the URL (see `pageKindOf`). */
  kind: PageKind;
}

export type PageKind =
  | 'home'
  | 'areas'
  | 'area'
  | 'reports'
  | 'report'
  | 'goal'
  | 'projects'
  | 'project'
  | 'news'
  | 'news-page'
  | 'news-year'
  | 'news-item'
  | 'newsletters'
  | 'newsletter'
  | 'not-found'
  | 'search'
  | 'accessibility'
  | 'page'
  | 'other';

/** The reports' URL segment when a site does not name its own (site.yaml: report.path). */
export const defaultReportPath = 'verksamhetsberattelse';

/** The URL patterns of each kind of page, with the reports under `reportPath` ("arsredovisning"). */
function kindPatterns(reportPath: string): ReadonlyArray<readonly [PageKind, RegExp]> {
  const reports = reportPath.replace(/[^a-z0-9-]/g, '');
  return [
    ['home', /^\/$/],
    ['areas', /^\/omraden\/$/],
    ['area', /^\/omraden\/[^/]+\/$/],
    ['reports', new RegExp(`^/${reports}/$`)],
    ['report', new RegExp(`^/${reports}/\\d{4}/$`)],
    ['goal', new RegExp(`^/${reports}/\\d{4}/mal-[^/]+/$`)],
    ['projects', /^\/projekt\/$/],
    ['project', /^\/projekt\/[^/]+\/$/],
    ['news', /^\/nyheter\/$/],
    ['news-year', /^\/nyheter\/\d{4}\/$/],
    // a later page of a year's news (routes/news-archive.ts)
    ['news-page', /^\/nyheter\/\d{4}\/sida\/\d+\/$/],
    ['news-item', /^\/nyheter\/\d{4}\/[^/]+\/$/],
    ['newsletters', /^\/nyhetsbrev\/$/],
    ['newsletter', /^\/nyhetsbrev\/[^/]+\/$/],
    ['not-found', /^\/404\.html$/],
    ['search', /^\/sok\/$/],
    ['accessibility', /^\/tillganglighet\/$/],
    // a free page (content/sidor/): any other address of one segment
    ['page', /^\/[a-z0-9-]+\/$/],
  ];
}

/**
 * The kind of page at a URL path (relative to the base path), from the site's URL scheme. The
 * reports live under the organisation's own word for them (`reportPath`, site.yaml's report.path).
 */
export function pageKindOf(url: string, reportPath = defaultReportPath): PageKind {
  return kindPatterns(reportPath).find(([, pattern]) => pattern.test(url))?.[0] ?? 'other';
}

/**
 * The reports' URL segment of a built site, read from its output: the folder that holds
 * <year>/mal-<n>/ pages ("arsredovisning"), else the default. A built site has no site.yaml to ask.
 */
export function reportPathOf(files: readonly string[]): string {
  for (const file of files) {
    const match = /^([a-z0-9-]+)\/\d{4}\/mal-[^/]+\/index\.html$/.exec(file);
    if (match && match[1] !== 'nyheter') return match[1]!;
  }
  return defaultReportPath;
}

/** The URL path a generated file is served at ("a/index.html" → "/a/"). */
export function urlOfFile(relativePath: string): string {
  const path = `/${relativePath}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async (entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return files.flat();
}

/** Every file of a built folder, as paths relative to it with "/" separators, sorted. */
export async function listFiles(outDir: string): Promise<string[]> {
  const files = await walk(outDir);
  return files.map((file) => relative(outDir, file).split(sep).join('/')).sort();
}

/**
 * A newsletter's email version (nyhetsbrev/<slug>/email.html): HTML for mail clients, built by
 * MJML with layout tables, not a web page. The web-page gates (html-validate, Nu, axe, keyboard,
 * screenshots) leave it out; test/email/ checks it as an email.
 */
export const isEmailFile = (relativePath: string): boolean => /^nyhetsbrev\/[^/]+\/email\.html$/.test(relativePath);

/** Every generated web page (.html, not the newsletters' email versions) of a built folder with its URL, sorted by URL. */
export async function listPages(outDir: string): Promise<SitePage[]> {
  const files = await listFiles(outDir);
  const reportPath = reportPathOf(files);
  return files
    .filter((file) => file.endsWith('.html') && !isEmailFile(file))
    .map((relativePath): SitePage => {
      const url = urlOfFile(relativePath);
      return { file: join(outDir, ...relativePath.split('/')), relativePath, url, kind: pageKindOf(url, reportPath) };
    })
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The first page of each kind present (by URL order), one per kind. */
export function onePagePerKind(pages: readonly SitePage[]): SitePage[] {
  const seen = new Map<PageKind, SitePage>();
  for (const page of pages) if (!seen.has(page.kind)) seen.set(page.kind, page);
  return [...seen.values()];
}

/** The pages of the given kinds (first of each found), failing loudly if a kind is missing. */
export function samplePages(pages: readonly SitePage[], kinds: readonly PageKind[]): SitePage[] {
  return kinds.map((kind) => {
    const page = pages.find((candidate) => candidate.kind === kind);
    if (!page) {
      const found = [...new Set(pages.map((p) => p.kind))].join(', ');
      throw new Error(`The built site has no page of kind "${kind}" (found kinds: ${found})`);
    }
    return page;
  });
}
