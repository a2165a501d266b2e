import { join, relative, resolve, sep } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { templates } from '../templates/index.js';
import { defaults, type BuildOptions } from './config.js';
import { assemble } from './content/assemble.js';
import { withBaseUrl, type ContentGraph } from './content/graph.js';
import { todayInSweden } from './format/dates.js';
import { loadContent } from './content/load.js';
import { ContentError, gate, problem, sortMessages } from './content/problems.js';
import { contentWarnings } from './content/warnings.js';
import { attachmentWarnings } from './content/attachments.js';
import { ImageInspector } from './images/inspect.js';
import { inspectAttachments } from './content/attachment-files.js';
import { addReportPdfs } from './pdf/report-pdf.js';
import { PrintBrowser } from './pdf/print-browser.js';
import { existsSync } from 'node:fs';
import type { Route } from './routes/routes.js';
import { BuildSession } from './session/session.js';
import { stopwatch } from './timings.js';
import { checkOutputDir, writeSiteAtomically, type OutputFile } from './write/atomic.js';
import { OutputManifest } from './write/manifest.js';
import { withSiteDigest } from './write/site-digest.js';

export interface SiteBuild {
  graph: ContentGraph;
  routes: Route[];
  files: OutputFile[];
  /** What the content leaves to see to without stopping the build (content/warnings.ts). */
  warnings: VFileMessage[];
}

/** Validates content without rendering: every file's own problems and the references between them. */
export async function loadSite(options: Partial<BuildOptions> = {}): Promise<ContentGraph> {
  const { contentDir, cwd, baseUrl, drafts, today } = { ...defaults, ...options };
  // loadSite parses every file; `verksam build` takes what it can from the cache and loads the parser only when it must
  const { parseEntry } = await import('./content/entries.js');
  const files = await loadContent(contentDir, cwd);
  const images = await new ImageInspector().inspect(
    contentDir,
    cwd,
    files.map((file) => file.contentPath),
  );
  const attachments = inspectAttachments(
    contentDir,
    cwd,
    files.map((file) => file.contentPath),
  );
  const { graph, messages } = assemble(
    files.map((file) => ({ contentPath: file.contentPath, result: parseEntry(file) })),
    { drafts, today: today ?? todayInSweden(), images, attachments },
  );
  gate('content', messages);
  if (!graph) throw new Error('content stage returned no graph and no messages');
  return baseUrl ? withBaseUrl(graph, baseUrl) : graph;
}

/**
 * load → validate → graph → routes → render → check links → serialise, in memory: nothing is
 * written. Throws ContentError with every problem found.
 */
export async function buildSite(options: Partial<BuildOptions> = {}): Promise<SiteBuild> {
  const resolved = { ...defaults, ...options };
  return (await buildWith(resolved, new BuildSession(resolved))).site;
}

/**
 * Builds the site with `session`; `more` may add to it while the session's disk cache is still
 * open (the print editions keep theirs there too). The cache is written even when the content
 * has problems: the valid files need not be parsed again.
 */
async function buildWith<T = undefined>(
  resolved: BuildOptions,
  session: BuildSession,
  more?: (site: SiteBuild) => Promise<T>,
): Promise<{ site: SiteBuild; added?: T; search?: 'made' | 'reused' }> {
  const result = await session.update();
  const siteFile = relative(resolved.cwd, resolve(resolved.contentDir, 'site.yaml')).split(sep).join('/');
  const site =
    result.graph && result.routes
      ? {
          graph: result.graph,
          routes: result.routes,
          files: [...session.outputFiles].map(([path, contents]) => ({ path, contents })),
          warnings: sortMessages([
            ...result.warnings,
            ...contentWarnings(result.graph, resolved.today ?? todayInSweden(), siteFile),
            ...attachmentWarnings(result.graph.attachments),
          ]),
        }
      : undefined;
  let added: T | undefined;
  try {
    added = site && result.messages.length === 0 && more ? await more(site) : undefined;
  } finally {
    await session.persist();
  }
  gate('content', result.messages, result.warnings);
  if (!site) throw new Error('build returned no site and no messages');
  return { site, added, search: result.search };
}

export interface BuildResult extends SiteBuild {
  outDir: string;
  milliseconds: number;
  /** The annual reports' PDFs written, relative to the output folder; `reused` when not printed anew (see pdf/print-cache.ts). */
  pdfs: { path: string; bytes: number; reused: boolean }[];
  /** Lines for the command line to print: why something optional (a PDF) was not made. */
  notices: string[];
  /** Whether the search index was made anew or reused; absent without one. */
  search?: 'made' | 'reused';
  /** Pages (.html files) left as the last build wrote them; absent when that is not known (no cache). */
  unchangedPages?: number;
}

/** Builds and replaces the output folder as a whole, or changes nothing. */
export async function build(options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const started = performance.now();
  const resolved = { ...defaults, ...options };
  const unsafe = checkOutputDir(resolved.outDir, resolved.contentDir);
  if (unsafe) throw new ContentError('options', [problem(resolved.outDir, 'unsafe-output-path', unsafe)]);
  const session = new BuildSession(resolved);
  const printer = resolved.pdf ? new PrintBrowser(resolved.chromiumPath) : undefined;
  try {
    // a report with no print in the cache will be printed: Chromium starts meanwhile
    if (printer && existsSync(join(resolved.contentDir, 'verksamhetsberattelse')) && !session.hasStoredPrints()) printer.start();
    return await buildAndWrite(resolved, session, printer, started);
  } finally {
    await printer?.close();
  }
}

async function buildAndWrite(resolved: BuildOptions, session: BuildSession, printer: PrintBrowser | undefined, started: number): Promise<BuildResult> {
  // The print editions are made from the built site before anything is written (see pdf/report-pdf.ts).
  const { site: built, added: printed, search } = await buildWith(resolved, session, async (site) => {
    if (!printer) return undefined;
    resolved.onProgress?.('pdf');
    const lap = stopwatch();
    const cache = await session.printCache();
    const result = await addReportPdfs(site, templates, resolved.chromiumPath, cache?.view, printer);
    if (result.notices.length === 0) cache?.printed();
    const reused = result.pdfs.filter((pdf) => pdf.reused).length;
    lap(`print editions (${reused} from the cache, ${result.pdfs.length - reused} printed)`);
    return result;
  });
  const withPdfs = printed ?? { ...built, pdfs: [], notices: [] };
  // the published site's digest, which the Pages workflow compares with the live site's (see write/site-digest.ts)
  const site: SiteBuild = { graph: built.graph, routes: withPdfs.routes, files: withSiteDigest(withPdfs.files), warnings: built.warnings };
  const lap = stopwatch();
  // which files the last build wrote there, so unchanged ones are linked instead of written (see write/manifest.ts)
  const manifest = resolved.cacheDir && !resolved.cacheReadOnly ? join(resolve(resolved.cwd, resolved.cacheDir), 'output', `${OutputManifest.hash(resolve(resolved.outDir))}.json`) : undefined;
  resolved.onProgress?.('write');
  // Chromium is done: it closes while the output is written
  const closing = printer?.close();
  const { linked } = await writeSiteAtomically(resolved.outDir, site.files, { manifest, replaceOut: resolved.replaceOut });
  await closing;
  lap(`write ${site.files.length} files`);
  const unchangedPages = linked?.filter((path) => path.endsWith('.html')).length;
  return { ...site, outDir: resolved.outDir, milliseconds: performance.now() - started, pdfs: withPdfs.pdfs, notices: withPdfs.notices, search, unchangedPages };
}
