import type { AccessibilityStatement, Area, ContentGraph, Goal, NewsItem, Newsletter, Project, Report } from '../content/graph.js';
import type { GoalStatus } from '../content/schemas.js';
import { groupBy, neighbours, paginate, type Page } from './paginate.js';
import { urls } from './urls.js';

/*
 * Every page as data: the route says which page, and carries exactly what its template shows.
 * Templates get nothing else (no graph; see render/context.ts), and the entries in a route are
 * typed without their back-links, so a digest of the route is a complete account of the page's
 * inputs: it decides whether a page must be rendered again (routes/page-key.ts). How many items a
 * list shows is decided here, once.
 */

/** News items per archive page. */
export const newsPageSize = 20;
/** News items on the start page. */
export const homeNewsCount = 5;
/** News items on an area's page. */
export const areaNewsCount = 10;

interface RouteBase {
  /** Root-relative URL path of the page. */
  path: string;
  /** The content files the page is made from; named when two pages collide. */
  sources: readonly string[];
}

/** A report with the status of each of its goals, as summaries show it. */
export interface ReportSummary {
  report: Report;
  statuses: readonly { status?: GoalStatus }[];
}

/** An area with how many goals, projects and news items it has. */
export interface AreaSummary {
  area: Area;
  goals: number;
  projects: number;
  news: number;
}

/** Every page of the site, as data: what to render, not how. */
export type Route = RouteBase &
  (
    | { kind: 'home'; latestNews: readonly NewsItem[]; latestReport?: ReportSummary; ongoing: readonly Project[]; areas: readonly Area[] }
    | { kind: 'areas'; areas: readonly AreaSummary[] }
    | { kind: 'area'; area: Area; goals: readonly Goal[]; projects: readonly Project[]; latestNews: readonly NewsItem[] }
    | { kind: 'reports'; reports: readonly ReportSummary[] }
    | { kind: 'report'; report: Report; goals: readonly Goal[]; areas: readonly Area[]; pdf?: ReportPdf }
    | { kind: 'goal'; goal: Goal; previous?: Goal; next?: Goal }
    | { kind: 'projects'; projects: readonly Project[] }
    | { kind: 'project'; project: Project; goals: readonly Goal[]; news: readonly NewsItem[] }
    | { kind: 'news'; page: Page<NewsItem>; years: readonly number[] }
    | { kind: 'news-year'; year: number; items: readonly NewsItem[]; years: readonly number[] }
    | { kind: 'news-item'; item: NewsItem; newsletters: readonly Newsletter[] }
    | { kind: 'newsletters'; newsletters: readonly Newsletter[] }
    | { kind: 'newsletter'; newsletter: Newsletter }
    | { kind: 'search'; areas: readonly Area[] }
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

const statuses = (goals: readonly Goal[]) => goals.map((goal) => ({ status: goal.status }));

/** The pure map from content to pages. */
export function deriveRoutes(graph: ContentGraph): Route[] {
  const latestReport = graph.reports[0];
  const routes: Route[] = [
    {
      kind: 'home',
      path: urls.home(),
      sources: [],
      latestNews: graph.news.slice(0, homeNewsCount),
      latestReport: latestReport ? { report: latestReport, statuses: statuses(latestReport.goals) } : undefined,
      ongoing: graph.projects.filter((project) => project.status === 'pagaende'),
      areas: graph.areas,
    },
    {
      kind: 'areas',
      path: urls.areas(),
      sources: [],
      areas: graph.areas.map((area) => ({ area, goals: area.goals.length, projects: area.projects.length, news: area.news.length })),
    },
    ...graph.areas.map(
      (area): Route => ({
        kind: 'area',
        area,
        goals: area.goals,
        projects: area.projects,
        latestNews: area.news.slice(0, areaNewsCount),
        path: urls.area(area),
        sources: [area.source.file],
      }),
    ),
    { kind: 'reports', path: urls.reports(graph.site), sources: [], reports: graph.reports.map((report) => ({ report, statuses: statuses(report.goals) })) },
  ];
  for (const report of graph.reports) {
    const areas = graph.areas.filter((area) => report.goals.some((goal) => goal.area === area));
    routes.push({ kind: 'report', report, goals: report.goals, areas, path: urls.report(report), sources: [report.source.file] });
    report.goals.forEach((goal, index) => {
      routes.push({ kind: 'goal', goal, ...neighbours(report.goals, index), path: urls.goal(goal), sources: [goal.source.file] });
    });
  }
  routes.push({ kind: 'projects', path: urls.projects(), sources: [], projects: graph.projects });
  for (const project of graph.projects) {
    routes.push({ kind: 'project', project, goals: project.goals, news: project.news, path: urls.project(project), sources: [project.source.file] });
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
    routes.push({ kind: 'news-item', item, newsletters: item.newsletters, path: urls.newsItem(item), sources: [item.source.file] });
  }
  routes.push({ kind: 'newsletters', path: urls.newsletters(), sources: [], newsletters: graph.newsletters });
  for (const newsletter of graph.newsletters) {
    routes.push({ kind: 'newsletter', newsletter, path: urls.newsletter(newsletter), sources: [newsletter.source.file] });
  }
  routes.push({ kind: 'search', path: urls.search(), sources: [], areas: graph.areas });
  if (graph.accessibility) {
    routes.push({ kind: 'accessibility', statement: graph.accessibility, path: urls.accessibility(), sources: [graph.accessibility.source.file] });
  }
  routes.push({ kind: 'not-found', path: urls.notFound(), sources: [] });
  return routes;
}
