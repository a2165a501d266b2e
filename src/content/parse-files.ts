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
 * two cores, the main thread and one worker, each half of the files. Valid results are added
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
  const offloaded = missing.length >= workerThreshold ? missing.slice(0, Math.floor(missing.length / 2)) : [];
  const fromWorker = offloaded.length > 0 ? parseInWorker(offloaded.map((index) => sources[index]!)) : undefined;
  let inWorker = 0;
  if (missing.length > 0) {
    // the Markdown processor loads only when a file is parsed: a build from the cache starts without it
    const { parseEntry } = await import('./entries.js');
    for (const index of missing.slice(offloaded.length)) results[index] = parseEntry(sources[index]!);
    if (fromWorker) {
      const records = await fromWorker;
      if (records) inWorker = records.length;
      offloaded.forEach((index, position) => {
        const record = records?.[position];
        // a file with problems (or every file, when the worker failed) is parsed here, where its messages belong
        results[index] = record ? fromCache(record, sources[index]!) : parseEntry(sources[index]!);
      });
    }
  }

  if (cache) {
    for (const index of missing) {
      const result = results[index]!;
      if (result.entry && result.messages.length === 0) cache.put(addresses[index]!, toRecord(result.entry, result.warnings));
    }
  }
  return { results: results as ParseResult[], stats: { cached: sources.length - missing.length, parsed: missing.length, inWorker } };
}

/** A valid file's parse result from its record (the cache's or a worker's). */
function fromCache(record: EntryRecord, source: SourceFile): ParseResult {
  return { entry: fromRecord(record, source), messages: [], ...(record.warnings ? { warnings: record.warnings } : {}) };
}

/** The worker's records, or undefined when it could not do its part (the main thread then does). */
function parseInWorker(sources: SourceFile[]): Promise<(EntryRecord | null)[] | undefined> {
  return new Promise((done) => {
    const worker = startWorker('content/parse-worker', sources);
    worker.once('message', (records: (EntryRecord | null)[]) => {
      done(records);
      void worker.terminate();
    });
    worker.once('error', () => done(undefined));
    worker.once('exit', () => done(undefined));
  });
}
