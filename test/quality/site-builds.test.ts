import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, siteSources } from '../support/build-site.js';

/*
 * The gate tests share their builds: a site (with a given base URL) is built once per test run
 * by `node bin/verksam.js build`, and every test file that asks gets the same folder.
 */

describe('the gate tests\' site builds', () => {
  const basic = siteSources().find((source) => source.name === 'basic')!;

  it('build a site once and hand every request the same folder', async () => {
    const [first, second] = await Promise.all([buildSite(basic), buildSite(basic)]);
    expect(second.outDir).toBe(first.outDir);
    expect(existsSync(join(first.outDir, 'index.html'))).toBe(true);
    expect((await buildSite(basic)).outDir).toBe(first.outDir);
  });

  it('build a site for another base URL into a folder of its own', async () => {
    const root = await buildSite(basic);
    const sub = await buildSite(basic, { baseUrl: 'https://org.github.io/repo' });
    expect(sub.outDir).not.toBe(root.outDir);
    expect(sub.basePath).toBe('/repo/');
  });
});
