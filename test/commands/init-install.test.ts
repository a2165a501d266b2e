import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledState } from '../../bin/compiled.js';
import { todayInSweden } from '../../src/format/dates.js';
import { root, runCli, tempDir } from '../support/cli.js';
import { siteLockfile } from '../support/site-lockfile.js';

/*
 * The way README tells a new organisation to start, end to end: verksam packed as npm would
 * fetch it, `verksam init` in another folder, verksam installed there as the site's dependency,
 * `npx verksam build` from the site's folder. It proves the package holds everything verksam
 * needs and that verksam finds its own files (tsconfig, templates, workers) where it is
 * installed, never in the working folder. One test: installing takes a minute.
 */

function run(command: string, args: readonly string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    execFile(command, [...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`));
      else done({ stdout, stderr });
    });
  });
}

describe('a new organisation\'s site, with verksam installed as its dependency', () => {
  let work: string | undefined;
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('is started by verksam init, installs verksam from a package, and builds with npx verksam build', async () => {
    work = await tempDir('verksam-init-install-');
    await mkdir(join(work, 'pack'));
    const packed = JSON.parse((await run('npm', ['pack', '--json', '--pack-destination', join(work, 'pack')], root)).stdout) as { filename: string; files: { path: string }[] }[];
    const tarball = join(work, 'pack', packed[0]!.filename);
    // only what verksam runs: no tests, content or fixtures
    expect(packed[0]!.files.some((file) => file.path.startsWith('test/') || file.path.startsWith('content/'))).toBe(false);
    // verksam compiled to JavaScript, so the site's commands start without compiling TypeScript
    expect(packed[0]!.files.some((file) => file.path === 'lib/src/cli/main.js')).toBe(true);

    const spec = `file:../pack/${packed[0]!.filename}`;
    const init = await runCli(['init', 'exempelforbundet', '--verksam', spec], work);
    expect(init.code, init.stderr).toBe(0);
    const site = join(work, 'exempelforbundet');
    await writeFile(join(site, 'package-lock.json'), await siteLockfile({ siteName: 'exempelforbundet', verksamLock: join(root, 'package-lock.json'), tarball, spec }));

    await run('npm', ['install', '--offline', '--no-audit', '--no-fund'], site);
    // a real installed copy, not a link back to this checkout
    expect(realpathSync(join(site, 'node_modules', 'verksam')).startsWith(realpathSync(site))).toBe(true);
    // compiled from exactly the sources installed beside it: bin/verksam.js runs lib/
    expect(compiledState(join(site, 'node_modules', 'verksam'))).toBe('current');

    const built = await run('npx', ['--offline', 'verksam', 'build'], site);
    expect(built.stdout).toMatch(/verksam: \d+ sidor skrevs till dist\//);
    expect(built.stderr).not.toContain('kör från källkoden');
    const year = Number(todayInSweden().slice(0, 4)) - 1;
    const dist = join(site, 'dist');
    for (const page of ['index.html', 'nyheter/index.html', 'omraden/exempelomrade/index.html', `verksamhetsberattelse/${year}/mal-1/index.html`, 'tillganglighet/index.html', 'sok/index.html']) {
      expect(existsSync(join(dist, page)), page).toBe(true);
    }
    expect(await readFile(join(dist, `verksamhetsberattelse/${year}/mal-1/index.html`), 'utf8')).toContain('ska ordna mötesplatser där medlemmarna lär av varandra');
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(await readFile(join(dist, 'site-digest.txt'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    if (existsSync('/usr/bin/chromium')) expect(existsSync(join(dist, `verksamhetsberattelse/${year}/verksamhetsberattelse-${year}.pdf`))).toBe(true);
  });
});
