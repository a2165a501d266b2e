import { x } from 'xastscript';
import type { Route } from '../routes/routes.js';
import { absoluteUrl, urls } from '../routes/urls.js';
import type { Extra, ExtraFile } from './extra.js';
import { lastModified } from './last-modified.js';
import { xmlDocument } from './xml.js';

/*
 * sitemap.xml lists every published page with the date it last changed (from the content's own
 * dates, see last-modified.ts); robots.txt allows everything and points at the sitemap. The
 * 404 page and the search page are pages for people, not for search engines' lists.
 */

/** Pages that are not listed: the error page and the search page. */
export const unlisted = (route: Route): boolean => route.kind === 'not-found' || route.kind === 'search';

const files = () => [urls.sitemap(), urls.robots()].map((url) => url.replace(/^\//, ''));

export function sitemapExtra(): Extra {
  // by route list: the preview keeps its graph and routes through an edit of text, and the sitemap does not change then
  const made = new WeakMap<readonly Route[], { graph: object; files: ExtraFile[] }>();
  return {
    name: 'sitemap',
    paths: files,
    make({ graph, routes }) {
      const known = made.get(routes);
      if (known?.graph === graph) return known.files;
      const { baseUrl } = graph.site;
      const entries = routes
        .filter((route) => !unlisted(route))
        .map((route) => {
          const modified = lastModified(route, graph);
          return x('url', {}, x('loc', absoluteUrl(baseUrl, route.path)), modified ? x('lastmod', modified) : undefined);
        });
      const xml = xmlDocument(x(null, x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, entries)));
      const robots = `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(baseUrl, urls.sitemap())}\n`;
      const [sitemapFile, robotsFile] = files();
      const result = [
        { path: sitemapFile!, contents: xml },
        { path: robotsFile!, contents: robots },
      ];
      made.set(routes, { graph, files: result });
      return result;
    },
  };
}
