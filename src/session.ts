import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import type { VFileMessage } from 'vfile-message';
import { assemble } from './content/assemble.js';
import { createHash } from 'node:crypto';
import { DiskCache, type CacheView } from './cache/store.js';
import { stopwatch } from './timings.js';
import { pipelineKey } from './cache/pipeline-key.js';
import { EntryBodies } from './content/bodies.js';
import { classify, type Entry, type parseEntry } from './content/entries.js';
import { parseFiles, textHash, type ParseStats } from './content/parse-files.js';
import { todayInSweden, type ContentGraph } from './content/graph.js';
import { loadContent, type SourceFile } from './content/load.js';
import { sortMessages } from './content/problems.js';
import { applyBasePath } from './render/base-path.js';
import { checkLinks, linkInfo, type LinkInfo } from './render/links.js';
import { pageContext, renderRoute } from './render/render.js';
import { checkOutputPaths } from './routes/collisions.js';
import { PageKeys } from './routes/page-key.js';
import { extras, type ExtraFile } from './extras/index.js';
import { isIndexed, SearchIndexer } from './extras/search.js';
import { ImageInspector } from './images/inspect.js';
import { deriveRoutes, type Route } from './routes/routes.js';
import { outputFile, urls } from './routes/urls.js';

export const stylesheetPath = fileURLToPath(new URL('../templates/style.css', import.meta.url));

export interface SessionOptions {
  contentDir: string;
  /** Paths in messages are relative to this folder. */
  cwd: string;
  /** Overrides site.yaml's baseUrl. */
  baseUrl?: string;
  /** Show drafts and future news, marked (the preview). */
  drafts: boolean;
  /** Today, ÅÅÅÅ-MM-DD; news dated later is not published. */
  today?: string;
  /** The site's stylesheet; templates/style.css unless a test points elsewhere. */
  stylesheet?: string;
  /** Which extras run fully: `dev` lets slow ones (search index) step aside. */
  mode?: 'build' | 'dev';
  /**
   * Where parsed files and rendered pages are kept between runs (see cache/store.ts); no
   * cache when absent.
   */
  cacheDir?: string;
  /** Reads the cache but adds nothing to it. */
  cacheReadOnly?: boolean;
  /** `false` leaves the search index out of a build (the preview never makes it). */
  search?: boolean;
}

interface ParsedFile {
  hash: string;
  /** The path messages use (relative to cwd): the same string as the entry's `source.file`. */
  path: string;
  result: ReturnType<typeof parseEntry>;
}

type TextEntry = Exclude<Entry, { kind: 'site' }>;

/** A rendered page as the disk cache keeps it. */
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

interface RenderedPage extends LinkInfo {
  /** The digest of what the page was made from (routes/page-key.ts): a new key means it must be rendered again. */
  key: string;
  /** Output file, relative to the output folder. */
  file: string;
  html: string;
}

/** What one update did. */
export interface UpdateResult {
  /** Every problem of the current content; when there are any, the output is the last good one. */
  messages: VFileMessage[];
  /** The graph of the current content, when it is valid. */
  graph?: ContentGraph;
  routes?: Route[];
  /** Output files (relative to the output folder) written or changed by this update. */
  changed: string[];
  /** Output files that no longer exist. */
  removed: string[];
  /** Pages rendered in this update (the rest came from the session's cache). */
  rendered: number;
}

const sameContents = (a: string | Uint8Array | undefined, b: string | Uint8Array) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a !== undefined && Buffer.compare(a, b) === 0;

/**
 * A build that can be updated: it keeps every parsed file and rendered page, and on a change
 * parses only the changed files and renders only the pages whose inputs changed. `verksam
 * build` runs one update over everything; `verksam dev` keeps a session and updates it on
 * every save. Either way the stages and their order are the same: parse → graph → routes →
 * render → check links → serialise.
 */
