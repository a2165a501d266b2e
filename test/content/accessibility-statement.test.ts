import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, loadSite, type SiteBuild } from '../../src/build.js';
import { checkContent } from '../../src/commands/check.js';
import { contentWarnings, oneYearBefore } from '../../src/content/warnings.js';
import { deriveRoutes } from '../../src/routes/routes.js';
import { pageContext } from '../../src/render/render.js';
import { BuildSession } from '../../src/session/session.js';
import { copyContent, fixture, root, runCli } from '../support/cli.js';
import { area, contentError, places, removeSites, siteYaml, writeSite } from './temp-site.js';
import { select } from '../support/hast.js';

/*
 * The accessibility statement (tillgänglighetsredogörelse) at /tillganglighet/, made from
 * content/tillganglighet.md with the items Digg requires, linked from every page's footer; and
 * `verksam check` warning when its assessment is more than a year old.
 */

const text = (html: string) => toString(fromHtml(html)).replace(/[\u00a0\u2011]/g, (c) => (c === '\u2011' ? '-' : ' ')).replace(/\s+/g, ' ');

let basic: SiteBuild;
let real: SiteBuild;
const html = (site: SiteBuild, path: string) => String(site.files.find((file) => file.path === path)?.contents);

beforeAll(async () => {
  [basic, real] = await Promise.all([buildSite({ contentDir: fixture('basic') }), buildSite({ contentDir: join(root, 'content') })]);
});
afterAll(removeSites);

const statement = (fields: string) => `---\n${fields}\n---\n`;
const valid = [
  'compliance: helt',
  'assessed: 2026-01-15',
  'method: [Automatiska tester.]',
  'updated: 2026-01-20',
  'contact:',
  '  email: info@test.example',
].join('\n');

