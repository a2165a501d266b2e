import type { Area, Goal, NewsItem, Newsletter, Project, Report } from '../content/graph.js';

/*
 * Every URL of the site is made here, root-relative ("/nyheter/2021/x/"). The base path of a
 * site published under a sub-path is added to every link of a finished page in one place
 * (render/base-path.ts), so templates and content never think about it.
 */

export const urls = {
  home: () => '/',
  areas: () => '/omraden/',
  area: (area: Pick<Area, 'slug'>) => `/omraden/${area.slug}/`,
  reports: () => '/verksamhetsberattelse/',
  report: (report: Pick<Report, 'year'>) => `/verksamhetsberattelse/${report.year}/`,
  goal: (goal: Pick<Goal, 'number' | 'report'>) => `/verksamhetsberattelse/${goal.report.year}/mal-${goal.number}/`,
  /** The goal's place inside its report page. */
  goalInReport: (goal: Pick<Goal, 'number' | 'report'>) => `/verksamhetsberattelse/${goal.report.year}/#mal-${goal.number}`,
  projects: () => '/projekt/',
  project: (project: Pick<Project, 'slug'>) => `/projekt/${project.slug}/`,
  news: (page = 1) => (page === 1 ? '/nyheter/' : `/nyheter/sida/${page}/`),
  newsYear: (year: number) => `/nyheter/${year}/`,
  newsItem: (item: Pick<NewsItem, 'slug' | 'year'>) => `/nyheter/${item.year}/${item.slug}/`,
  newsletters: () => '/nyhetsbrev/',
  newsletter: (newsletter: Pick<Newsletter, 'slug'>) => `/nyhetsbrev/${newsletter.slug}/`,
  notFound: () => '/404.html',
  stylesheet: () => '/stil.css',
} as const;

/** The file a URL path is written to, relative to the output folder. */
export function outputFile(path: string): string {
  const relative = path.replace(/^\//, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}
