import type { CacheView } from '../cache/store.js';
import type { ContentGraph } from '../content/graph.js';
import { linkInfo, type LinkInfo } from '../render/links.js';
import { pageContext, pageHtml, renderRoute, type Templates } from '../render/render.js';
import type { PageKeys } from '../routes/page-key.js';
import type { Route } from '../routes/routes.js';
import { outputFile } from '../routes/urls.js';

/** A page as the session keeps it: its HTML, what the link check needs, and what it was made from. */
export interface RenderedPage extends LinkInfo {
  /** The digest of the page's route and context (routes/page-key.ts). */
  key: string;
  /** The content files whose text the key holds (routes/page-key.ts). */
  files: ReadonlySet<string>;
  /** Output file, relative to the output folder. */
  file: string;
  /**
   * The page as UTF-8, encoded once when it is made: as a string, one character outside Latin-1
   * makes V8 hold the whole page in two bytes a character, and at 10 000 pages that is hundreds of MB.
   */
  html: Buffer;
}

/** A rendered page as the disk cache keeps it: the HTML as text, which a pack line holds in its own bytes. */
interface StoredPage {
  html: string;
  links: LinkInfo['links'];
  ids: string[];
}

/** A page from the cache, if it has the shape of one (a damaged cache is a miss, not a broken page). */
function storedPage(value: unknown): StoredPage | undefined {
  const page = value as Partial<StoredPage> | undefined;
  return typeof page?.html === 'string' && Array.isArray(page.links) && Array.isArray(page.ids) ? (page as StoredPage) : undefined;
}

export interface RenderInput {
  routes: readonly Route[];
  graph: ContentGraph;
  templates: Templates;
  keys: PageKeys;
  /** The pages of the last good update, by path: one with the same key is taken as it is. */
  previous: ReadonlyMap<string, RenderedPage>;
  /**
   * Set when the graph and routes are the last update's and only these files' text changed
   * (paths as entries name them): a page whose key holds none of them is kept without its key
   * being made again, which at 10 000 pages is most of an edit's time.
   */
  textEdited?: ReadonlySet<string>;
  /** Pages of earlier runs, by key. */
  cache?: CacheView;
  /** Each page in route order, whether it was rendered now; the render waits when it returns a promise. */
  onPage?: (route: Route, page: RenderedPage, fresh: boolean) => void | Promise<void>;
}

/**
 * Every route's page: the last update's when its key is the same, else the disk cache's, else
 * rendered now (template → base path → HTML), with its links and ids for the link check.
 */
export async function renderPages({ routes, graph, templates, keys, previous, textEdited, cache, onPage }: RenderInput): Promise<{ pages: Map<string, RenderedPage>; rendered: number }> {
  const plan = routes.map((route) => {
    const ctx = pageContext(graph, route);
    const kept = previous.get(route.path);
    if (textEdited && kept && !readsAny(kept.files, textEdited)) return { route, ctx, key: kept.key, files: kept.files, kept };
    const { key, files } = keys.keyAndFiles(route, ctx);
    return { route, ctx, key, files, kept: kept?.key === key ? kept : undefined };
  });
  // looked up together, so the pack of pages can be let go of before rendering starts
  const stored = plan.map(({ route, key, kept }) => {
    if (kept || !cache) return undefined;
    const address = cache.address(['page', route.path, key]);
    return { address, page: storedPage(cache.get(address)) };
  });

  const pages = new Map<string, RenderedPage>();
  let rendered = 0;
  for (const [index, { route, ctx, key, files, kept }] of plan.entries()) {
    const found = stored[index];
    // the page's text as the pack held it goes with this page, not with the last one
    stored[index] = undefined;
    let page = kept ?? (found?.page ? { key, files, file: outputFile(route.path), html: Buffer.from(found.page.html, 'utf8'), links: found.page.links, ids: new Set(found.page.ids) } : undefined);
    const fresh = !page;
    if (!page) {
      const tree = renderRoute(route, ctx, templates);
      const html = pageHtml(tree, graph.site.baseUrl);
      page = { key, files, file: outputFile(route.path), html: Buffer.from(html, 'utf8'), ...linkInfo(tree, graph.site.baseUrl, route.path) };
      // the text as it will be written: a lone surrogate is already U+FFFD, so the cache gives back the same bytes
      if (found && cache) cache.put(found.address, { html: page.html.toString('utf8'), links: page.links, ids: [...page.ids] } satisfies StoredPage);
      rendered++;
    }
    pages.set(route.path, page);
    const waiting = onPage?.(route, page, fresh);
    if (waiting) await waiting;
  }
  return { pages, rendered };
}

const readsAny = (files: ReadonlySet<string>, changed: ReadonlySet<string>) => {
  for (const file of changed) if (files.has(file)) return true;
  return false;
};
