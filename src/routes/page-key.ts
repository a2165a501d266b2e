import { createHash } from 'node:crypto';
import { textParts } from '../content/bodies.js';
import type { PageContext } from '../render/context.js';
import type { Route } from './routes.js';

/*
 * A page's key is a digest of everything its template is given: the route (which carries exactly
 * what the page shows, see routes.ts) and the page context. Two renders with the same key give
 * the same page, so an unchanged key means the page need not be rendered again, in the preview and
 * from the disk cache alike. There is no list of what each template reads to keep in step with
 * the templates: what a template is not given, it cannot show.
 *
 * An entry (an object with a `source`) is written as its file and the hash of that file's text,
 * which stands for its text (body, a goal's sections, a newsletter's blocks: see
 * content/bodies.ts) and for the image files that text shows (the session adds their hashes:
 * an image may change while the text naming it does not), followed by its other fields, walked
 * the same way: what the graph adds to the file (a referenced area, an image's file and hash, a
 * draft mark) is there too. Back-links are not enumerable (content/graph.ts), so the walk never
 * follows them.
 */

/** Keys for the pages of one update; made anew for each update, since text hashes change. */
export class PageKeys {
  private readonly entries = new WeakMap<object, { written: string; files: ReadonlySet<string> }>();
  private readonly walking = new Set<object>();
  /** The files whose text hash the key being written holds (its entries', and theirs). */
  private reading = new Set<string>();

  /** `textHash` gives the hash of a content file's text, by the path entries name it with. */
  constructor(private readonly textHash: (file: string) => string | undefined) {}

  key(route: Route, ctx: PageContext): string {
    return this.keyAndFiles(route, ctx).key;
  }

  /**
   * The key and the files whose text it holds: while the graph and routes stay the same (an edit
   * of text alone), a page's key can change only when one of these files did.
   */
  keyAndFiles(route: Route, ctx: PageContext): { key: string; files: ReadonlySet<string> } {
    this.reading = new Set();
    const key = createHash('sha1').update(this.write([route, ctx])).digest('base64url');
    return { key, files: this.reading };
  }

  private write(value: unknown): string {
    if (value === undefined) return 'u';
    if (value === null || typeof value !== 'object') return typeof value === 'function' ? 'f' : JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map((item) => this.write(item)).join(',')}]`;
    const entry = this.entries.get(value);
    if (entry !== undefined) {
      for (const file of entry.files) this.reading.add(file);
      return entry.written;
    }
    // data that refers back to itself would be a back-link made enumerable: a bug, not a page
    if (this.walking.has(value)) throw new Error('page data refers back to itself: a back-link is enumerable');
    this.walking.add(value);
    try {
      const source = (value as { source?: { file?: unknown } }).source;
      if (typeof source?.file !== 'string') return this.fields(value, []);
      // the entry's own files, kept with it, so a page that shows it again reads them too
      const outer = this.reading;
      const files = (this.reading = new Set([source.file]));
      try {
        const hash = this.textHash(source.file);
        // without a hash (an entry no file is known for) the text is walked like any field
        const written = `@${JSON.stringify(source.file)}#${hash ?? ''}${this.fields(value, hash === undefined ? ['source'] : ['source', ...textParts])}`;
        this.entries.set(value, { written, files });
        return written;
      } finally {
        for (const file of files) outer.add(file);
        this.reading = outer;
      }
    } finally {
      this.walking.delete(value);
    }
  }

  /** An object's enumerable fields but `skip`, in a fixed order (a cached entry holds them in another). */
  private fields(value: object, skip: readonly string[]): string {
    const keys = Object.keys(value)
      .filter((key) => !skip.includes(key))
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${this.write((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
}