export class BuildSession {
  private readonly files = new Map<string, ParsedFile>();
  /** Image files are bytes, not text: inspected apart from parsing, each once per change. */
  private readonly images = new ImageInspector();
  private pages = new Map<string, RenderedPage>();
  private output = new Map<string, string | Uint8Array>();
  /** The graph and routes of the last good update, with the text they read. */
  private last?: { graph: ContentGraph; routes: Route[]; bodies: EntryBodies };
  /** Each changed file's previous parse, from the current update. */
  private replaced = new Map<string, ParsedFile | undefined>();

  constructor(readonly options: SessionOptions) {}

  /** The current good output: file (relative to the output folder) → contents. */
  get outputFiles(): ReadonlyMap<string, string | Uint8Array> {
    return this.output;
  }

  /**
   * Brings the session up to date. `changed` lists content paths (relative to the content
   * folder, or absolute) that changed, appeared or disappeared; without it every file is read.
   */
  async update(changed?: Iterable<string>): Promise<UpdateResult> {
    const lap = stopwatch();
    this.replaced.clear();
    const first = this.updates++ === 0 && changed === undefined;
    // The disk cache serves a session's first, full update; after it, the session itself knows
    // more, and reading a pack of hundreds of MB for one edited file would cost far more than it saves.
    this.useCache = first;
    const touched = changed ? await this.readChanged(changed) : await this.readAll();
    if (first) this.persistable = { pages: false };
    lap(`read ${this.files.size} files, parse ${this.parseStats.parsed} (${this.parseStats.inWorker} in a worker, ${this.parseStats.cached} from the cache)`);
    const stylesheet = await readFile(this.options.stylesheet ?? stylesheetPath, 'utf8');

    // An edit of text alone keeps the graph and its routes: only the text is swapped in (see content/bodies.ts).
    const textOnly = this.textOnlyEdit(touched);
    let graph: ContentGraph;
    let routes: Route[];
    if (this.last && touched.size === 0) {
      // nothing changed (a watcher's second look): everything stays
      ({ graph, routes } = this.last);
    } else if (textOnly && this.last) {
      for (const entry of textOnly) this.last.bodies.set(entry);
      ({ graph, routes } = this.last);
      lap('text swapped into the graph');
    } else {
      const images = await this.images.inspect(this.options.contentDir, this.options.cwd, this.files.keys());
      const built = assemble(
        [...this.files].map(([contentPath, { result }]) => ({ contentPath, result })),
        { drafts: this.options.drafts, today: this.options.today ?? todayInSweden(), images },
      );
      if (!built.graph || !built.bodies) return this.failure(built.messages);
      graph = this.options.baseUrl
        ? Object.freeze({ ...built.graph, site: Object.freeze({ ...built.graph.site, baseUrl: normaliseBaseUrl(this.options.baseUrl) }) })
        : built.graph;
      lap('graph');
      routes = deriveRoutes(graph);
      const collisions = checkOutputPaths(routes);
      if (collisions.length > 0) return this.failure(collisions);
      this.last = { graph, routes, bodies: built.bodies };
    }

    const pages = new Map<string, RenderedPage>();
    const changedOutput: string[] = [];
    const hashes = new Map([...this.files.values()].map((file) => [file.path, file.hash]));
    const keys = new PageKeys((file) => hashes.get(file));
    const cache = this.useCache ? await this.cacheView('pages') : undefined;
    type Step = { route: Route; key: string; reuse?: RenderedPage; address?: string };
    const plan: Step[] = routes.map((route) => {
      const key = keys.key(route, pageContext(graph, route));
      const previous = this.pages.get(route.path);
      if (previous?.key === key) return { route, key, reuse: previous };
      return { route, key, address: cache?.address(['page', route.path, key]) };
    });
    const stored = plan.map(({ address }) => (address && cache ? storedPage(cache.get(address)) : undefined));
    (await this.diskCache())?.release(this.packName('pages'));
    const mode = this.options.mode ?? 'build';
    const search = mode === 'build' && this.options.search !== false ? new SearchIndexer(this.useCache ? await this.cacheView('search') : undefined) : undefined;
    if (this.parseStats.parsed > 0) search?.start();
    let rendered = 0;
    let indexed = 0;
    for (const [index, { route, key, reuse, address }] of plan.entries()) {
      let page = reuse;
      const found = stored[index];
      if (!page && found) page = { key, file: outputFile(route.path), html: found.html, links: found.links, ids: new Set(found.ids) };
      const fresh = !page;
      if (!page) {
        const tree = renderRoute(route, pageContext(graph, route));
        const info = linkInfo(tree, graph.site.baseUrl, route.path);
        page = { key, file: outputFile(route.path), html: `${toHtml(applyBasePath(tree, new URL(graph.site.baseUrl).pathname))}\n`, ...info };
        if (address && cache) cache.put(address, { html: page.html, links: page.links, ids: [...page.ids] } satisfies StoredPage);
        rendered++;
      }
      pages.set(route.path, page);
      if (search && isIndexed(route.kind)) {
        search.add(route.path, page.html, fresh);
        // now and then, let the pages reach the search index (another process) while the next ones are made
        if (++indexed % 32 === 0) await search.caughtUp();
      }
      if (this.pages.get(route.path)?.html !== page.html) changedOutput.push(page.file);
    }
    lap(`render ${rendered} of ${routes.length} pages`);

    const added: ExtraFile[] = [{ path: outputFile(urls.stylesheet()), contents: stylesheet }];
    try {
      for (const extra of extras) {
        added.push(...(await extra({ graph, routes, mode, search })));
        lap(extra.name);
      }
    } finally {
      await search?.dispose();
    }

    const broken = checkLinks(pages, new Set(added.map((file) => `/${file.path}`)));
    if (broken.length > 0) return this.failure(broken);

    // The update is good: it becomes the output.
    const output = new Map<string, string | Uint8Array>();
    for (const page of pages.values()) output.set(page.file, page.html);
    for (const file of added) {
      if (output.has(file.path)) throw new Error(`an extra wrote ${file.path}, which is a page`);
      if (!sameContents(this.output.get(file.path), file.contents)) changedOutput.push(file.path);
      output.set(file.path, file.contents);
    }
    const removed = [...this.output.keys()].filter((file) => !output.has(file));
    this.pages = pages;
    this.output = output;
    if (first && this.persistable) this.persistable.pages = true;
    return { messages: [], graph, routes, changed: changedOutput, removed, rendered };
  }

