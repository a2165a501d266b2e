import { parentPort, workerData } from 'node:worker_threads';
import { parseEntry } from './entries.js';
import { toRecord, type EntryRecord } from './entry-record.js';
import type { SourceFile } from './load.js';

/*
 * A second core for parsing (Markdown is most of a cold build's time): parses its share of the
 * files and sends back the valid ones as records; a file with problems comes back as null and
 * is parsed again on the main thread, which owns the messages and their places in the file.
 */
const sources = workerData as SourceFile[];
const records: (EntryRecord | null)[] = sources.map((source) => {
  const result = parseEntry(source);
  return result.entry && result.messages.length === 0 ? toRecord(result.entry, result.warnings) : null;
});
parentPort!.postMessage(records);
