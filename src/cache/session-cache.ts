import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipelineKey } from './pipeline-key.js';
import { DiskCache, type CacheView } from './store.js';

/**
 * The kinds of value a session keeps on disk, one pack each per content folder (see store.ts):
 * parsed files, pages, the search index, the newsletters' emails (extras/newsletter-email.ts), the
 * feeds (extras/feeds.ts) and the report's print editions (pdf/print-cache.ts).
 */
export type PackKind = 'entries' | 'pages' | 'search' | 'emails' | 'feeds' | 'prints';

export interface SessionCacheOptions {
  contentDir: string;
  cwd: string;
  /** The cache folder; no cache when absent. */
  cacheDir?: string;
  /** Reads the cache but adds nothing to it. */
  readOnly?: boolean;
  /** What pages (and the search index made of them) differ by; parsed files are the same for all. */
  variant: readonly string[];
}

/**
 * A session's use of the disk cache. Only a session's first, full update reads and fills the
 * packs: after it, the session itself knows more, and reading a pack of hundreds of MB for one
 * edited file would cost far more than it saves. The preview's later updates stay in memory.
 */
export class SessionCache {
  private disk?: Promise<DiskCache | undefined>;
  /** The packs the first update filled, to be saved by `persist`. */
  private filled = new Set<PackKind>();
  private active = false;

  constructor(private readonly options: SessionCacheOptions) {}

  /** Marks the start of an update: whether this one may use the disk cache. */
  begin(first: boolean): void {
    this.active = first && this.options.cacheDir !== undefined;
  }

  /** The pack of `kind` for this content folder, during the first update; otherwise none. */
  async view(kind: PackKind): Promise<CacheView | undefined> {
    if (!this.active) return undefined;
    return (await this.diskCache())?.view(this.packName(kind), resolve(this.options.contentDir));
  }

  /** Whether a pack of `kind` for this content folder is on disk, without reading it. */
  stored(kind: PackKind): boolean {
    const { cacheDir, cwd } = this.options;
    return cacheDir !== undefined && existsSync(join(resolve(cwd, cacheDir), `${this.packName(kind)}.pack`));
  }

  /** Lets go of a pack's values in memory once a stage has taken what it needs. */
  async release(kind: PackKind): Promise<void> {
    if (!this.active) return;
    (await this.diskCache())?.release(this.packName(kind));
  }

  /** Records that the first update made `kinds` completely, so they are worth saving. */
  filledBy(kinds: readonly PackKind[]): void {
    if (this.active) for (const kind of kinds) this.filled.add(kind);
  }

  /** Writes the packs the first update filled, for the next run; later calls write nothing. */
  async persist(): Promise<void> {
    const kinds = [...this.filled];
    this.filled.clear();
    // saving no pack still discards what was read and clears out stale packs
    (await this.diskCache())?.save(kinds.map((kind) => this.packName(kind)));
  }

  private diskCache(): Promise<DiskCache | undefined> {
    const { cacheDir, cwd, readOnly } = this.options;
    this.disk ??= cacheDir ? pipelineKey().then((key) => new DiskCache(resolve(cwd, cacheDir), key, readOnly)) : Promise.resolve(undefined);
    return this.disk;
  }

  private packName(kind: PackKind): string {
    const parts = kind === 'entries' ? [resolve(this.options.contentDir)] : [resolve(this.options.contentDir), ...this.options.variant];
    return `${kind}-${createHash('sha1').update(parts.join('\0')).digest('hex').slice(0, 16)}`;
  }
}