  /** Forgets every rendered page, e.g. after the templates changed. */
  invalidatePages(): void {
    this.last = undefined;
    this.pages.clear();
  }

  /**
   * When every changed file is a valid entry before and after, and differs only in its text,
   * the new entries; otherwise undefined.
   */
  private textOnlyEdit(touched: ReadonlySet<string>): TextEntry[] | undefined {
    if (!this.last || touched.size === 0) return undefined;
    const entries: TextEntry[] = [];
    for (const path of touched) {
      const before = this.replaced.get(path)?.result;
      const after = this.files.get(path)?.result;
      if (!before?.entry || !after?.entry || before.messages.length > 0 || after.messages.length > 0) return undefined;
      if (before.entry.kind === 'site' || after.entry.kind === 'site') return undefined;
      if (!EntryBodies.sameExceptText(before.entry, after.entry)) return undefined;
      entries.push(after.entry);
    }
    return entries;
  }

  private failure(messages: VFileMessage[]): UpdateResult {
    // after a failure the next update builds the graph anew, whatever it changes
    this.last = undefined;
    return { messages: sortMessages(messages), changed: [], removed: [], rendered: 0 };
  }

  private async readAll(): Promise<Set<string>> {
    const sources = await loadContent(this.options.contentDir, this.options.cwd);
    const seen = new Set(sources.map((source) => source.contentPath));
    const touched = new Set<string>();
    for (const path of this.files.keys()) {
      if (!seen.has(path)) {
        this.files.delete(path);
        touched.add(path);
      }
    }
    for (const path of await this.parse(sources)) touched.add(path);
    return touched;
  }

