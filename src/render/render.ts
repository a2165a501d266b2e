import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { ContentGraph } from '../content/graph.js';
import type { Route, RouteKind } from '../routes/routes.js';
import { applyBasePath } from './base-path.js';
import type { PageContext } from './context.js';
import { uniquePageIds } from './page-ids.js';
import { describeAttachmentLinks } from './attachment-links.js';

/**
 * One template per page kind (templates/index.ts has them). The pipeline hands them to the
 * render stage; nothing in src/ imports a template itself, so templates depend on src/ and never
 * the other way round.
 */
export type Templates = { [K in RouteKind]: (route: Extract<Route, { kind: K }>, ctx: PageContext) => Root };

/** What a page's template is given besides its route. */
export function pageContext(graph: ContentGraph, route: Route): PageContext {
  return { site: graph.site, accessibilityStatement: graph.accessibility !== undefined, path: route.path, attachments: graph.attachments };
}

/** Renders one route with its template. Errors name the page and its source files. */
export function renderRoute(route: Route, ctx: PageContext, templates: Templates): Root {
  const template = templates[route.kind] as (route: Route, ctx: PageContext) => Root;
  try {
    // content ids never take an id the template uses (page-ids.ts)
    return describeAttachmentLinks(uniquePageIds(template(route, ctx)), ctx.attachments, route.path, ctx.site.baseUrl);
  } catch (error) {
    const from = route.sources.length > 0 ? ` from ${route.sources.join(', ')}` : '';
    throw new Error(`Could not render ${route.path}${from} with templates/${route.kind}`, { cause: error });
  }
}

/** A rendered page as its file holds it: every link under the site's base path, serialised. */
export function pageHtml(tree: Root, baseUrl: string): string {
  return `${toHtml(applyBasePath(tree, new URL(baseUrl).pathname))}\n`;
}
