import { readFile } from 'node:fs/promises';
import { templates } from '../../templates/index.js';
import type { VFileMessage } from 'vfile-message';
import { SessionCache } from '../cache/session-cache.js';
import type { CacheView } from '../cache/store.js';
import { assemble } from '../content/assemble.js';
import type { EntryBodies } from '../content/bodies.js';
import { withBaseUrl, type ContentGraph } from '../content/graph.js';
import { todayInSweden } from '../format/dates.js';
import { sortMessages } from '../content/problems.js';
import { siteWarnings } from '../content/warnings.js';
import { createExtras, type Extra, type ExtraContext, type ExtraFile } from '../extras/index.js';
import type { ImageVariants } from '../extras/images.js';
import { isIndexed, SearchIndexer, type SearchMemory } from '../extras/search.js';
import { ImageInspector } from '../images/inspect.js';
import { LinkChecker } from '../render/links.js';
import { checkOutputPaths, checkPageAddresses } from '../routes/collisions.js';
import { inspectAttachments } from '../content/attachment-files.js';
import { PageKeys } from '../routes/page-key.js';
import { deriveRoutes, type Route } from '../routes/routes.js';
import { outputFile, urls } from '../routes/urls.js';
import { stopwatch } from '../timings.js';
import { ownPath } from '../installation.js';
import type { ProgressListener } from '../progress/progress-line.js';
import { ContentFiles } from './content-files.js';
import { renderPages, type RenderedPage } from './render-pages.js';
import { textOnlyEdit } from './text-edit.js';

export const stylesheetPath = ownPath('templates/style.css');

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
  /** Image variants to share with other sessions (see extras/images.ts); by default the session's own. */
  imageVariants?: ImageVariants;
  /** Told each stage as it starts and how far it is (a build's progress line; see progress/progress-line.ts). */
  onProgress?: ProgressListener;
}

/** What one update did. */
export interface UpdateResult {
  /** Every problem of the current content; when there are any, the output is the last good one. */
  messages: VFileMessage[];
  /** What the content leaves to see to without stopping the build (content/warnings.ts); with problems, those the parsed files tell. */
  warnings: VFileMessage[];
  /** The graph of the current content, when it is valid. */
  graph?: ContentGraph;
  routes?: Route[];
  /** Output files (relative to the output folder) written or changed by this update. */
  changed: string[];
  /** Output files that no longer exist. */
  removed: string[];
  /** Pages rendered in this update (the rest were kept or came from the disk cache). */
  rendered: number;
  /** Whether the search index was made anew or taken as it was; absent when there is none. */
  search?: 'made' | 'reused';
}

/** The graph and routes of good content, with the text the graph's objects read. */
interface Site {
  graph: ContentGraph;
  routes: Route[];
  bodies: EntryBodies;
}

const sameContents = (a: string | Uint8Array | undefined, b: string | Uint8Array) =>
  a === b || (typeof a === 'string' || typeof b === 'string' ? a === b : a !== undefined && Buffer.compare(a, b) === 0);

/**
 * A build that can be updated. `verksam build` runs one update over everything; `verksam dev`
 * keeps a session and updates it on every save. `update` is the pipeline, stage by stage:
 * load and validate → graph → routes → render → link check → extras → output. What makes an
 * update cheap lives beside it: the parsed files (content-files.ts), the last good site and its
 * pages (a page is rendered again only when its key changed, render-pages.ts) and the disk
 * cache (cache/session-cache.ts). Writing the output is the caller's (build.ts, the preview).
 */
export class BuildSession {
  private readonly files: ContentFiles;
  private readonly cache: SessionCache;
  /** Image files are bytes, not text: inspected apart from parsing, each once per change. */
  private readonly images = new ImageInspector();
  private readonly extras: Extra[];
  private readonly searchMemory: SearchMemory = {};
  private readonly links = new LinkChecker();
  /** The last good update's site, pages and output. */
  private last?: Site;
  private pages = new Map<string, RenderedPage>();
  /** The site `pages` were made from: an update that threw after its graph was built leaves older pages. */
  private pagesOf?: Site;
  private output = new Map<string, string | Uint8Array>();
  /** The pages and the extras' files in the output (`pages` is emptied when the templates change; these are not). */
  private shown = new Map<string, RenderedPage>();
  private extraFiles = new Set<string>();
  private updates = 0;

