import type { ContentGraph, Goal, Image, NewsItem, Project } from '../content/graph.js';
import { newsPageSize, type Route } from './routes.js';

/*
 * What each page shows, as a list of tokens: the content files it reads, and the facts about
 * lists (membership, order, counts) that it prints. A page is rendered again only when one of
 * its files changed or its list of tokens did; every page also depends on site.yaml and the
 * templates, which reset everything when they change.
 */

/** An image's file and bytes: a page that shows it changes when the image does (its URLs hold the hash). */
const imageToken = (image: Image | undefined) => (image ? `${image.file.path}#${image.file.hash}` : '-');
const newsTokens = (items: readonly NewsItem[]) =>
  items.flatMap((item) => [item.source.file, imageToken(item.image), ...item.areas.map((area) => area.source.file)]);
const projectTokens = (projects: readonly Project[]) => projects.flatMap((project) => [project.source.file, project.area.source.file]);
const goalTokens = (goals: readonly Goal[]) => goals.flatMap((goal) => [goal.source.file, goal.report.source.file]);

/**
 * The tokens a route's page depends on. Pure; the order matters (it is the page's order). Every
 * page's footer links the accessibility statement when there is one.
 */
export function dependencies(route: Route, graph: ContentGraph): string[] {
  return [graph.accessibility ? 'tillganglighet' : '-', ...pageDependencies(route, graph)];
}

function pageDependencies(route: Route, graph: ContentGraph): string[] {
  switch (route.kind) {
    case 'home': {
      const report = graph.reports[0];
      return [
        ...newsTokens(graph.news.slice(0, 5)),
        ...(report ? [report.source.file, ...report.goals.map((goal) => `${goal.number}:${goal.status ?? ''}`)] : []),
        ...projectTokens(graph.projects.filter((project) => project.status === 'pagaende')),
        ...graph.areas.map((area) => area.source.file),
      ];
    }
    case 'areas':
      return graph.areas.flatMap((area) => [area.source.file, `${area.goals.length}/${area.projects.length}/${area.news.length}`]);
    case 'area': {
      const { area } = route;
      return [area.source.file, imageToken(area.image), ...goalTokens(area.goals), ...projectTokens(area.projects), ...newsTokens(area.news.slice(0, 10))];
    }
    case 'reports':
      return graph.reports.flatMap((report) => [report.source.file, ...report.goals.map((goal) => `${goal.number}:${goal.status ?? ''}`)]);
    case 'report':
      return [
        route.report.source.file,
        ...goalTokens(route.report.goals),
        ...route.report.goals.flatMap((goal) => [goal.area.source.file, ...projectTokens(goal.projects)]),
        ...graph.areas.map((area) => area.source.file),
      ];
    case 'goal':
      return [
        ...goalTokens([route.goal]),
        route.goal.area.source.file,
        ...projectTokens(route.goal.projects),
        ...(route.previous ? [route.previous.source.file] : ['-']),
        ...(route.next ? [route.next.source.file] : ['-']),
      ];
    case 'projects':
      return projectTokens(graph.projects);
    case 'project':
      return [...projectTokens([route.project]), imageToken(route.project.image), ...goalTokens(route.project.goals), ...newsTokens(route.project.news)];
    case 'news':
      return [`${route.page.number}/${route.page.total}/${newsPageSize}`, ...newsTokens(route.page.items), ...route.years.map(String)];
    case 'news-year':
      return [...route.years.map(String), ...newsTokens(route.items)];
    case 'news-item':
      return [
        ...newsTokens([route.item]),
        ...projectTokens(route.item.projects),
        ...route.item.newsletters.map((newsletter) => newsletter.source.file),
      ];
    case 'newsletters':
      return graph.newsletters.map((newsletter) => newsletter.source.file);
    case 'newsletter':
      return [route.newsletter.source.file, ...newsTokens(route.newsletter.articles)];
    case 'search':
      // the filters list every area by title
      return graph.areas.map((area) => area.source.file);
    case 'accessibility':
      return [route.statement.source.file];
    case 'not-found':
      return [];
  }
}
