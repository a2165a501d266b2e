import type { ContentGraph, Site } from '../content/graph.js';

/** What every template may read besides its route: the whole graph and the page's own URL. */
export interface PageContext {
  graph: ContentGraph;
  site: Site;
  /** Root-relative URL path of the page being rendered. */
  path: string;
}