  constructor(readonly options: SessionOptions) {
    this.files = new ContentFiles(options.contentDir, options.cwd);
    this.extras = createExtras({ imageVariants: options.imageVariants });
    this.cache = new SessionCache({
      contentDir: options.contentDir,
      cwd: options.cwd,
      cacheDir: options.cacheDir,
      readOnly: options.cacheReadOnly,
      variant: [options.mode ?? 'build', String(options.drafts), options.baseUrl ?? ''],
    });
  }

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
    const mode = this.options.mode ?? 'build';
    const progress = this.options.onProgress;
    progress?.('read');
    this.cache.begin(this.updates++ === 0 && changed === undefined);

    // load and validate: the files whose text changed are parsed
    const touched = await this.files.read(changed, await this.cache.view('entries'));
    await this.cache.release('entries');
    this.cache.filledBy(['entries']);
    const { stats } = this.files;
    progress?.('read', this.files.size);
    lap(`read ${this.files.size} files, parse ${stats.parsed} (${stats.inWorker} in a worker, ${stats.cached} from the cache)`);

    // graph and routes
    const before = this.last;
    const site = await this.site(touched);
    if (!('graph' in site)) return this.failure(site.messages);
    // the last graph and routes, with new text at most: only the pages that show a touched file can change
    const textEdited = site === before && this.pagesOf === before ? new Set([...touched].flatMap((path) => this.files.get(path)?.path ?? [])) : undefined;
    const { graph, routes } = site;
    this.last = site;
    lap('graph and routes');