describe('the accessibility statement page', () => {
  it('has every item Digg requires, for a partly compliant site with a known shortcoming', () => {
    const page = text(html(basic, 'tillganglighet/index.html'));
    for (const part of [
      'Testförbundet står bakom webbplatsen test.example',
      'Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service',
      'WCAG 2.1 nivå AA',
      'Filmer utan textning. Två filmer från 2020 saknar textning. Vi textar dem under 2026.',
      'Bristande förenlighet med lagkraven',
      'Innehåll som inte omfattas av lagen',
      'Dokument från före 2018.',
      'Automatiska tester av varje sida.',
      'Vi svarar inom två arbetsdagar.',
      'Testförbundets redogörelse, för tester.',
      'Tillsyn',
    ]) {
      expect(page).toContain(part);
    }
    expect(page).toMatch(/Senaste bedömning ?15 januari 2026 ?Webbplatsen publicerades ?1 januari 2020 ?Redogörelsen uppdaterades ?20 januari 2026/);
    const links = select(fromHtml(html(basic, 'tillganglighet/index.html')) as Root, (element) => element.tagName === 'a').map((element) => String(element.properties.href));
    expect(links).toContain('https://www.digg.se/tdosanmalan');
    expect(links).toContain('mailto:info@test.example');
  });

  it('on the real site: fully compliant, no known shortcomings, the real method and contact', () => {
    const page = text(html(real, 'tillganglighet/index.html'));
    expect(page).toContain('Kommunförbundet Kalmar län står bakom webbplatsen www.kfkl.se');
    expect(page).toContain('Vi känner inte till några brister i webbplatsens tillgänglighet. Webbplatsen är helt förenlig med lagen');
    expect(page).toContain('axe-core');
    expect(page).toContain('html-validate');
    expect(page).toContain('Nu-validator');
    expect(page).toContain('Tangentbordstester');
    expect(page).toContain('Manuell granskning');
    expect(page).toContain('E-post: info@kfkl.se');
    expect(html(real, 'tillganglighet/index.html')).toContain('href="https://www.digg.se/tdosanmalan"');
  });

  it('is linked from the footer of every page', () => {
    for (const site of [basic, real]) {
      const pages = site.files.filter((file) => file.path.endsWith('.html') && !file.path.endsWith('email.html'));
      expect(pages.length).toBeGreaterThan(20);
      for (const file of pages) {
        const [footer] = select(fromHtml(String(file.contents)) as Root, (element) => element.tagName === 'footer');
        const hrefs = select(footer!, (element) => element.tagName === 'a').map((element) => String(element.properties.href));
        expect(hrefs, file.path).toContain('/tillganglighet/');
      }
    }
  });

  it('is a page only when the content has a statement, and every page depends on whether it does', async () => {
    const without = await writeSite({ 'site.yaml': siteYaml, 'omraden/a.md': area('A', 1) });
    const graph = await loadSite({ contentDir: without, cwd: without });
    const routes = deriveRoutes(graph);
    expect(routes.some((route) => route.kind === 'accessibility')).toBe(false);
    expect(routes.some((route) => route.kind === 'search')).toBe(true);
    const withStatement = await loadSite({ contentDir: fixture('basic'), cwd: fixture('basic') });
    for (const route of deriveRoutes(withStatement)) expect(pageContext(withStatement, route).accessibilityStatement, route.path).toBe(true);
    for (const route of routes) expect(pageContext(graph, route).accessibilityStatement, route.path).toBe(false);
  });

  it('renders only its own page again when the statement changes', async () => {
    const content = await copyContent(fixture('basic'));
    try {
      const session = new BuildSession({ contentDir: content, cwd: dirname(content), drafts: false, today: '2026-06-01' });
      await session.update();
      const file = join(content, 'tillganglighet.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('updated: 2026-01-20', 'updated: 2026-02-01'));
      const result = await session.update(['tillganglighet.md']);
      expect(result.rendered).toBe(1);
      expect(result.changed).toContain('tillganglighet/index.html');
      expect(result.changed.filter((path) => path.endsWith('.html'))).toEqual(['tillganglighet/index.html']);
    } finally {
      await rm(dirname(content), { recursive: true, force: true });
    }
  });
});

describe('the statement\'s content is checked', () => {
  it('refuses "helt" with known shortcomings, and "delvis" without any', async () => {
    const helt = await writeSite({
      'site.yaml': siteYaml,
      'tillganglighet.md': statement(`${valid}\nshortcomings:\n  - title: Brist\n    description: Text.\n    reason: brist`),
    });
    expect(places((await contentError(() => loadSite({ contentDir: helt, cwd: helt }))).messages)).toEqual(['tillganglighet.md:2:13 invalid-value']);
    const delvis = await writeSite({ 'site.yaml': siteYaml, 'tillganglighet.md': statement(valid.replace('helt', 'delvis')) });
    expect(places((await contentError(() => loadSite({ contentDir: delvis, cwd: delvis }))).messages)).toEqual(['tillganglighet.md:2:1 invalid-value']);
  });

  it('requires the assessment date, method, update date and a contact address', async () => {
    const dir = await writeSite({ 'site.yaml': siteYaml, 'tillganglighet.md': statement('compliance: helt') });
    const messages = (await contentError(() => loadSite({ contentDir: dir, cwd: dir }))).messages;
    expect(messages.map((message) => message.reason).join('\n')).toMatch(/"assessed" saknas[\s\S]*"method" saknas[\s\S]*"updated" saknas[\s\S]*"contact" saknas/);
  });
});

describe('verksam check and the age of the assessment', () => {
  it('counts a year back by the calendar', () => {
    expect(oneYearBefore('2027-03-01')).toBe('2026-03-01');
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
  });

  it('warns when the assessment is more than a year old, and not before', async () => {
    const graph = await loadSite({ contentDir: fixture('basic'), cwd: fixture('basic') });
    expect(contentWarnings(graph, '2027-01-15')).toEqual([]);
    const [stale] = contentWarnings(graph, '2027-01-16');
    expect(stale?.ruleId).toBe('stale-accessibility-statement');
    expect(stale?.fatal).toBe(false);
    expect(`${stale?.file}:${stale?.line}:${stale?.column}`).toBe('tillganglighet.md:3:11');
  });

  it('prints the warning with file and line, and still exits 0; JSON lists it under warnings', async () => {
    const [text, json] = await Promise.all([
      runCli(['check', '--content', fixture('basic'), '--now', '2027-03-01']),
      runCli(['check', '--content', fixture('basic'), '--now', '2027-03-01', '--format', 'json']),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^verksam: innehållet är giltigt/);
    expect(text.stderr).toMatch(/tillganglighet\.md:3:11 {2}varning {2}Fältet "assessed": tillgängligheten bedömdes senast 2026-01-15, för mer än ett år sedan\..*\[stale-accessibility-statement\]/);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { ok: boolean; warnings: { rule: string; line: number }[] };
    expect(report.ok).toBe(true);
    expect(report.warnings.map((warning) => `${warning.line} ${warning.rule}`)).toEqual(['3 stale-accessibility-statement']);
  });

  it('warns when a site has no statement at all, naming site.yaml', async () => {
    const dir = await writeSite({ 'site.yaml': siteYaml, 'omraden/a.md': area('A', 1) });
    const result = await checkContent({ contentDir: dir, cwd: dir });
    expect(result.ok && result.warnings.map((warning) => `${warning.file} ${warning.ruleId}`)).toEqual(['site.yaml missing-accessibility-statement', 'site.yaml missing-navigation']);
    const fresh = await checkContent({ contentDir: fixture('basic'), cwd: fixture('basic'), today: '2026-06-01' });
    expect(fresh.ok && fresh.warnings).toEqual([]);
  });
});
