import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeSiteAtomically } from '../../src/write/atomic.js';
import { root, runCli, useFixtureCopies } from '../support/cli.js';

/*
 * The output folder is replaced by two renames (the old site aside, the new one in). Removing
 * the old site is never waited for; a build killed between the renames, or while writing,
 * leaves nothing the next build does not put right, and nothing `git add -A` would pick up.
 */

const removed = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rm: (path: string, options?: Parameters<typeof actual.rm>[1]) => {
      removed.push(String(path));
      return actual.rm(path, options);
    },
  };
});

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const basicCopy = useFixtureCopies('basic');

describe('replacing the output folder', () => {
  it('never removes the previous site while the build waits, however old that site is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verksam-swap-'));
    made.push(dir);
    const out = join(dir, 'dist');
    const site = Array.from({ length: 50 }, (_, index) => ({ path: `sida-${index}/index.html`, contents: `<p>${index}</p>` }));
    await writeSiteAtomically(out, site);
    // a site built yesterday: its folder's time says so
    const yesterday = new Date(Date.now() - 86_400_000);
    await utimes(out, yesterday, yesterday);
    removed.length = 0;
    await writeSiteAtomically(out, [{ path: 'index.html', contents: '<p>ny</p>' }]);
    expect(removed).toEqual([]);
    expect(await fs.readFile(join(out, 'index.html'), 'utf8')).toBe('<p>ny</p>');
    expect(existsSync(join(out, 'sida-0'))).toBe(false);
  });

  it('puts the site back when the previous build was killed between the renames, and leaves nothing git would add', async () => {
    const { content, cwd } = await basicCopy();
    const args = ['build', '--content', content, '--out', 'dist', '--no-pdf', '--no-search', '--no-cache'];
    expect((await runCli(args, cwd)).code).toBe(0);
    await rm(join(content, 'nyheter', 'sakerhet.md'));

    const killed = await new Promise<NodeJS.Signals | null>((done) => {
      const child = spawn(process.execPath, [join(root, 'bin', 'verksam.js'), ...args], { cwd, env: { ...process.env, VERKSAM_TEST_KILL_AT: 'swap' }, stdio: 'ignore' });
      child.on('exit', (_code, signal) => done(signal));
    });
    expect(killed).toBe('SIGKILL');
    expect(existsSync(join(cwd, 'dist'))).toBe(false);
    const leftovers = (await readdir(cwd)).filter((name) => name !== 'content' && name !== 'dist');
    expect(leftovers.length).toBeGreaterThan(0);
    for (const name of leftovers) {
      // `git add -A` in a repository with verksam's .gitignore would not pick it up
      const ignored = await new Promise<boolean>((done) => execFile('git', ['-C', root, 'check-ignore', '--no-index', '-q', `${name}/`], (error) => done(!error)));
      expect(ignored, name).toBe(true);
    }

    // the next build puts the published site back first, even when it then fails on the content
    const broken = join(content, 'nyheter', 'trasig.md');
    await writeFile(broken, '---\ntitle: Trasig\n---\nText\n');
    const failed = await runCli(args, cwd);
    expect(failed.code).toBe(1);
    expect(existsSync(join(cwd, 'dist', 'nyheter', '2021', 'sakerhet', 'index.html'))).toBe(true);
    await rm(broken);

    const next = await runCli(args, cwd);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(existsSync(join(cwd, 'dist', 'index.html'))).toBe(true);
    expect(existsSync(join(cwd, 'dist', 'nyheter', '2021', 'sakerhet', 'index.html'))).toBe(false);
    // what the killed build left is removed in the background
    await expect.poll(async () => (await readdir(cwd)).sort(), { timeout: 30_000 }).toEqual(['content', 'dist']);
  });
});
