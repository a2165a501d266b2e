import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAllSites, cleanupAll, siteSources, type BuiltSite } from '../support/build-site.js';
import { formatHtmlIssues, validateHtmlFiles } from '../support/html-validate.js';
import { listPages } from '../support/site-pages.js';

/*
 * Valid HTML: every generated .html file of the real site and of every valid fixture site passes
 * html-validate (recommended + document presets, see test/support/html-validate.ts) with zero
 * errors. Runs without a browser.
 */

describe('html-validate on every generated page', () => {
  let sites: BuiltSite[] = [];

  beforeAll(async () => {
    sites = await buildAllSites();
  });

  afterAll(async () => {
    await cleanupAll(sites);
  });

  it.each(siteSources().map((source) => source.name))('%s: zero errors', async (name) => {
    const site = sites.find((candidate) => candidate.source.name === name);
    if (!site) throw new Error(`site ${name} was not built`);
    const pages = await listPages(site.outDir);
    expect(pages.length, `${name} has no pages`).toBeGreaterThan(0);
    const issues = await validateHtmlFiles(
      pages.map((page) => page.file),
      site.outDir,
    );
    expect(issues.length, `${name}: ${formatHtmlIssues(issues)}\n`).toBe(0);
  });
});
