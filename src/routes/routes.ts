import type { AccessibilityStatement, Area, ContentGraph, Goal, NewsItem, Newsletter, Page as FreePage, Project, Report, ReportNode } from '../content/graph.js';
import type { GoalStatus, IndicatorData } from '../content/schemas.js';
import { newsArchive, type ArchivePlace } from './news-archive.js';
import { neighbours, type Page } from './paginate.js';
import { urls } from './urls.js';

/*
 * Every page as data: the route says which page, and carries exactly what its template shows.
 * Templates get nothing else (no graph; see render/context.ts), and the entries in a route are
 * typed without their back-links, so a digest of the route is a complete account of the page's
 * inputs: it decides whether a page must be rendered again (routes/page-key.ts). How many items a
 * list shows is decided here, once.
 */

/** News items on the archive's start page and on each page of a year in it. */
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

/** A report as another page names it: its year, title and place, not its text. */
export type ReportYear = Pick<Report, 'year' | 'title' | 'path' | 'plan' | 'published'>;

/** One indicator with a value in both years of a comparison (from its series, content/graph.ts). */
export interface IndicatorChange {
  goal: { number: number; statement: string; report: Pick<Report, 'year' | 'path'> };
  text: string;
  unit?: string;
  better: IndicatorData['better'];
  before: number;
  now: number;
}

/** A key figure of the report, with the previous report's value of the same figure when there is one. */
export interface KeyFigureChange {
  label: string;
  unit?: string;
  now: number;
  before?: number;
}

/** One report against the previous one: what the comparison page shows. */
export interface Comparison {
  report: ReportYear;
  previous: ReportYear;
  statuses: readonly { status?: GoalStatus }[];
  previousStatuses: readonly { status?: GoalStatus }[];
  /** Indicators measured in both years, in goal order. */
  indicators: readonly IndicatorChange[];
  /** How many of this year's indicators lack a value for one of the two years. */
  unmatched: number;
  keyFigures: readonly KeyFigureChange[];
}

/** Every page of the site, as data: what to render, not how. */
export type Route = RouteBase &
  (
    | { kind: 'home'; latestNews: readonly NewsItem[]; latestReport?: ReportSummary; ongoing: readonly Project[]; areas: readonly Area[] }
    | { kind: 'areas'; areas: readonly AreaSummary[] }
    | { kind: 'area'; area: Area; goals: readonly Goal[]; projects: readonly Project[]; latestNews: readonly NewsItem[] }
    | { kind: 'reports'; reports: readonly ReportSummary[] }
    | { kind: 'report'; report: Report; goals: readonly Goal[]; areas: readonly Area[]; pdf?: ReportPdf; comparedWith?: number }
    | ({ kind: 'comparison' } & Comparison)
    | { kind: 'goal'; goal: Goal; previous?: Goal; next?: Goal }
    | { kind: 'projects'; projects: readonly Project[] }
    | { kind: 'project'; project: Project; goals: readonly Goal[]; news: readonly NewsItem[] }
    | { kind: 'news'; latest: readonly NewsItem[]; years: readonly number[]; older?: ArchivePlace }
    | { kind: 'news-year'; year: number; page: Page<NewsItem>; years: readonly number[]; newer?: ArchivePlace; older?: ArchivePlace }
    | { kind: 'news-item'; item: NewsItem; newsletters: readonly Newsletter[] }
    | { kind: 'newsletters'; newsletters: readonly Newsletter[] }
    | { kind: 'newsletter'; newsletter: Newsletter }
    | { kind: 'search'; areas: readonly Area[] }
    | { kind: 'accessibility'; statement: AccessibilityStatement }
    | { kind: 'page'; page: FreePage }
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

const reportYear = ({ year, title, path, plan, published }: Report): ReportYear => ({ year, title, path, plan, published });

/**
 * The report a report is compared with: the nearest earlier one that follows a year up. A plan
 * has no outcomes to compare, so it neither has a comparison nor is one.
 */
export function previousReport<T extends Pick<Report, 'year' | 'plan'>>(reports: readonly T[], report: T): T | undefined {
  if (report.plan) return undefined;
  return reports.filter((other) => !other.plan && other.year < report.year).sort((a, b) => b.year - a.year)[0];
}

function compare(report: ReportNode, previous: ReportNode): Comparison {
  const indicators: IndicatorChange[] = [];
  let unmatched = 0;
  for (const goal of report.goals) {
    for (const indicator of goal.indicators) {
      const now = indicator.series.find((value) => value.year === report.year);
      const before = indicator.series.find((value) => value.year === previous.year);
      if (!now || !before) {
        unmatched++;
        continue;
      }
      indicators.push({
        goal: { number: goal.number, statement: goal.statement, report: { year: report.year, path: report.path } },
        text: indicator.text,
        unit: indicator.unit,
        better: indicator.better,
        before: before.value,
        now: now.value,
      });
    }
  }
  const keyFigures = report.keyFigures.map((figure): KeyFigureChange => {
    // the same figure the year before is the one with the same id; without one, only what this report states of last year
    const same = figure.id === undefined ? undefined : previous.keyFigures.find((other) => other.id === figure.id);
    const before = same?.value ?? figure.previous;
    return { label: figure.label, unit: figure.unit, now: figure.value, before };
  });
  return {
    report: reportYear(report),
    previous: reportYear(previous),
    statuses: statuses(report.goals),
    previousStatuses: statuses(previous.goals),
    indicators,
    unmatched,
    keyFigures,
  };
}

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
    const previous = previousReport(graph.reports, report);
    routes.push({ kind: 'report', report, goals: report.goals, areas, comparedWith: previous?.year, path: urls.report(report), sources: [report.source.file] });
    if (previous) {
      routes.push({ kind: 'comparison', ...compare(report, previous), path: urls.comparison(report), sources: [report.source.file, previous.source.file] });
    }
    report.goals.forEach((goal, index) => {
      routes.push({ kind: 'goal', goal, ...neighbours(report.goals, index), path: urls.goal(goal), sources: [goal.source.file] });
    });
  }
  routes.push({ kind: 'projects', path: urls.projects(), sources: [], projects: graph.projects });
  for (const project of graph.projects) {
    routes.push({ kind: 'project', project, goals: project.goals, news: project.news, path: urls.project(project), sources: [project.source.file] });
  }
  // by year, so that a changed date re-renders the pages of its years alone (news-archive.ts)
  const archive = newsArchive(graph.news, newsPageSize);
  const { years } = archive;
  routes.push({ kind: 'news', latest: archive.latest, years, older: archive.older, path: urls.news(), sources: [] });
  for (const { year, page, newer, older } of archive.pages) {
    routes.push({ kind: 'news-year', year, page, years, newer, older, path: urls.newsYear(year, page.number), sources: [] });
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
  for (const page of graph.pages) {
    routes.push({ kind: 'page', page, path: urls.page(page), sources: [page.source.file] });
  }
  routes.push({ kind: 'not-found', path: urls.notFound(), sources: [] });
  return routes;
}
