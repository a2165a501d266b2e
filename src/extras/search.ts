import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CacheView } from '../cache/store.js';
import type { RouteKind } from '../routes/routes.js';
import { urls } from '../routes/urls.js';
import { ownPath } from '../installation.js';
import { openIndex, releaseIndex, type PagefindIndex } from './pagefind-service.js';
import type { Extra, ExtraFile } from './extra.js';

/*
 * Search: the Pagefind index of the goals, projects, news and newsletters (the pages whose <main>
 * has data-pagefind-body; see templates/layout.tsx), written to /pagefind/, and the search
 * page's script /sok.js. Pagefind reads <html lang="sv">: Swedish stemming, å/ä/ö folded. The
 * index is the slow part of a build, so the preview (and `build --no-search`) leaves it out;
 * the search page then says that `npm run build` makes it.
 */

export const searchScriptPath = ownPath('templates/browser/search.js');

/** The page kinds in the index. */
export const indexedKinds: readonly RouteKind[] = ['goal', 'project', 'news-item', 'newsletter', 'page'];

/** Pagefind's own UI bundles: the search page has its own script, so these are not published. */
const unused = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;

/** The index a session made last, by the pages it was made of: an unchanged site needs no Pagefind. */
export interface SearchMemory {
  previous?: { key: string; files: ExtraFile[] };
}

/** The search index as the disk cache keeps it. */
interface StoredIndex {
  files: { path: string; base64: string }[];
}

/** Pages handed to Pagefind and not yet indexed, at most. */
const maxInFlight = 64;


/**
 * The Pagefind index of the indexed pages, fed page by page while the build renders them, in
 * the order of the routes. Pagefind runs in a process of its own, so it indexes on the second
 * core while this one renders: a cold build pays for the index only where it outlasts the
 * rendering. Pagefind cannot add to an index, so it starts as soon as one page was rendered
 * afresh; when every page came from the cache, the index usually can too, and Pagefind runs
 * only if it cannot.
 */
export class SearchIndexer {
  private readonly pages: [url: string, html: Uint8Array][] = [];
  private readonly hash = createHash('sha1');
  private index?: Promise<PagefindIndex>;
  private readonly added: Promise<void>[] = [];
  /** After files(): whether the index was taken as it was (memory or disk cache) instead of made. */
  reused?: boolean;

  constructor(
    private readonly cache: CacheView | undefined,
    private readonly memory: SearchMemory,
  ) {}

  /** A page of the index, in route order; `fresh` when it was rendered in this build. */
  add(url: string, html: Uint8Array, fresh: boolean): void {
    this.pages.push([url, html]);
    this.hash.update(url).update('\0').update(html).update('\0');
    if (this.index) this.send(url, html);
    else if (fresh) this.start();
  }

  /** The index's files, once every page is added. */
  async files(): Promise<ExtraFile[]> {
    const key = this.hash.digest('hex');
    this.reused = true;
    if (this.memory.previous?.key === key) return this.settle(this.memory.previous.files);
    const address = this.cache?.address(['search-index', key]);
    const stored = address ? this.cache?.get<StoredIndex>(address) : undefined;
    if (Array.isArray(stored?.files) && stored.files.every((file) => typeof file?.path === 'string' && typeof file.base64 === 'string')) {
      const files = stored.files.map((file) => ({ path: file.path, contents: Buffer.from(file.base64, 'base64') }));
      this.memory.previous = { key, files };
      return this.settle(files);
    }
    this.reused = false;
    if (!this.index) this.start();
    try {
      const index = await this.index!;
      await Promise.all(this.added);
      const written = await index.getFiles();
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      const folder = urls.searchIndex().replace(/^\//, '');
      const files = written.files
        .filter((file) => !unused.test(file.path))
        .map((file) => ({ path: `${folder}${file.path}`, contents: file.content }))
        .sort((a, b) => (a.path < b.path ? -1 : 1));
      this.memory.previous = { key, files };
      if (address) this.cache?.put(address, { files: files.map((file) => ({ path: file.path, base64: Buffer.from(file.contents.buffer, file.contents.byteOffset, file.contents.byteLength).toString('base64') })) } satisfies StoredIndex);
      return files;
    } finally {
      await this.release();
    }
  }

  /**
   * Starts Pagefind before the first page arrives: when the content changed since the cache was
   * made, the index will have to be made again, and Pagefind's start-up is better spent now.
   */
  start(): void {
    if (this.index) return;
    this.index = openIndex();
    for (const [url, html] of this.pages) this.send(url, html);
  }

  /**
   * Resolves when Pagefind has caught up to within a few pages: pages waiting for it are held
   * in memory (as JSON, in base64), and at 10 000 pages that would be hundreds of MB.
   */
  async caughtUp(): Promise<void> {
    while (this.inFlight > maxInFlight) await new Promise<void>((done) => this.waiting.push(done));
    await new Promise((done) => setImmediate(done));
  }

  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  private send(url: string, html: Uint8Array): void {
    this.inFlight++;
    const added = this.index!.then(async (index) => {
      // decoded only now, while it waits for Pagefind; UTF-8 has no unpaired surrogate, which Pagefind's JSON could not carry
      const result = await index.addHTMLFile({ url, content: Buffer.from(html.buffer, html.byteOffset, html.byteLength).toString('utf8') });
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
    });
    added
      .catch(() => {}) // reported by files()
      .finally(() => {
        this.inFlight--;
        if (this.inFlight <= maxInFlight) for (const done of this.waiting.splice(0)) done();
      });
    this.added.push(added);
  }

  /** Stops a Pagefind that was started for nothing. */
  private async settle(files: ExtraFile[]): Promise<ExtraFile[]> {
    await this.dispose();
    return files;
  }

  /** Stops Pagefind, if it runs: after a failure, a build must not wait for it. */
  async dispose(): Promise<void> {
    if (!this.index) return;
    await Promise.allSettled([this.index, ...this.added]);
    await this.release();
  }

  private released = false;

  /** Gives the index back to the shared service, once (see pagefind-service.ts). */
  private async release(): Promise<void> {
    if (!this.index || this.released) return;
    this.released = true;
    // an index that failed to open gave its share back itself
    const index = await this.index.catch(() => undefined);
    if (index) await releaseIndex(index);
  }
}

/** Pages of these kinds go into the index. */
export const isIndexed = (kind: RouteKind) => indexedKinds.includes(kind);

export function searchExtra(): Extra {
  return {
    name: 'search',
    // the index's own files are loaded by the search script, never linked from a page
    paths: () => [urls.searchScript().replace(/^\//, '')],
    async make({ search }) {
      const script: ExtraFile = { path: urls.searchScript().replace(/^\//, ''), contents: await readFile(searchScriptPath, 'utf8') };
      return search ? [script, ...(await search.files())] : [script];
    },
  };
}