  private async readChanged(changed: Iterable<string>): Promise<Set<string>> {
    const touched = new Set<string>();
    const sources: SourceFile[] = [];
    const root = resolve(this.options.contentDir);
    for (const path of changed) {
      const absolute = resolve(root, path);
      const contentPath = relative(root, absolute).split(sep).join('/');
      if (contentPath.startsWith('..')) continue;
      let text: string | undefined;
      try {
        text = await readFile(absolute, 'utf8');
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        // a deleted file, or a deleted folder and everything in it
        for (const known of [...this.files.keys()]) {
          if (known === contentPath || known.startsWith(`${contentPath}/`)) {
            this.files.delete(known);
            touched.add(known);
          }
        }
        continue;
      }
      sources.push({ path: this.messagePath(absolute), contentPath, text });
    }
    for (const path of await this.parse(sources)) touched.add(path);
    return touched;
  }

  /** Parses the files whose text changed; returns their content paths. */
  private async parse(sources: readonly SourceFile[]): Promise<string[]> {
    const changed = sources
      .map((source) => ({ source, hash: textHash(source.text) }))
      .filter(({ source, hash }) => this.files.get(source.contentPath)?.hash !== hash);
    const { results, stats } = await parseFiles(
      changed.map(({ source }) => source),
      this.useCache ? await this.cacheView('entries') : undefined,
      changed.map(({ hash }) => hash),
    );
    this.parseStats = stats;
    (await this.diskCache())?.release(this.packName('entries'));
    changed.forEach(({ source, hash }, index) => {
      this.replaced.set(source.contentPath, this.files.get(source.contentPath));
      this.files.set(source.contentPath, { hash, path: source.path, result: results[index]! });
    });
    return changed.map(({ source }) => source.contentPath);
  }

  private cache?: Promise<DiskCache | undefined>;
  private updates = 0;
  private useCache = false;
  private persistable?: { pages: boolean };
  private parseStats: ParseStats = { cached: 0, parsed: 0, inWorker: 0 };

  private diskCache(): Promise<DiskCache | undefined> {
    const { cacheDir } = this.options;
    this.cache ??= cacheDir ? pipelineKey().then((key) => new DiskCache(resolve(this.options.cwd, cacheDir), key, this.options.cacheReadOnly)) : Promise.resolve(undefined);
    return this.cache;
  }

  /**
   * The cache's packs for this content folder: parsed files are the same for a build and the
   * preview; pages (and the search index made of them) differ with the mode, drafts and address.
   */
  private packName(kind: 'entries' | 'pages' | 'search'): string {
    const { contentDir, mode, drafts, baseUrl } = this.options;
    const parts = kind === 'entries' ? [resolve(contentDir)] : [resolve(contentDir), mode ?? 'build', String(drafts), baseUrl ?? ''];
    return `${kind}-${createHash('sha1').update(parts.join('\0')).digest('hex').slice(0, 16)}`;
  }

  private async cacheView(kind: 'entries' | 'pages' | 'search'): Promise<CacheView | undefined> {
    return (await this.diskCache())?.view(this.packName(kind), resolve(this.options.contentDir));
  }

  /**
   * Writes what the first, full update read and made to the cache's packs, for the next run.
   * Later updates (the preview's) add to the session, not to the packs: a pack is what one
   * whole build needs.
   */
  async persist(): Promise<void> {
    const persistable = this.persistable;
    this.persistable = undefined;
    const names = persistable ? [this.packName('entries'), ...(persistable.pages ? [this.packName('pages'), this.packName('search')] : [])] : [];
    (await this.diskCache())?.save(names);
  }

  /** A path as messages show it, the same way load.ts writes it. */
  private messagePath(absolute: string): string {
    return relative(this.options.cwd, absolute).split(sep).join('/') || absolute;
  }
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
