import { access, constants } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import type { OutputFile } from '../write/atomic.js';
import type { ContentGraph } from '../content/graph.js';
import { pageContext, pageHtml, renderRoute, type Templates } from '../render/render.js';
import type { ReportPdf, Route } from '../routes/routes.js';
import { absoluteUrl, outputFile, urls } from '../routes/urls.js';
import { chromiumPath } from '../browser/chromium.js';
import { PrintBrowser } from './print-browser.js';
import { reproducible } from './reproducible.js';
import { printEdition, type Cover } from './edition.js';
import { contentTypeFor } from '../format/content-types.js';
import type { CacheView } from '../cache/store.js';
import { browserIdentity, digest, printAddress, reusablePrint, type StoredPrint } from './print-cache.js';

/*
 * The annual report's print edition: each report page, as the print stylesheet lays it out,
 * with a cover and numbered contents added for print only (edition.ts), printed to a tagged PDF
 * (title and language from the page, bookmarks from its headings) by headless Chromium, and
 * written beside the page as verksamhetsberattelse-<year>.pdf.
 *
 * The report page links the PDF with its size, which is known only once the PDF exists, and the
 * PDF is printed from the page. So: the site is built in memory as usual (its report pages
 * without the link, which print hides anyway), Chromium prints each report page from that
 * in-memory site, loaded at its published address so that the PDF's links lead to the published
 * site, and then only the report pages are rendered again, now with the PDF's URL and size in
 * their route, through the same template, base path and serialiser as every page.
 * Nothing has been written yet: pages and PDFs go to disk together in the build's one atomic
 * swap.
 */

export const defaultChromiumPath = chromiumPath;

export interface PdfResult {
  files: OutputFile[];
  routes: Route[];
  /** The PDFs written, for the command line's summary; `reused` when taken from the cache, not printed. */
  pdfs: { path: string; bytes: number; reused: boolean }[];
  /** One line each, for the command line to print: why no PDF was made. */
  notices: string[];
}


/**
 * Lets Chromium load the in-memory site at the address it is published at, without a server:
 * every request under the base URL is answered from the built files, every other one fails.
 * So the links Chromium writes into the PDF are the published site's, and no port or temporary
 * address can make two prints of the same content differ. `asked` hears every path under the
 * base URL the browser asked for, answered or not: what a print depends on (print-cache.ts).
 */
