import type { AccessibilityStatement, ContentGraph, Area, Goal, NewsItem, Newsletter, Project, Report } from '../content/graph.js';
import { groupBy, neighbours, paginate, type Page } from './paginate.js';
import { urls } from './urls.js';

/** News items per archive page. */
export const newsPageSize = 20;

interface RouteBase {
  /** Root-relative URL path of the page. */
  path: string;
  /** The content files the page is made from; named when two pages collide. */
  sources: readonly string[];
}

/** Every page of the site, as data: what to render, not how. */
export type Route = RouteBase &
  (
    | { kind: 'home' }
    | { kind: 'areas' }
    | { kind: 'area'; area: Area }
    | { kind: 'reports' }
    | { kind: 'report'; report: Report; pdf?: ReportPdf }
    | { kind: 'goal'; goal: Goal; previous?: Goal; next?: Goal }
    | { kind: 'projects' }
    | { kind: 'project'; project: Project }
    | { kind: 'news'; page: Page<NewsItem>; years: readonly number[] }
    | { kind: 'news-year'; year: number; items: readonly NewsItem[]; years: readonly number[] }
    | { kind: 'news-item'; item: NewsItem }
    | { kind: 'newsletters' }
    | { kind: 'newsletter'; newsletter: Newsletter }
    | { kind: 'search' }
    | { kind: 'accessibility'; statement: AccessibilityStatement }
    | { kind: 'not-found' }
  );

/**
 * The print edition of a report, once `verksam build` has made it (build.ts renders the report
 * page again with it); pages rendered without it have no PDF link.
 */
export interface ReportPdf {
  /** Root-relative URL of the PDF file. */
  url: string;
  bytes: number;
}

export type RouteKind = Route['kind'];

/** The pure map from content to pages. */
export function deriveRoutes(graph: ContentGraph): Route[] {
  const routes: Route[] = [
    { kind: 'home', path: urls.home(), sources: [] },
    { kind: 'areas', path: urls.areas(), sources: [] },
    ...graph.areas.map((area): Route => ({ kind: 'area', area, path: urls.area(area), sources: [area.source.file] })),
    { kind: 'reports', path: urls.reports(), sources: [] },
  ];
  for (const report of graph.reports) {
    routes.push({ kind: 'report', report, path: urls.report(report), sources: [report.source.file] });
    report.goals.forEach((goal, index) => {
      routes.push({ kind: 'goal', goal, ...neighbours(report.goals, index), path: urls.goal(goal), sources: [goal.source.file] });
    });
  }
  routes.push({ kind: 'projects', path: urls.projects(), sources: [] });
  for (const project of graph.projects) {
    routes.push({ kind: 'project', project, path: urls.project(project), sources: [project.source.file] });
  }
  const byYear = groupBy(graph.news, (item) => item.year);
  const years = [...byYear.keys()];
  for (const page of paginate(graph.news, newsPageSize)) {
    routes.push({ kind: 'news', page, years, path: urls.news(page.number), sources: [] });
  }
  for (const [year, items] of byYear) {
    routes.push({ kind: 'news-year', year, items, years, path: urls.newsYear(year), sources: [] });
  }
  for (const item of graph.news) {
    routes.push({ kind: 'news-item', item, path: urls.newsItem(item), sources: [item.source.file] });
  }
  routes.push({ kind: 'newsletters', path: urls.newsletters(), sources: [] });
  for (const newsletter of graph.newsletters) {
    routes.push({ kind: 'newsletter', newsletter, path: urls.newsletter(newsletter), sources: [newsletter.source.file] });
  }
  routes.push({ kind: 'search', path: urls.search(), sources: [] });
  if (graph.accessibility) {
    routes.push({ kind: 'accessibility', statement: graph.accessibility, path: urls.accessibility(), sources: [graph.accessibility.source.file] });
  }
  routes.push({ kind: 'not-found', path: urls.notFound(), sources: [] });
  return routes;
}
