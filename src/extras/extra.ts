import type { ContentGraph } from '../content/graph.js';
import type { Route } from '../routes/routes.js';
import type { CacheView } from '../cache/store.js';

/** A file an extra adds to the site, relative to the output folder. */
export interface ExtraFile {
  path: string;
  contents: string | Uint8Array;
}

/** The search index, fed with the pages while they are rendered (search.ts): its files once all are in. */
export interface PageIndex {
  files(): Promise<ExtraFile[]>;
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
  search?: PageIndex;
  /** Emails of earlier runs, by the hash of their MJML (newsletter-email.ts); only in a session's first update. */
  emails?: CacheView;
  /** Feeds of earlier runs, by what they are made from (feeds.ts); only in a session's first update. */
  feeds?: CacheView;
  /** The text and shown images of a content file, as its pages' keys name them (routes/page-key.ts); undefined for a file not known. */
  textKey?: (file: string) => string | undefined;
}

/**
 * Files made from the whole site rather than from one route: feeds, sitemap, search index,
 * email versions, image variants. `paths` names, cheaply, the files `make` will write that pages
 * may link to, so the link check runs before the slow work; `make` makes them. An extra is made
 * per session (extras/index.ts), so what it remembers between updates is that session's alone.
 */
export interface Extra {
  name: string;
  /** What the last `make` did, for the timings (VERKSAM_TIMINGS); the name when absent. */
  describe?(): string;
  paths(context: ExtraContext): string[];
  make(context: ExtraContext): ExtraFile[] | Promise<ExtraFile[]>;
}
