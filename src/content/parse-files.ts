import { createHash } from 'node:crypto';
import type { CacheView } from '../cache/store.js';
import { startWorker } from '../workers/start-worker.js';
import type { parseEntry } from './entries.js';
import { fromRecord, toRecord, type EntryRecord } from './entry-record.js';
import type { SourceFile } from './load.js';

export type ParseResult = ReturnType<typeof parseEntry>;

/** How the files were parsed: taken from the cache, parsed, and of those, parsed by the worker. */
export interface ParseStats {
  cached: number;
  parsed: number;
  inWorker: number;
}

/** Below this many files to parse, starting a worker (~0.4 s) costs more than it saves. */
const workerThreshold = 200;

export const textHash = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Parses many files at once: what the cache holds is taken from it, and the rest is parsed on
 * two cores, the main thread and one worker, each taking the next few files as it gets to
 * them (content/parse-worker.ts) until all are parsed. Valid results are added
 * to the cache. The results are the same as `parseEntry` on each file, except that an entry
 * from the cache points at its fields lazily.
 */
export async function parseFiles(
  sources: readonly SourceFile[],
  cache?: CacheView,
  /** Each file's `textHash`, when the caller has it already. */
  hashes?: readonly string[],
): Promise<{ results: ParseResult[]; stats: ParseStats }> {
  const addresses = sources.map((source, index) => cache?.address(['entry', source.path, source.contentPath, hashes?.[index] ?? textHash(source.text)]));
  const cached = addresses.map((address) => (address && cache ? cache.get<EntryRecord>(address) : undefined));
  const results: (ParseResult | undefined)[] = cached.map((record, index) => {
    if (!record) return undefined;
    try {
      return fromCache(record, sources[index]!);
    } catch {
      return undefined; // a record from a damaged cache: parse the file
    }
  });

  const missing = results.flatMap((result, index) => (result ? [] : [index]));
  let inWorker = 0;
  if (missing.length > 0) {
    const finish = (index: number, result: ParseResult) => {
      results[index] = result;
      // added as soon as parsed: the writing is spread over the time the worker parses too
      if (cache && result.entry && result.messages.length === 0) cache.put(addresses[index]!, toRecord(result.entry, result.warnings));
    };
    const queue = new ShareQueue(missing);
    // a file with problems comes back without a record: it is parsed here, where its messages belong
    const withProblems: number[] = [];
    const received = (index: number, record: EntryRecord | null) => {
      inWorker++;
      if (record) finish(index, fromCache(record, sources[index]!));
      else withProblems.push(index);
    };
    const worker = missing.length >= workerThreshold ? new ParseWorker(sources, queue, received) : undefined;
    // the Markdown processor loads only when a file is parsed: a build from the cache starts without it
    const { parseEntry } = await import('./entries.js');
    const own = (indexes: readonly number[]) => {
      for (const index of indexes) finish(index, parseEntry(sources[index]!));
    };
    try {
      for (let share = queue.take(mainShare); share.length > 0; share = queue.take(mainShare)) {
        own(share);
        // lets the worker's results in, and sends it its next share, between shares of our own
        if (worker) await new Promise((resume) => setImmediate(resume));
      }
    } catch (error) {
      worker?.abandon();
      throw error;
    }
    if (worker) {
      // what the worker could not do (it failed) is done here
      const failed = await worker.finished();
      own(withProblems);
      own(failed);
    }
  }
  return { results: results as ParseResult[], stats: { cached: sources.length - missing.length, parsed: missing.length, inWorker } };
}

/** A valid file's parse result from its record (the cache's or a worker's). */
function fromCache(record: EntryRecord, source: SourceFile): ParseResult {
  return { entry: fromRecord(record, source), messages: [], ...(record.warnings ? { warnings: record.warnings } : {}) };
}

/** The files still to parse (indexes into the sources), handed out in shares from the front. */
class ShareQueue {
  private next = 0;
  constructor(private readonly indexes: readonly number[]) {}

  /**
   * Up to `size` files; fewer near the end, so that neither thread is left with a large share
   * while the other has nothing to do.
   */
  take(size: number): number[] {
    const left = this.indexes.length - this.next;
    const count = Math.min(left, Math.max(1, Math.min(size, Math.ceil(left / 8))));
    return this.indexes.slice(this.next, (this.next += count));
  }
}

/** Files the main thread parses between looks at the worker's results (about 40 ms). */
const mainShare = 8;
/** Files the worker is sent at once; two shares are kept waiting for it, so it never idles. */
const workerShare = 16;

/**
 * The parse worker, fed shares of the queue one after another as it sends results back. Its
 * records are handed to `received` as they arrive, between the main thread's own shares.
 */
class ParseWorker {
  private readonly worker = startWorker('content/parse-worker', undefined);
  private readonly sent: number[][] = [];
  private failed = false;
  private settle?: () => void;

  constructor(
    private readonly sources: readonly SourceFile[],
    private readonly queue: ShareQueue,
    received: (index: number, record: EntryRecord | null) => void,
  ) {
    this.worker.on('message', (records: (EntryRecord | null)[]) => {
      const share = this.sent.shift()!;
      // the next share first: the worker parses while the main thread takes these in
      this.send();
      share.forEach((index, position) => received(index, records[position] ?? null));
      if (this.sent.length === 0) this.stop();
    });
    this.worker.once('error', () => this.stop(true));
    this.worker.once('exit', () => this.stop(true));
    this.send();
    this.send();
  }

  private send(): void {
    if (this.failed) return;
    const share = this.queue.take(workerShare);
    if (share.length === 0) return;
    this.sent.push(share);
    this.worker.postMessage(share.map((index) => this.sources[index]!));
  }

  private stop(failed = false): void {
    if (failed && this.sent.length > 0) this.failed = true;
    void this.worker.terminate();
    this.settle?.();
  }

  /** Stops the worker when the main thread cannot go on (a bug in our code). */
  abandon(): void {
    this.failed = true;
    void this.worker.terminate();
  }

  /** Waits for the shares sent; returns the files the worker could not parse (after a failure). */
  async finished(): Promise<number[]> {
    if (this.sent.length > 0 && !this.failed) await new Promise<void>((resolve) => (this.settle = resolve));
    return this.failed ? this.sent.flat() : [];
  }
}
