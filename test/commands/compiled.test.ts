import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/bench/generate.js';
import { compiledState } from '../../bin/compiled.js';
import { fixture, root, snapshot, tempDir, type CliResult } from '../support/cli.js';

/*
 * bin/verksam.js runs lib/ (the compiled JavaScript) only when it was compiled from the sources
 * beside it, and otherwise the sources through tsx, saying so: never stale code. Each test uses
 * copies of verksam that it may edit, sharing this checkout's packages.
 */

const cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Copy {
  dir: string;
  run: (args: readonly string[], cwd: string, env?: Record<string, string>) => Promise<CliResult>;
  compile: () => Promise<CliResult>;
}

/** A copy of verksam, with its compiled lib/ or without, and with tsx among its packages or without. */
async function verksamCopy(parent: string, name: string, { compiled, tsx }: { compiled: boolean; tsx: boolean }): Promise<Copy> {
  const dir = join(parent, name);
  await mkdir(join(dir, 'scripts'), { recursive: true });
  for (const part of ['src', 'templates', 'bin', ...(compiled ? ['lib'] : [])]) await cp(join(root, part), join(dir, part), { recursive: true });
  for (const file of ['tsconfig.json', 'package.json', 'scripts/compile.js']) await cp(join(root, file), join(dir, file));
  if (tsx) {
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  } else {
    await mkdir(join(dir, 'node_modules'));
    for (const entry of await readdir(join(root, 'node_modules'))) {
      if (entry !== 'tsx' && entry !== '.bin') await symlink(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
    }
  }
  const node = (args: readonly string[], cwd: string, env: Record<string, string> = {}) =>
    new Promise<CliResult>((done) => {
      execFile(process.execPath, [...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  return {
    dir,
    run: (args, cwd, env) => node([join(dir, 'bin', 'verksam.js'), ...args], cwd, env),
    compile: () => node([join(dir, 'scripts', 'compile.js')], dir),
  };
}

const slow = 'verksam: kör från källkoden (npm run compile gör start snabbare)';

describe('verksam compiled to JavaScript', () => {
  it('is what the tests run: lib/ is compiled from the sources as they are', () => {
    expect(compiledState(root)).toBe('current');
  });

  it('runs without tsx, its parse worker too, and writes exactly what the sources write', async () => {
    const dir = await tempDir('verksam-compiled-');
    cleanup.push(dir);
    const compiled = await verksamCopy(dir, 'compiled', { compiled: true, tsx: false });
    const sources = await verksamCopy(dir, 'sources', { compiled: false, tsx: true });
    // enough files that a worker parses half of them
    await generateSite(join(dir, 'content'), 250);

    const fast = await compiled.run(['build', '--no-pdf', '--no-cache', '--out', 'dist-compiled'], dir, { VERKSAM_TIMINGS: '1' });
    expect(fast.code, fast.stderr).toBe(0);
    expect(fast.stderr).not.toContain(slow);
    expect(Number(/\((\d+) in a worker/.exec(fast.stderr)?.[1])).toBeGreaterThan(100);
    expect((await compiled.run(['--help'], dir)).stdout).toContain('Användning:');

    const fromSources = await sources.run(['build', '--no-pdf', '--no-cache', '--out', 'dist-sources'], dir);
    expect(fromSources.code, fromSources.stderr).toBe(0);
    expect(await snapshot(join(dir, 'dist-compiled'))).toEqual(await snapshot(join(dir, 'dist-sources')));
  });

  it('runs an edited template from its source, saying so once, until a compile makes it fast again', async () => {
    const dir = await tempDir('verksam-compiled-');
    cleanup.push(dir);
    const copy = await verksamCopy(dir, 'verksam', { compiled: true, tsx: true });
    await cp(fixture('basic'), join(dir, 'content'), { recursive: true });
    const layout = join(copy.dir, 'templates', 'layout.tsx');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('Hoppa till innehållet', 'Gå direkt till innehållet'));
    const home = () => readFile(join(dir, 'dist', 'index.html'), 'utf8');

    const stale = await copy.run(['build', '--no-pdf', '--no-cache'], dir);
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.stderr.trim()).toBe(slow);
    expect(await home()).toContain('Gå direkt till innehållet');

    expect((await copy.compile()).code).toBe(0);
    expect(compiledState(copy.dir)).toBe('current');
    await rm(join(dir, 'dist'), { recursive: true });
    const fast = await copy.run(['build', '--no-pdf', '--no-cache'], dir);
    expect(fast.code, fast.stderr).toBe(0);
    expect(fast.stderr).toBe('');
    expect(await home()).toContain('Gå direkt till innehållet');
  });

  it('does not compile a template with a syntax error: the compile names it, and the command names it with exit code 3', async () => {
    const dir = await tempDir('verksam-compiled-');
    cleanup.push(dir);
    const copy = await verksamCopy(dir, 'verksam', { compiled: true, tsx: true });
    await cp(fixture('basic'), join(dir, 'content'), { recursive: true });
    const template = join(copy.dir, 'templates', 'news.tsx');
    await writeFile(template, (await readFile(template, 'utf8')) + '\nexport const broken = (<div>;\n');

    const compile = await copy.compile();
    expect(compile.code).toBe(1);
    expect(compile.stderr).toMatch(/^verksam: templates\/news\.tsx går inte att kompilera \(rad \d+, kolumn \d+: .+\)\.$/m);
    // the last good compile stays, unused while the sources differ from it
    expect(compiledState(copy.dir)).toBe('stale');

    const build = await copy.run(['build', '--no-pdf'], dir);
    expect(build.code).toBe(3);
    const [notice, sentence, ...rest] = build.stderr.trim().split('\n');
    expect(notice).toBe(slow);
    expect(sentence).toMatch(/internt fel.*templates\/news\.tsx/);
    expect(rest).toEqual([]);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