    // render: a page whose key is unchanged is kept; the search index is fed as the pages come
    const search = mode === 'build' && this.options.search !== false ? new SearchIndexer(await this.cache.view('search'), this.searchMemory) : undefined;
    if (stats.parsed > 0) search?.start();
    try {
      const hashes = this.files.hashes();
      // a text's key is its file's text and the images it shows, which change apart from it
      const textKey = (file: string) => {
        const hash = hashes.get(file);
        return hash === undefined ? undefined : `${hash}${site.bodies.imageStamp(file)}`;
      };
      let indexed = 0;
      let done = 0;
      progress?.('render', 0, routes.length);
      const { pages, rendered } = await renderPages({
        routes,
        graph,
        templates,
        keys: new PageKeys(textKey),
        previous: this.pages,
        textEdited,
        cache: await this.cache.view('pages'),
        onPage: (route, page, fresh) => {
          progress?.('render', ++done, routes.length);
          if (!search || !isIndexed(route.kind)) return;
          search.add(route.path, page.html, fresh);
          // now and then, let the pages reach the search index (another process) while the next ones are made
          if (++indexed % 32 === 0) return search.caughtUp();
        },
      });
      await this.cache.release('pages');
      lap(`render ${rendered} of ${routes.length} pages`);

      // link check, before the slow extras: against the pages and the files the extras will make
      const context: ExtraContext = { graph, routes, mode, search, emails: await this.cache.view('emails'), feeds: await this.cache.view('feeds'), textKey };
      const stylesheet: ExtraFile = { path: outputFile(urls.stylesheet()), contents: await readFile(this.options.stylesheet ?? stylesheetPath, 'utf8') };
      const planned = [stylesheet.path, ...this.extras.flatMap((extra) => extra.paths(context))];
      const broken = this.links.check(pages, new Set(planned.map((path) => `/${path}`)));
      if (broken.length > 0) return this.failure(broken, graph);
      lap('link check');

      // extras
      const added: ExtraFile[] = [stylesheet];
      for (const extra of this.extras) {
        progress?.(extra.name === 'search' ? 'search' : 'extras');
        added.push(...(await extra.make(context)));
        lap(extra.describe?.() ?? extra.name);
      }
      const made = new Set(added.map((file) => file.path));
      const missing = planned.filter((path) => !made.has(path));
      if (missing.length > 0) throw new Error(`extras promised files they did not make: ${missing.join(', ')}`);

      // output: the update is good and becomes the current one
      this.cache.filledBy(['pages', 'search', 'emails', 'feeds']);
      const warnings = this.knownWarnings(graph);
      const searchIndex = search?.reused === undefined ? undefined : search.reused ? 'reused' : 'made';
      const output = this.replaceOutput(pages, added);
      this.pagesOf = site;
      return { messages: [], warnings: sortMessages(warnings), graph, routes, rendered, search: searchIndex, ...output };
    } finally {
      await search?.dispose();
    }
  }

  /** Forgets every rendered page, e.g. after the templates changed. */
  invalidatePages(): void {
    this.last = undefined;
    this.pages.clear();
  }

  /**
   * The disk cache's prints of the report (pdf/print-cache.ts), for the build to use after the
   * first, full update; `printed` says the build made every print it needed, so the pack is saved.
   */
  async printCache(): Promise<{ view: CacheView; printed: () => void } | undefined> {
    const view = await this.cache.view('prints');
    return view && { view, printed: () => this.cache.filledBy(['prints']) };
  }

  /** Whether the disk cache holds prints of the report from an earlier build (which may still fit). */
  hasStoredPrints(): boolean {
    return this.cache.stored('prints');
  }

  /** Writes what the first, full update read and made to the disk cache, for the next run. */
  persist(): Promise<void> {
    return this.cache.persist();
  }

  /**
   * The graph and routes of the content as read: the last ones when nothing changed or only text
   * did (the new text is swapped in, see content/bodies.ts), else built anew; or the problems.
   */
  private async site(touched: ReadonlySet<string>): Promise<Site | { messages: VFileMessage[] }> {
    if (this.last && touched.size === 0) return this.last;
    const text = this.last ? textOnlyEdit(touched, this.files) : undefined;
    if (this.last && text) {
      for (const entry of text) this.last.bodies.set(entry);
      return this.last;
    }
    const { contentDir, cwd, drafts, baseUrl } = this.options;
    const paths = [...this.files.all()].map(([path]) => path);
    const images = await this.images.inspect(contentDir, cwd, paths);
    const attachments = inspectAttachments(contentDir, cwd, paths);
    const built = assemble(
      [...this.files.all()].map(([contentPath, { result }]) => ({ contentPath, result })),
      { drafts, today: this.options.today ?? todayInSweden(), images, attachments },
    );
    if (!built.graph || !built.bodies) return { messages: built.messages };
    const graph = baseUrl ? withBaseUrl(built.graph, baseUrl) : built.graph;
    const routes = deriveRoutes(graph);
    const pageAddresses = checkPageAddresses(routes, graph.site.report.path);
    const collisions = [...pageAddresses.messages, ...checkOutputPaths(routes.filter((route) => !pageAddresses.colliding.has(route.path)))];
    if (collisions.length > 0) return { messages: collisions };
    return { graph, routes, bodies: built.bodies };
  }

  /**
   * Makes `pages` and `added` the output; says which output files changed and which went. The
   * output is changed in place: a page kept from the last update is in it already, so an edit
   * costs the pages it made, not a new map of every page.
   */
  private replaceOutput(pages: Map<string, RenderedPage>, added: readonly ExtraFile[]): { changed: string[]; removed: string[] } {
    const changed: string[] = [];
    // what the last output held that this one may not: the files of pages that went, and the extras'
    const stale = new Set(this.extraFiles);
    for (const [path, page] of this.shown) if (!pages.has(path)) stale.add(page.file);
    for (const [path, page] of pages) {
      stale.delete(page.file);
      if (this.shown.get(path) === page) continue;
      // a page rendered anew may still have the bytes the last output had
      if (!sameContents(this.output.get(page.file), page.html)) changed.push(page.file);
      this.output.set(page.file, page.html);
    }
    for (const file of added) {
      if (this.output.has(file.path) && !stale.has(file.path) && !this.extraFiles.has(file.path)) throw new Error(`an extra wrote ${file.path}, which is a page`);
      stale.delete(file.path);
      if (!sameContents(this.output.get(file.path), file.contents)) changed.push(file.path);
      this.output.set(file.path, file.contents);
    }
    for (const file of stale) this.output.delete(file);
    this.pages = pages;
    this.shown = pages;
    this.extraFiles = new Set(added.map((file) => file.path));
    return { changed, removed: [...stale] };
  }

  private failure(messages: VFileMessage[], graph?: ContentGraph): UpdateResult {
    // after a failure the next update builds the graph anew, whatever it changes
    this.last = undefined;
    return { messages: sortMessages(messages), warnings: sortMessages(this.knownWarnings(graph)), changed: [], removed: [], rendered: 0 };
  }

  /** The warnings of the files as parsed (content/warnings.ts), with the graph when there is one. */
  private knownWarnings(graph?: ContentGraph): VFileMessage[] {
    return siteWarnings([...this.files.all()].map(([contentPath, file]) => ({ contentPath, path: file.path, result: file.result })), graph);
  }
}
