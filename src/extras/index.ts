import type { ContentGraph } from '../content/graph.js';
import type { Route } from '../routes/routes.js';
import { feeds } from './feeds.js';
import { images } from './images.js';
import { newsletterEmail } from './newsletter-email.js';
import { search, type SearchIndexer } from './search.js';
import { sitemap } from './sitemap.js';

/** A file an extra adds to the site, relative to the output folder. */
export interface ExtraFile {
  path: string;
  contents: string | Uint8Array;
}

export interface ExtraContext {
  graph: ContentGraph;
  routes: readonly Route[];
  /** `build` writes the published site; `dev` is the preview, where slow extras may step aside. */
  mode: 'build' | 'dev';
  /**
   * The search index, fed with the pages while they were rendered; absent when there is none
   * to make (the preview, `build --no-search`).
   */
  search?: SearchIndexer;
}

/**
 * Files made from the whole site rather than from one route: feeds, sitemap, search index,
 * email versions. Each extra is a function `site → files`, one per file in this folder, listed
 * here in the order they run. Their files take part in the link check like pages do.
 */
export type Extra = (context: ExtraContext) => ExtraFile[] | Promise<ExtraFile[]>;

export const extras: readonly Extra[] = [images, feeds, sitemap, newsletterEmail, search];
