import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, snapshot, useFixtureCopies, type CliResult } from '../support/cli.js';

/*
 * A cold build of a large site renders on two cores (session/render-share.ts): a worker builds
 * the same graph and renders a share of the pages. It must be invisible in the result: the site
 * is byte for byte the one the main thread alone makes, and a template that fails in the worker
 * is reported as it is without one. The fixture is small, so VERKSAM_RENDER_WORKER=always starts
 * the worker anyway and leaves it the second half of the pages.
 */

const newCopy = useFixtureCopies('basic');

async function build(cwd: string, out: string, worker: 'always' | 'never', ...flags: string[]): Promise<CliResult & { rendered: number; inWorker: number }> {
  const result = await runCli(['build', '--content', 'content', '--out', out, '--no-pdf', ...flags], cwd, { VERKSAM_TIMINGS: '1', VERKSAM_RENDER_WORKER: worker });
  expect(result.stderr + result.stdout, 'build failed').toMatch(/sidor skrevs/);
  const counts = /render (\d+) of \d+ pages \((\d+) in a worker[,)]/.exec(result.stderr);
  return { ...result, rendered: Number(counts?.[1]), inWorker: Number(counts?.[2]) };
}

describe('rendering on two cores', () => {
  it('writes every file byte for byte as the main thread alone does, with the search index, and the cache it fills is as good', async () => {
    const { cwd } = await newCopy();
    const alone = await build(cwd, 'alone', 'never', '--no-cache');
    expect(alone.inWorker).toBe(0);
    const shared = await build(cwd, 'shared', 'always');
    expect(shared.rendered).toBe(alone.rendered);
    expect(shared.inWorker, 'the worker rendered the second half').toBeGreaterThanOrEqual(Math.floor(shared.rendered / 2));
    const expected = await snapshot(join(cwd, 'alone'));
    expect(Object.keys(expected).some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect(await snapshot(join(cwd, 'shared'))).toEqual(expected);

    // the pages the worker rendered went to the disk cache like the others
    const warm = await build(cwd, 'warm', 'never');
    expect(warm.rendered).toBe(0);
    expect(await snapshot(join(cwd, 'warm'))).toEqual(expected);
  });

  it('under another base URL too', async () => {
    const { cwd } = await newCopy();
    const flags = ['--no-cache', '--no-search', '--base-url', 'https://exempel.github.io/kfkl/'];
    await build(cwd, 'alone', 'never', ...flags);
    const shared = await build(cwd, 'shared', 'always', ...flags);
    expect(shared.inWorker).toBeGreaterThan(0);
    expect(await snapshot(join(cwd, 'shared'))).toEqual(await snapshot(join(cwd, 'alone')));
  });

  it('names the page and its source files when a template fails in the worker, stops, and writes nothing', async () => {
    const { cwd } = await newCopy();
    const result = await runCli(['build', '--content', 'content', '--out', 'dist', '--no-pdf', '--no-cache'], cwd, {
      VERKSAM_RENDER_WORKER: 'always',
      // a page of the second half, which is the worker's
      VERKSAM_TEST_RENDER_FAIL: '/nyhetsbrev/2020-1-forsta/',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/internt fel i src\/render\/render\.ts:\d+, inte ett fel i innehållet: Could not render \/nyhetsbrev\/2020-1-forsta\/ from content\/nyhetsbrev\/2020-1-forsta\.md with templates\/newsletter\./);
    await expect(snapshot(join(cwd, 'dist'))).rejects.toThrow();
  });
});
