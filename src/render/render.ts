import type { Root } from 'hast';
import { templates } from '../../templates/index.js';
import type { ContentGraph } from '../content/graph.js';
import type { Route } from '../routes/routes.js';
import { uniquePageIds } from './page-ids.js';

/** A page rendered to its hast tree; serialised only after the whole site has been checked. */
export interface RenderedPage {
  route: Route;
  path: string;
  tree: Root;
}

/** Renders one route with its template. Errors name the page and its source files. */
export function renderRoute(route: Route, graph: ContentGraph): RenderedPage {
  const template = templates[route.kind] as (route: Route, ctx: { graph: ContentGraph; site: ContentGraph['site']; path: string }) => Root;
  try {
    return { route, path: route.path, tree: uniquePageIds(template(route, { graph, site: graph.site, path: route.path })) };
  } catch (error) {
    const from = route.sources.length > 0 ? ` from ${route.sources.join(', ')}` : '';
    throw new Error(`Could not render ${route.path}${from} with templates/${route.kind}`, { cause: error });
  }
}