async function servePublished(context: BrowserContext, byPath: ReadonlyMap<string, string | Uint8Array>, baseUrl: string, asked: (path: string) => void): Promise<void> {
  await context.route('**/*', async (request) => {
    const url = new URL(request.request().url());
    url.hash = '';
    url.search = '';
    if (!url.href.startsWith(baseUrl)) return request.abort('blockedbyclient');
    const relative = decodedPath(url.href.slice(baseUrl.length));
    const file = relative === undefined ? undefined : relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    if (file !== undefined) asked(file);
    const body = file === undefined ? undefined : byPath.get(file);
    if (body === undefined) return request.fulfill({ status: 404, body: '' });
    return request.fulfill({
      status: 200,
      contentType: contentTypeFor(file!),
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
  });
}

/** A URL path as a file name; a malformed %-escape names no file. */
function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * Prints every report page of a built site to PDF and renders those pages again with a link to
 * their PDF. A print the cache holds is used instead when nothing it was printed from changed
 * (print-cache.ts). Chromium is `printer`'s, which the caller may have started early and closes;
 * without one, Chromium starts only when some report must be printed and is closed here. Without
 * Chromium (or when it fails) the site comes back unchanged, with a notice.
 */
export async function addReportPdfs(
  site: { graph: ContentGraph; routes: Route[]; files: OutputFile[] },
  /** The templates the site was rendered with: the report pages are rendered again, with their PDF. */
  templates: Templates,
  chromiumPath = defaultChromiumPath,
  /** Prints of earlier builds; this build's prints are added to it. */
  cache?: CacheView,
  printer?: PrintBrowser,
): Promise<PdfResult> {
  const reports = site.routes.filter((route): route is Extract<Route, { kind: 'report' }> => route.kind === 'report');
  const unchanged: PdfResult = { files: site.files, routes: site.routes, pdfs: [], notices: [] };
  if (reports.length === 0) return unchanged;

  const published = new URL(site.graph.site.baseUrl);
  if (!published.pathname.endsWith('/')) published.pathname += '/';
  const baseUrl = published.href;
  const byPath = new Map(site.files.map((file) => [file.path, file.contents]));
  const digests = new Map<string, string>();
  const current = (path: string) => {
    let hash = digests.get(path);
    if (hash === undefined) {
      const contents = byPath.get(path);
      digests.set(path, (hash = contents === undefined ? '' : digest(contents)));
    }
    return hash;
  };
  const browserId = cache ? await browserIdentity(chromiumPath) : '';
  const printed = new Map<string, { route: Extract<Route, { kind: 'report' }>; pdf: ReportPdf; contents: Uint8Array; reused: boolean }>();
  const toPrint: { route: Extract<Route, { kind: 'report' }>; cover: Cover; address?: string }[] = [];
  for (const route of reports) {
    const cover: Cover = { organisation: site.graph.site.organisation, year: route.report.year };
    const address = cache && printAddress(cache, { browser: browserId, baseUrl, path: route.path, cover, published: route.report.published });
    const stored = cache && address ? reusablePrint(cache, address, current) : undefined;
    if (stored) printed.set(route.path, { route, pdf: { url: urls.reportPdf(route.report), bytes: stored.byteLength }, contents: stored, reused: true });
    else toPrint.push({ route, cover, address });
  }

  if (toPrint.length > 0) {
    try {
      await access(chromiumPath, constants.X_OK);
    } catch {
      return {
        ...unchanged,
        notices: [
          `verksam: ingen PDF av verksamhetsberättelsen: Chromium finns inte (${chromiumPath}). Installera det med apt-get install chromium, eller bygg med --no-pdf.`,
        ],
      };
    }
    const own = printer ? undefined : new PrintBrowser(chromiumPath);
    try {
      const browser = await (printer ?? own)!.browser();
      const context = await browser.newContext();
      try {
        // every file asked for in this browser so far: a later page may take one from the
        // browser's memory without asking, so each print depends on all of them
        const asked = new Set<string>();
        await servePublished(context, byPath, baseUrl, (path) => asked.add(path));
        const page = await context.newPage();
        for (const { route, cover, address } of toPrint) {
          const response = await page.goto(absoluteUrl(baseUrl, route.path), { waitUntil: 'load' });
          if (!response?.ok()) throw new Error(`${route.path} answered ${response?.status() ?? 'nothing'}`);
          await page.emulateMedia({ media: 'print' });
          const contents = await printEdition(page, cover, async () =>
            page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
          );
          const url = urls.reportPdf(route.report);
          const fixed = reproducible(new Uint8Array(contents), route.report.published);
          printed.set(route.path, { route, pdf: { url, bytes: fixed.byteLength }, contents: fixed, reused: false });
          if (cache && address) {
            cache.put(address, { loaded: [...asked].map((path) => [path, current(path)]), pdf: Buffer.from(fixed).toString('base64') } satisfies StoredPrint);
          }
        }
      } finally {
        await (own ? own.close() : context.close());
      }
    } catch (error) {
      await own?.close();
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { ...unchanged, notices: [`verksam: ingen PDF av verksamhetsberättelsen: Chromium kunde inte skriva ut sidan (${reason}).`] };
    }
  }

  const routes = site.routes.map((route) => {
    const done = printed.get(route.path);
    return done ? { ...done.route, pdf: done.pdf } : route;
  });
  const replaced = new Map<string, string>();
  for (const route of routes) if (route.kind === 'report' && route.pdf) replaced.set(outputFile(route.path), pageHtml(renderRoute(route, pageContext(site.graph, route), templates), site.graph.site.baseUrl));
  const files: OutputFile[] = site.files.map((file) => (replaced.has(file.path) ? { path: file.path, contents: replaced.get(file.path)! } : file));
  // in the order of the reports, whichever were printed now
  const pdfs = reports.map((route) => printed.get(route.path)!).map(({ pdf, contents, reused }) => ({ path: outputFile(pdf.url), contents, reused }));
  for (const pdf of pdfs) {
    if (files.some((file) => file.path === pdf.path)) throw new Error(`the PDF ${pdf.path} would overwrite a file of the site`);
    files.push(pdf);
  }
  return { files, routes, pdfs: pdfs.map((pdf) => ({ path: pdf.path, bytes: pdf.contents.byteLength, reused: pdf.reused })), notices: [] };
}
