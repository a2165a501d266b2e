import type { ContentGraph, NewsItem } from '../content/graph.js';
import type { Route } from '../routes/routes.js';

/*
 * When a page last changed, as far as its content says: the dates in front matter (news and
 * newsletters' dates, reports' publication, the accessibility statement's update). Never the
 * clock or a file's modification time, so the same content gives the same sitemap and feeds.
 */

const latest = (dates: readonly (string | undefined)[]): string | undefined =>
  dates.filter((date): date is string => date !== undefined).reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);

const newsDates = (items: readonly NewsItem[]) => items.map((item) => item.date);

const latestByGraph = new WeakMap<ContentGraph, string | undefined>();

/** The newest date anywhere in the content: the site as a whole last changed then. */
export function latestContentDate(graph: ContentGraph): string | undefined {
  // asked for every page of the sitemap: computed once per graph, not once per page
  if (latestByGraph.has(graph)) return latestByGraph.get(graph);
  const date = latest([
    ...newsDates(graph.news),
    ...graph.newsletters.map((newsletter) => newsletter.date),
    ...graph.reports.map((report) => report.published),
    graph.accessibility?.updated,
  ]);
  latestByGraph.set(graph, date);
  return date;
}

/** The date a page last changed (ÅÅÅÅ-MM-DD), from the dated content it shows. */
export function lastModified(route: Route, graph: ContentGraph): string | undefined {
  const site = latestContentDate(graph);
  switch (route.kind) {
    case 'news-item':
      return route.item.date;
    case 'newsletter':
      return latest([route.newsletter.date, ...newsDates(route.newsletter.articles)]);
    case 'report':
      return route.report.published;
    case 'goal':
      return route.goal.report.published;
    case 'comparison':
      return route.report.published;
    case 'news':
      return latest(newsDates(route.latest)) ?? site;
    case 'news-year':
      return latest(newsDates(route.page.items)) ?? site;
    case 'newsletters':
      return latest(route.newsletters.map((newsletter) => newsletter.date)) ?? site;
    case 'reports':
      return latest(route.reports.map(({ report }) => report.published)) ?? site;
    case 'area':
      return latest([...newsDates(route.latestNews), ...route.goals.map((goal) => goal.report.published)]) ?? site;
    case 'project':
      return latest([...newsDates(route.news), ...route.goals.map((goal) => goal.report.published)]) ?? site;
    case 'accessibility':
      return route.statement.updated;
    case 'home':
    case 'areas':
    case 'projects':
    case 'search':
    case 'not-found':
    // a free page has no date of its own: the site's newest is the nearest the content says
    case 'page':
      return site;
  }
}
