import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useFixtureCopies } from '../support/cli.js';

/*
 * `--out` names a folder the build replaces as a whole. Only a folder an earlier build made
 * (or an empty one) is replaced without asking; a folder that holds the content, the working
 * folder, a repository or the home folder never is.
 */

const basicCopy = useFixtureCopies('basic');

describe('verksam build --out', () => {
  it('refuses a folder with files of its own, names it and the flag, and moves nothing', async () => {
    const { content, cwd } = await basicCopy();
    await mkdir(join(cwd, 'docs'));
    await writeFile(join(cwd, 'docs', 'handbook.md'), '# Handbok\n');
    const result = await runCli(['build', '--content', content, '--out', 'docs', '--no-pdf'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('docs');
    expect(result.stderr).toContain('--replace-out');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await readFile(join(cwd, 'docs', 'handbook.md'), 'utf8')).toBe('# Handbok\n');
    expect((await readdir(cwd)).sort()).toEqual(['content', 'docs']);
  });

  it('replaces such a folder when told to with --replace-out', async () => {
    const { content, cwd } = await basicCopy();
    await mkdir(join(cwd, 'docs'));
    await writeFile(join(cwd, 'docs', 'handbook.md'), '# Handbok\n');
    const result = await runCli(['build', '--content', content, '--out', 'docs', '--no-pdf', '--replace-out'], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'docs', 'index.html'))).toBe(true);
    expect(existsSync(join(cwd, 'docs', 'handbook.md'))).toBe(false);
  });

  it('replaces its own earlier output, and an empty folder, without being told', async () => {
    const { content, cwd } = await basicCopy();
    await mkdir(join(cwd, 'tom'));
    expect((await runCli(['build', '--content', content, '--out', 'tom', '--no-pdf'], cwd)).code).toBe(0);
    const again = await runCli(['build', '--content', content, '--out', 'tom', '--no-pdf'], cwd);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  });

  it('never replaces the working folder, the home folder or a repository, even when told to', async () => {
    const { content, cwd } = await basicCopy();
    await mkdir(join(cwd, 'arbete'));
    await writeFile(join(cwd, 'arbete', 'anteckningar.txt'), 'mina anteckningar');
    const here = await runCli(['build', '--content', content, '--out', '.', '--no-pdf', '--replace-out'], join(cwd, 'arbete'));
    expect(here.code).toBe(2);
    expect(here.stderr).toContain('arbetsmapp');

    const home = join(cwd, 'hem');
    await mkdir(home);
    await writeFile(join(home, '.bashrc'), 'export X=1');
    const homeResult = await runCli(['build', '--content', content, '--out', home, '--no-pdf', '--replace-out'], cwd, { HOME: home });
    expect(homeResult.code).toBe(2);
    expect(homeResult.stderr).toContain('hemmapp');

    const repository = join(cwd, 'repo');
    await mkdir(join(repository, '.git'), { recursive: true });
    await writeFile(join(repository, 'README.md'), '# Repo');
    const repoResult = await runCli(['build', '--content', content, '--out', repository, '--no-pdf', '--replace-out'], cwd);
    expect(repoResult.code).toBe(2);
    expect(repoResult.stderr).toContain('git');

    expect(await readFile(join(cwd, 'arbete', 'anteckningar.txt'), 'utf8')).toBe('mina anteckningar');
    expect(await readFile(join(home, '.bashrc'), 'utf8')).toBe('export X=1');
    expect(await readFile(join(repository, 'README.md'), 'utf8')).toBe('# Repo');
    expect((await readdir(cwd)).sort()).toEqual(['arbete', 'content', 'hem', 'repo']);
  });

  it('refuses the content folder and the folders around it with exit code 2, even when told to', async () => {
    const { content, cwd } = await basicCopy();
    for (const out of [content, cwd]) {
      for (const told of [[], ['--replace-out']]) {
        const result = await runCli(['build', '--content', content, '--out', out, '--no-pdf', ...told], join(cwd, 'content', 'nyheter'));
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^Utdatamappen .+ innehåller innehållsmappen/);
      }
    }
    expect((await readdir(cwd)).sort()).toEqual(['content']);
  });
});
