import { relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAllSites, cleanupAll, type BuiltSite } from '../support/build-site.js';
import { javaAvailable } from '../support/browser.js';
import { formatNuErrors, nuCheck } from '../support/nu-checker.js';
import { listPages } from '../support/site-pages.js';

/*
 * The W3C Nu HTML checker over every generated page of the real site and of every valid fixture
 * site, in one JVM run: zero errors.
 */

const hasJava = javaAvailable();

describe.skipIf(!hasJava)('W3C Nu checker on every generated page', () => {
  let sites: BuiltSite[] = [];

  beforeAll(async () => {
    sites = await buildAllSites();
  });

  afterAll(async () => {
    await cleanupAll(sites);
  });

  it('reports zero errors', async () => {
    const files: string[] = [];
    for (const site of sites) {
      const pages = await listPages(site.outDir);
      expect(pages.length, `${site.source.name} has no pages`).toBeGreaterThan(0);
      files.push(...pages.map((page) => page.file));
    }
    const errors = await nuCheck(files);
    const label = (file: string): string => {
      const site = sites.find((candidate) => file.startsWith(candidate.outDir + sep));
      return site ? `${site.source.name}: ${relative(site.outDir, file)}` : file;
    };
    expect(errors.length, `${formatNuErrors(errors, label)}\n`).toBe(0);
  });
});
