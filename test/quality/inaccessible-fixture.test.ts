import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build-site.js';
import { axeCheck, chromiumAvailable, formatAxeViolations, javaAvailable, launchBrowser, type AxeViolation } from '../support/browser.js';
import { formatHtmlIssues, validateHtmlFiles } from '../support/html-validate.js';
import { formatNuErrors, nuCheck } from '../support/nu-checker.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/*
 * The gates must be able to fail. A hand-written page with an image without alt text and an h1
 * followed by an h3 goes through the same helpers the site is checked with (axe-core,
 * html-validate, the Nu checker); each must report both defects in a message that names the
 * rule (or says what is wrong) and the page.
 */

const fixtureDir = join(repoRoot, 'test', 'fixtures', 'inaccessible');
const fixturePage = join(fixtureDir, 'index.html');

describe('html-validate gate on the inaccessible fixture', () => {
  it('reports the image without alt text and the skipped heading level, naming page and rule', async () => {
    const issues = await validateHtmlFiles([fixturePage], repoRoot);
    // Exactly the two planted defects: <img> without alt (wcag/h37) and h1 → h3 (heading-level).
    expect(issues.map((issue) => issue.rule).sort()).toEqual(['heading-level', 'wcag/h37']);

    const report = formatHtmlIssues(issues);
    expect(report).toMatch(/test\/fixtures\/inaccessible\/index\.html:13:\d+ +wcag\/h37 /);
    expect(report).toMatch(/test\/fixtures\/inaccessible\/index\.html:11:\d+ +heading-level /);
  });
});

const hasJava = javaAvailable();

describe.skipIf(!hasJava)('Nu checker gate on the inaccessible fixture', () => {
  it('reports the image without alt text and the skipped heading level, naming the page', async () => {
    const report = formatNuErrors(await nuCheck([fixturePage]));
    expect(report).toMatch(/test\/fixtures\/inaccessible\/index\.html:13:\d+ +An “img” element must have an “alt” attribute/);
    expect(report).toMatch(/test\/fixtures\/inaccessible\/index\.html:11:\d+ +The heading “h3” .* skipping 1 heading level/);
  });
});

const hasChromium = chromiumAvailable();

describe.skipIf(!hasChromium)('axe gate on the inaccessible fixture', () => {
  let server: StaticServer;
  let browser: Browser;
  let violations: AxeViolation[];

  beforeAll(async () => {
    server = await startStaticServer(fixtureDir);
    browser = await launchBrowser();
    const context = await browser.newContext();
    violations = await axeCheck(await context.newPage(), server.url('/'), 'inaccessible-fixture /');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reports exactly the two planted defects', () => {
    expect(violations.map((violation) => violation.rule).sort(), formatAxeViolations(violations)).toEqual(['heading-order', 'image-alt']);
  });

  it('reports the image without alt text', () => {
    const imageAlt = violations.find((violation) => violation.rule === 'image-alt');
    expect(imageAlt, formatAxeViolations(violations)).toBeDefined();
    expect(imageAlt?.targets).toEqual(['img']);
  });

  it('reports the skipped heading level', () => {
    const headingOrder = violations.find((violation) => violation.rule === 'heading-order');
    expect(headingOrder, formatAxeViolations(violations)).toBeDefined();
    expect(headingOrder?.targets).toEqual(['h3']);
  });

  it('makes a readable failure message naming page, rule, element and help URL', () => {
    const report = formatAxeViolations(violations);
    expect(report).toContain('inaccessible-fixture /  [image-alt]');
    expect(report).toContain('element: img');
    expect(report).toContain('help: https://dequeuniversity.com/rules/axe/4.13/image-alt');
    expect(report).toContain('inaccessible-fixture /  [heading-order]');
    expect(report).toContain('element: h3');
  });
});
