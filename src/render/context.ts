import type { Attachment, Site } from '../content/graph.js';

/**
 * What every template may read besides its route: the site's settings, whether the site has an
 * accessibility statement (every footer links it) and the page's own URL. Never the graph: a page
 * shows only what its route carries, so the digest of route and context is the page's key.
 */
export interface PageContext {
  site: Site;
  accessibilityStatement: boolean;
  /** Root-relative URL path of the page being rendered. */
  path: string;
  /**
   * The site's attachments: a link to one shows its type and size (render/attachment-links.ts),
   * so a changed size changes the key of the pages that could link to it.
   */
  attachments: readonly Attachment[];
}
