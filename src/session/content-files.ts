import { relative, resolve, sep } from 'node:path';
import type { CacheView } from '../cache/store.js';
import type { parseEntry } from '../content/entries.js';
import { loadContent, readContentFile, type SourceFile } from '../content/load.js';
import { parseFiles, textHash, type ParseStats } from '../content/parse-files.js';

/** A content file as the session last read it. */
export interface ParsedFile {
  /** The hash of the file's text: what a page key names the file's text by (routes/page-key.ts). */
  hash: string;
  /** The path messages use (relative to cwd): the same string as the entry's `source.file`. */
  path: string;
  result: ReturnType<typeof parseEntry>;
}

/**
 * The content folder as the session last read it: every file parsed, by its path in the content
 * folder. A read parses only the files whose text changed, and remembers what each was before,
 * so the session can tell an edit of text alone from any other.
 */
export class ContentFiles {
  private readonly files = new Map<string, ParsedFile>();
  /** The files the last read changed, each with what it was before (undefined when new). */
  readonly replaced = new Map<string, ParsedFile | undefined>();
  stats: ParseStats = { cached: 0, parsed: 0, inWorker: 0 };

  constructor(private readonly contentDir: string, private readonly cwd: string) {}

  get size(): number {
    return this.files.size;
  }

  get(contentPath: string): ParsedFile | undefined {
    return this.files.get(contentPath);
  }

  /** Every file, by content path. */
  all(): IterableIterator<[string, ParsedFile]> {
    return this.files.entries();
  }

  /** The hash of each file's text by the path messages and entries use. */
  hashes(): Map<string, string> {
    return new Map([...this.files.values()].map((file) => [file.path, file.hash]));
  }

  /**
   * Reads the files named in `changed` (paths relative to the content folder, or absolute), or
   * every file when it is absent; returns the content paths that changed, appeared or went.
   */
  async read(changed: Iterable<string> | undefined, cache: CacheView | undefined): Promise<Set<string>> {
    this.replaced.clear();
    return changed ? this.readChanged(changed, cache) : this.readAll(cache);
  }

  private async readAll(cache: CacheView | undefined): Promise<Set<string>> {
    const sources = await loadContent(this.contentDir, this.cwd);
    const seen = new Set(sources.map((source) => source.contentPath));
    const touched = new Set<string>();
    for (const path of [...this.files.keys()]) {
      if (!seen.has(path)) this.forget(path, touched);
    }
    for (const path of await this.parse(sources, cache)) touched.add(path);
    return touched;
  }

  private async readChanged(changed: Iterable<string>, cache: CacheView | undefined): Promise<Set<string>> {
    const touched = new Set<string>();
    const sources: SourceFile[] = [];
    const root = resolve(this.contentDir);
    for (const path of changed) {
      const absolute = resolve(root, path);
      const contentPath = relative(root, absolute).split(sep).join('/');
      if (contentPath.startsWith('..')) continue;
      // read exactly as a full read would (load.ts): images by size and time, text as strict UTF-8
      const source = readContentFile(root, absolute, this.cwd);
      if (!source) {
        // a deleted file, or a deleted folder and everything in it
        for (const known of [...this.files.keys()]) {
          if (known === contentPath || known.startsWith(`${contentPath}/`)) this.forget(known, touched);
        }
        continue;
      }
      sources.push(source);
    }
    for (const path of await this.parse(sources, cache)) touched.add(path);
    return touched;
  }

  private forget(contentPath: string, touched: Set<string>): void {
    this.replaced.set(contentPath, this.files.get(contentPath));
    this.files.delete(contentPath);
    touched.add(contentPath);
  }

  /** Parses the files whose text changed; returns their content paths. */
  private async parse(sources: readonly SourceFile[], cache: CacheView | undefined): Promise<string[]> {
    const changed = sources
      .map((source) => ({ source, hash: textHash(source.text) }))
      .filter(({ source, hash }) => this.files.get(source.contentPath)?.hash !== hash);
    const { results, stats } = await parseFiles(
      changed.map(({ source }) => source),
      cache,
      changed.map(({ hash }) => hash),
    );
    this.stats = stats;
    changed.forEach(({ source, hash }, index) => {
      this.replaced.set(source.contentPath, this.files.get(source.contentPath));
      this.files.set(source.contentPath, { hash, path: source.path, result: results[index]! });
    });
    return changed.map(({ source }) => source.contentPath);
  }
}
