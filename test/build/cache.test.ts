import { cp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskCache } from '../../src/cache/store.js';
import { root, runCli, snapshot, useFixtureCopies, type CliResult } from '../support/cli.js';

/*
 * The build cache (.cache/verksam) must be invisible in the result: a build with it, cold or
 * warm, after one change or with the cache damaged, writes exactly the site a build without it
 * writes, and reports problems at the same places.
 */

const newCopy = useFixtureCopies('basic');

/** Builds `content` in `cwd`, with VERKSAM_TIMINGS to see how many pages were rendered. */
async function build(cwd: string, out: string, ...flags: string[]): Promise<CliResult & { rendered: number; total: number }> {
  const result = await runCli(['build', '--no-pdf', '--content', 'content', '--out', out, ...flags], cwd, { VERKSAM_TIMINGS: '1' });
  expect(result.stderr + result.stdout, 'build failed').toMatch(/sidor skrevs/);
  const counts = /render (\d+) of (\d+) pages/.exec(result.stderr);
  return { ...result, rendered: Number(counts?.[1]), total: Number(counts?.[2]) };
}

describe('the build cache', () => {
  it('cold, warm and after one change, a cached build writes the same bytes as an uncached one and renders only what changed', async () => {
    const { cwd } = await newCopy();
    const fresh = await build(cwd, 'uncached', '--no-cache');
    const expected = await snapshot(join(cwd, 'uncached'));
    await expect(stat(join(cwd, '.cache'))).rejects.toThrow();

    const cold = await build(cwd, 'dist');
    expect(cold.rendered).toBe(fresh.total);
    expect(await snapshot(join(cwd, 'dist'))).toEqual(expected);
    const warm = await build(cwd, 'dist');
    expect(warm.rendered).toBe(0);
    expect(await snapshot(join(cwd, 'dist'))).toEqual(expected);

    const news = join(cwd, 'content', 'nyheter', 'sakerhet.md');
    await writeFile(news, `${await readFile(news, 'utf8')}\nEtt tillägg i texten.\n`);
    await build(cwd, 'uncached', '--no-cache');
    const changed = await build(cwd, 'dist');
    expect(changed.rendered).toBeGreaterThan(0);
    expect(changed.rendered).toBeLessThan(changed.total / 2);
    expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));
    expect(await readFile(join(cwd, 'dist', 'nyheter', '2021', 'sakerhet', 'index.html'), 'utf8')).toContain('Ett tillägg i texten.');
  });

  it('ignores a damaged cache and builds the same site', async () => {
    const { cwd } = await newCopy();
    await build(cwd, 'dist');
    const expected = await snapshot(join(cwd, 'dist'));
    const entries = await readdir(join(cwd, '.cache'), { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    expect(files.filter((file) => file.endsWith('.pack'))).toHaveLength(3);
    for (const file of files) {
      // every value replaced by something of the wrong shape or cut short, under its right address
      const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
      await writeFile(file, lines.map((line, index) => `${line.slice(0, 64)}\t${['{"kind":"news","body":', '{"html":42}', '{"files":[{}]}', '[]'][index % 4]}\n`).join(''));
    }
    await rm(join(cwd, 'dist'), { recursive: true });
    await build(cwd, 'dist');
    expect(await snapshot(join(cwd, 'dist'))).toEqual(expected);
  });

  it('writes a page again when it was changed by hand in the output folder since the last build', async () => {
    const { cwd } = await newCopy();
    await build(cwd, 'dist');
    const page = join(cwd, 'dist', 'index.html');
    const original = await readFile(page, 'utf8');
    await writeFile(page, original.replace('</main>', '<p>Handredigerat</p></main>'));
    await build(cwd, 'dist');
    expect(await readFile(page, 'utf8')).toBe(original);
  });

  it('points at the same file, line and field when a cached file refers to something that is gone', async () => {
    const { cwd } = await newCopy();
    await build(cwd, 'dist');
    await rm(join(cwd, 'content', 'omraden', 'skola.md'));
    const cached = await runCli(['build', '--no-pdf', '--content', 'content'], cwd);
    const uncached = await runCli(['build', '--no-pdf', '--no-cache', '--content', 'content'], cwd);
    expect(cached.code).toBe(1);
    expect(cached.stderr).toMatch(/content\/nyheter\/lasning-startar\.md:4:\d+/);
    expect(cached.stderr).toBe(uncached.stderr);
  });

  it('forgets the cache of a content folder, and the record of an output folder, that is gone', async () => {
    const { cwd } = await newCopy();
    await cp(join(cwd, 'content'), join(cwd, 'kopia'), { recursive: true });
    await build(cwd, 'dist');
    expect(await runCli(['build', '--no-pdf', '--content', 'kopia', '--out', 'dist2'], cwd)).toMatchObject({ code: 0 });
    const packs = async () => (await readdir(join(cwd, '.cache', 'verksam'))).filter((name) => name.endsWith('.pack'));
    expect(await packs()).toHaveLength(6);
    const manifests = () => readdir(join(cwd, '.cache', 'verksam', 'output'));
    expect(await manifests()).toHaveLength(2);
    await rm(join(cwd, 'kopia'), { recursive: true });
    await rm(join(cwd, 'dist2'), { recursive: true });
    await build(cwd, 'dist');
    expect(await packs()).toHaveLength(3);
    expect(await manifests()).toHaveLength(1);
  });

  it('keeps a pack that is still used, however old, and removes one unused for a month', async () => {
    const { cwd } = await newCopy();
    await build(cwd, 'dist');
    const folder = join(cwd, '.cache', 'verksam');
    const used = (await readdir(folder)).filter((name) => name.endsWith('.pack'));
    const abandoned = join(folder, `entries-${'0'.repeat(16)}.pack`);
    await writeFile(abandoned, '');
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    for (const path of [...used.map((name) => join(folder, name)), abandoned]) await utimes(path, longAgo, longAgo);
    const warm = await build(cwd, 'dist');
    expect(warm.rendered).toBe(0);
    expect((await readdir(folder)).filter((name) => name.endsWith('.pack')).sort()).toEqual(used.sort());
  });

  it('keeps entries of different pipelines apart', () => {
    const one = new DiskCache(join(root, '.cache', 'x'), 'pipeline-1');
    const two = new DiskCache(join(root, '.cache', 'x'), 'pipeline-2');
    expect(one.address(['entry', 'a.md'])).not.toBe(two.address(['entry', 'a.md']));
    expect(one.address(['entry', 'a.md'])).not.toBe(one.address(['entry', 'b.md']));
  });
});
