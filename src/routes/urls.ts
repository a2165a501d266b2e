import type { Area, NewsItem, Newsletter, Page, Project, Report } from '../content/graph.js';

/** Where a report is: its year, under the organisation's word for reports. */
type ReportPlace = Pick<Report, 'year' | 'path'>;

/** The news feeds' formats and their file names. */
export const feedFiles = { atom: 'atom.xml', rss: 'rss.xml', json: 'feed.json' } as const;
export type FeedFormat = keyof typeof feedFiles;

/*
 * Every URL of the site is made here, root-relative ("/nyheter/2021/x/"). The base path of a
 * site published under a sub-path is added to every link of a finished page in one place
 * (render/base-path.ts), so templates and content never think about it.
 */

export const urls = {
  home: () => '/',
  areas: () => '/omraden/',
  area: (area: Pick<Area, 'slug'>) => `/omraden/${area.slug}/`,
  /** The reports live under the organisation's own word for them (site.yaml: report.path). */
  reports: (site: { report: { path: string } }) => `/${site.report.path}/`,
  report: (report: ReportPlace) => `/${report.path}/${report.year}/`,
  /** The print edition, beside the report page (written by `verksam build` when Chromium is there). */
  reportPdf: (report: ReportPlace) => `/${report.path}/${report.year}/${report.path}-${report.year}.pdf`,
  goal: (goal: { number: number; report: ReportPlace }) => `/${goal.report.path}/${goal.report.year}/mal-${goal.number}/`,
  /** A report against the previous year's (routes.ts: previousReport). */
  comparison: (report: ReportPlace) => `/${report.path}/${report.year}/jamforelse/`,
  projects: () => '/projekt/',
  project: (project: Pick<Project, 'slug'>) => `/projekt/${project.slug}/`,
  /** The archive's start page: the newest news and the years. */
  news: () => '/nyheter/',
  /** A year's news, paginated within the year (routes/news-archive.ts). */
  newsYear: (year: number, page = 1) => (page === 1 ? `/nyheter/${year}/` : `/nyheter/${year}/sida/${page}/`),
  newsItem: (item: Pick<NewsItem, 'slug' | 'year'>) => `/nyheter/${item.year}/${item.slug}/`,
  newsletters: () => '/nyhetsbrev/',
  newsletter: (newsletter: Pick<Newsletter, 'slug'>) => `/nyhetsbrev/${newsletter.slug}/`,
  /** A free page sits at the top of the site, where "Om oss" is looked for (collisions.ts keeps it off generated addresses). */
  page: (page: Pick<Page, 'slug'>) => `/${page.slug}/`,
  /** The attachments' folder (an attachment's own address is its path in the content folder). */
  attachments: () => '/filer/',
  notFound: () => '/404.html',
  stylesheet: () => '/stil.css',
  favicon: () => '/favicon.svg',
  search: () => '/sok/',
  /** The search page's script (it loads the Pagefind index from /pagefind/). */
  searchScript: () => '/sok.js',
  searchIndex: () => '/pagefind/',
  accessibility: () => '/tillganglighet/',
  /** All news, or one area's news, as Atom, RSS 2.0 or JSON Feed. */
  newsFeed: (format: FeedFormat) => `/nyheter/${feedFiles[format]}`,
  areaFeed: (area: Pick<Area, 'slug'>, format: FeedFormat) => `/omraden/${area.slug}/${feedFiles[format]}`,
  /** The newsletter's issues as Atom, RSS 2.0 or JSON Feed. */
  newsletterFeed: (format: FeedFormat) => `/nyhetsbrev/${feedFiles[format]}`,
  sitemap: () => '/sitemap.xml',
  robots: () => '/robots.txt',
  /** One variant of an image: name from the file, hash of its bytes, width, format. */
  image: (name: string, hash: string, width: number, extension: string) => `/bilder/${name}-${hash}-${width}.${extension}`,
} as const;

/** The file a URL path is written to, relative to the output folder. */
export function outputFile(path: string): string {
  const relative = path.replace(/^\//, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** A root-relative URL path ("/nyheter/") as an absolute URL on the published site. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), baseUrl).href;
}

/**
 * A link as content writes it, made absolute as a browser on the published page would: a
 * root-relative one under the base URL (which may have a path), a scheme-relative one as https,
 * anything else relative against the page. A link no URL parser takes stays as it is (the link
 * check reports it on the site).
 */
export function resolveLink(link: string, baseUrl: string, pageUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return link;
  if (link.startsWith('//')) return `https:${link}`;
  if (link.startsWith('/')) return absoluteUrl(baseUrl, link);
  return URL.parse(link, pageUrl)?.href ?? link;
}
