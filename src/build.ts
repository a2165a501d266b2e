import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import type { VFileMessage } from 'vfile-message';
import { defaults, type BuildOptions } from './config.js';
import { classify, parseEntry, slugOf, type Entry, type RawReference } from './content/entries.js';
import { buildGraph, type ContentGraph } from './content/graph.js';
import { loadContent } from './content/load.js';
import { ContentError, gate, problem } from './content/problems.js';
import { applyBasePath } from './render/base-path.js';
import { checkLinks } from './render/links.js';
import { renderRoute } from './render/render.js';
import { checkOutputPaths } from './routes/collisions.js';
import { deriveRoutes, type Route } from './routes/routes.js';
import { outputFile, urls } from './routes/urls.js';
import { checkOutputDir, writeSiteAtomically, type OutputFile } from './write/atomic.js';

const stylesheetPath = fileURLToPath(new URL('../templates/style.css', import.meta.url));

export interface SiteBuild {
  graph: ContentGraph;
  routes: Route[];
  files: OutputFile[];
}

/** Validates content: every file's own problems, then references between files. */
export async function loadSite(options: Partial<BuildOptions> = {}): Promise<ContentGraph> {
  const { contentDir, cwd, baseUrl } = { ...defaults, ...options };
  const files = await loadContent(contentDir, cwd);
  const entries: Entry[] = [];
  const fileMessages: VFileMessage[] = [];
  const failed = { site: new Set<string>(), area: new Set<string>(), project: new Set<string>(), news: new Set<string>() };
  const unvalidated: RawReference[] = [];
  for (const file of files) {
    const { entry, messages, references } = parseEntry(file);
    fileMessages.push(...messages);
    unvalidated.push(...(references ?? []));
    if (entry) entries.push(entry);
    const kind = classify(file.contentPath)?.kind;
    if (!entry && kind && kind in failed) failed[kind as keyof typeof failed].add(slugOf(file.contentPath));
  }
  // References are checked among the valid files even when some failed, so an editor sees
  // every problem of the content in one list; references to failed files are not repeated.
  const { graph, messages } = buildGraph(entries, failed, unvalidated);
  gate('content', [...fileMessages, ...messages]);
  if (!graph) throw new Error('graph stage returned no graph and no messages');
  return baseUrl ? Object.freeze({ ...graph, site: Object.freeze({ ...graph.site, baseUrl: normaliseBaseUrl(baseUrl) }) }) : graph;
}

/**
 * load → validate → graph → routes → render → check links → serialise. Returns the finished
 * site in memory; nothing is written. Throws ContentError with every problem of the first
 * stage that had any.
 */
export async function buildSite(options: Partial<BuildOptions> = {}): Promise<SiteBuild> {
  const graph = await loadSite(options);
  const routes = deriveRoutes(graph);
  gate('routes', checkOutputPaths(routes));

  const pages = routes.map((route) => renderRoute(route, graph));
  const assets = new Set([urls.stylesheet()]);
  gate('links', checkLinks(pages, assets));

  const basePath = new URL(graph.site.baseUrl).pathname;
  const files: OutputFile[] = pages.map((page) => {
    applyBasePath(page.tree, basePath);
    return { path: outputFile(page.path), contents: toHtml(page.tree) + '\n' };
  });
  files.push({ path: outputFile(urls.stylesheet()), contents: await readFile(stylesheetPath, 'utf8') });
  return { graph, routes, files };
}

export interface BuildResult extends SiteBuild {
  outDir: string;
  milliseconds: number;
}

/** Builds and replaces the output folder as a whole, or changes nothing. */
export async function build(options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const started = performance.now();
  const resolved = { ...defaults, ...options };
  const unsafe = checkOutputDir(resolved.outDir, resolved.contentDir);
  if (unsafe) throw new ContentError('options', [problem(resolved.outDir, 'unsafe-output-path', unsafe)]);
  const site = await buildSite(resolved);
  await writeSiteAtomically(resolved.outDir, site.files);
  return { ...site, outDir: resolved.outDir, milliseconds: performance.now() - started };
}

/** "https://x.se/repo" → "https://x.se/repo/": a base URL always ends with a slash. */
export function normaliseBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`base URL must be http(s): ${baseUrl}`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}
