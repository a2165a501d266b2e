import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, snapshot, useFixtureCopies, type CliResult } from '../support/cli.js';

/*
 * A site that cannot be written (a full disk, a folder that is not one) ends in a sentence that
 * names the folder and what to do, and the previous site stays as it was. The tests run as
 * root, whom file permissions do not stop: a file where a folder should be, and a file size
 * limit (ulimit -f) that makes writing a page fail the way a full disk does.
 */

const basicCopy = useFixtureCopies('basic');

/** `verksam …` in a shell whose processes may not write files larger than `kilobytes`. */
function runCliWithFileLimit(kilobytes: number, args: readonly string[], cwd: string): Promise<CliResult> {
  const command = `ulimit -f ${kilobytes} && exec "$0" "$@"`;
  return new Promise((done) => {
    execFile('/bin/sh', ['-c', command, process.execPath, join(root, 'bin', 'verksam.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('verksam build when the site cannot be written', () => {
  it('says so in a sentence when the output folder would be inside a file', async () => {
    const { content, cwd } = await basicCopy();
    await writeFile(join(cwd, 'fil'), 'en fil, ingen mapp');
    const result = await runCli(['build', '--content', content, '--out', 'fil/dist', '--no-pdf', '--no-search'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fil/dist');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('leaves the previous site untouched when a page cannot be written (as on a full disk)', async () => {
    const { content, cwd } = await basicCopy();
    const first = await runCli(['build', '--content', content, '--out', 'dist', '--no-pdf', '--no-search', '--no-cache'], cwd);
    expect(first.code).toBe(0);
    const before = await snapshot(join(cwd, 'dist'));
    const result = await runCliWithFileLimit(4, ['build', '--content', content, '--out', 'dist', '--no-pdf', '--no-search', '--no-cache'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/dist/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await snapshot(join(cwd, 'dist'))).toEqual(before);
    expect((await readdir(cwd)).sort()).toEqual(['content', 'dist']);
  });
});
