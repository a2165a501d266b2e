import { access, constants } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toHtml } from 'hast-util-to-html';
import type { OutputFile } from '../write/atomic.js';
import type { ContentGraph } from '../content/graph.js';
import { applyBasePath } from '../render/base-path.js';
import { pageContext, renderRoute } from '../render/render.js';
import type { ReportPdf, Route } from '../routes/routes.js';
import { outputFile, urls } from '../routes/urls.js';
import { chromiumArgs, chromiumPath } from '../browser/chromium.js';

/*
 * The annual report's print edition: each report page, as the print stylesheet lays it out,
 * printed to a tagged PDF (title and language from the page) by headless Chromium, and written
 * beside the page as verksamhetsberattelse-<year>.pdf.
 *
 * The report page links the PDF with its size, which is known only once the PDF exists, and the
 * PDF is printed from the page. So: the site is built in memory as usual (its report pages
 * without the link, which print hides anyway), Chromium prints each report page from that
 * in-memory site, and then only the report pages are rendered again, now with the PDF's URL
 * and size in their route, through the same template, base path and serialiser as every page.
 * Nothing has been written yet: pages and PDFs go to disk together in the build's one atomic
 * swap.
 */

export const defaultChromiumPath = chromiumPath;
const launchArgs = [...chromiumArgs];

/** Page numbers at the foot of every printed page. */
const footerTemplate =
  '<div style="width:100%;font-size:8pt;font-family:system-ui,sans-serif;text-align:center;color:#4a5560">' +
  'Sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>';

export interface PdfResult {
  files: OutputFile[];
  routes: Route[];
  /** The PDFs written, for the command line's summary. */
  pdfs: { path: string; bytes: number }[];
  /** One line each, for the command line to print: why no PDF was made. */
  notices: string[];
}

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** Serves the in-memory site on 127.0.0.1 under its base path, for Chromium to print from. */
async function serve(files: readonly OutputFile[], basePath: string): Promise<{ server: Server; origin: string }> {
  const byPath = new Map(files.map((file) => [file.path, file.contents]));
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const relative = path.startsWith(basePath) ? path.slice(basePath.length) : undefined;
    const file = relative === undefined ? undefined : relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    const body = file === undefined ? undefined : byPath.get(file);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[file!.split('.').pop() ?? ''] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Chromium stamps the PDF with the time it was printed. The same content should give the same
 * bytes, so the stamps become the report's publication date: same length, so every offset in the
 * file stays right.
 */
export function fixDates(pdf: Uint8Array, published: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const digits = `${published.replace(/-/g, '')}000000`;
  const fixed = text.replace(/(\/(?:CreationDate|ModDate) \(D:)\d{14}/g, (_match, start: string) => `${start}${digits}`);
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/** Renders a route to the HTML the session would write for it. */
function renderPage(route: Route, graph: ContentGraph): string {
  const tree = renderRoute(route, pageContext(graph, route));
  return `${toHtml(applyBasePath(tree, new URL(graph.site.baseUrl).pathname))}\n`;
}

/**
 * Prints every report page of a built site to PDF and renders those pages again with a link to
 * their PDF. Without Chromium (or when it fails) the site comes back unchanged, with a notice.
 */
export async function addReportPdfs(
  site: { graph: ContentGraph; routes: Route[]; files: OutputFile[] },
  chromiumPath = defaultChromiumPath,
): Promise<PdfResult> {
  const reports = site.routes.filter((route): route is Extract<Route, { kind: 'report' }> => route.kind === 'report');
  const unchanged: PdfResult = { files: site.files, routes: site.routes, pdfs: [], notices: [] };
  if (reports.length === 0) return unchanged;
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

  const basePath = new URL(site.graph.site.baseUrl).pathname;
  const { server, origin } = await serve(site.files, basePath);
  const printed = new Map<string, { route: Extract<Route, { kind: 'report' }>; pdf: ReportPdf; contents: Uint8Array }>();
  try {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const route of reports) {
        const response = await page.goto(`${origin}${basePath}${route.path.replace(/^\//, '')}`, { waitUntil: 'load' });
        if (!response?.ok()) throw new Error(`${route.path} answered ${response?.status() ?? 'nothing'}`);
        await page.emulateMedia({ media: 'print' });
        const contents = await page.pdf({
          format: 'A4',
          preferCSSPageSize: true,
          printBackground: true,
          tagged: true,
          outline: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate,
        });
        const url = urls.reportPdf(route.report);
        const fixed = fixDates(new Uint8Array(contents), route.report.published);
        printed.set(route.path, { route, pdf: { url, bytes: fixed.byteLength }, contents: fixed });
      }
    } finally {
      await browser.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ...unchanged, notices: [`verksam: ingen PDF av verksamhetsberättelsen: Chromium kunde inte skriva ut sidan (${reason}).`] };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  const routes = site.routes.map((route) => {
    const done = printed.get(route.path);
    return done ? { ...done.route, pdf: done.pdf } : route;
  });
  const replaced = new Map<string, string>();
  for (const route of routes) if (route.kind === 'report' && route.pdf) replaced.set(outputFile(route.path), renderPage(route, site.graph));
  const files: OutputFile[] = site.files.map((file) => (replaced.has(file.path) ? { path: file.path, contents: replaced.get(file.path)! } : file));
  const pdfs = [...printed.values()].map(({ pdf, contents }) => ({ path: outputFile(pdf.url), contents }));
  for (const pdf of pdfs) {
    if (files.some((file) => file.path === pdf.path)) throw new Error(`the PDF ${pdf.path} would overwrite a file of the site`);
    files.push(pdf);
  }
  return { files, routes, pdfs: pdfs.map((pdf) => ({ path: pdf.path, bytes: pdf.contents.byteLength })), notices: [] };
}
