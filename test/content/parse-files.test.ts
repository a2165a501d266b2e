import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/bench/generate.js';
import { parseEntry } from '../../src/content/entries.js';
import { toRecord } from '../../src/content/entry-record.js';
import { loadContent } from '../../src/content/load.js';
import { parseFiles } from '../../src/content/parse-files.js';
import { tempDir } from '../support/cli.js';

/*
 * Many files are parsed on two threads (the main one and a worker); the result must be what
 * parsing each file on its own gives, problems and their places included.
 */

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('parseFiles', () => {
  it('gives the same entries and problems on two threads as parseEntry gives file by file', async () => {
    const dir = await tempDir();
    made.push(dir);
    const content = join(dir, 'content');
    const { newsFiles } = await generateSite(content, 300);
    // problems in both halves: the first half goes to the worker
    for (const file of [newsFiles[3]!, newsFiles[280]!]) {
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^date: .*$/m, 'date: 2020-02-30').replace(/^title:/m, 'titel:'));
    }
    const sources = await loadContent(content, dir);
    expect(sources.length).toBeGreaterThan(300);

    const { results: together, stats } = await parseFiles(sources);
    expect(stats.inWorker).toBeGreaterThan(100);
    const alone = sources.map((source) => parseEntry(source));
    const comparable = (result: ReturnType<typeof parseEntry>) => ({
      entry: result.entry ? JSON.stringify(toRecord(result.entry)) : undefined,
      messages: result.messages.map((message) => `${message.file}:${message.line}:${message.column} ${message.reason}`),
    });
    expect(together.map(comparable)).toEqual(alone.map(comparable));
    expect(together.filter((result) => result.messages.length > 0)).toHaveLength(2);
    // an entry that came from the worker still points at its fields
    const fromWorker = together[sources.findIndex((source) => source.contentPath.startsWith('nyheter/'))]!.entry!;
    expect(fromWorker.source.locate(['title'])).toEqual({ line: 2, column: 8 });
    // no stage can change a body another stage reads: frozen all through, from either thread
    const unfrozen = (value: unknown): number =>
      value === null || typeof value !== 'object' ? 0 : (Object.isFrozen(value) ? 0 : 1) + Object.values(value).reduce((sum: number, child) => sum + unfrozen(child), 0);
    const bodies = together.flatMap((result) => (result.entry && 'body' in result.entry ? [result.entry.body] : []));
    expect(bodies.length).toBeGreaterThan(300);
    expect(bodies.map(unfrozen).reduce((a, b) => a + b)).toBe(0);
  });
});
