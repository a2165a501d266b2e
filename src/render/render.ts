import type { Root } from 'hast';
import { templates } from '../../templates/index.js';
import type { ContentGraph } from '../content/graph.js';
import type { Route } from '../routes/routes.js';
import type { PageContext } from './context.js';
import { uniquePageIds } from './page-ids.js';

/** What a page's template is given besides its route. */
export function pageContext(graph: ContentGraph, route: Route): PageContext {
  return { site: graph.site, accessibilityStatement: graph.accessibility !== undefined, path: route.path };
}

/** Renders one route with its template. Errors name the page and its source files. */
export function renderRoute(route: Route, ctx: PageContext): Root {
  const template = templates[route.kind] as (route: Route, ctx: PageContext) => Root;
  try {
    // content ids never take an id the template uses (page-ids.ts)
    return uniquePageIds(template(route, ctx));
  } catch (error) {
    const from = route.sources.length > 0 ? ` from ${route.sources.join(', ')}` : '';
    throw new Error(`Could not render ${route.path}${from} with templates/${route.kind}`, { cause: error });
  }
}
