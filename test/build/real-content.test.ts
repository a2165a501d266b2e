import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runCli, snapshot, tempDir, type CliResult } from '../support/cli.js';

// A copy of ../shared/source-documents, so the test runs in any clone.
const sources = join(root, 'test', 'fixtures', 'source-documents');
const sourceDocuments = ['verksamhetsberattelse-2019.txt', 'nyhetsarkiv.txt', 'nyhetsbrev-forsta-numret.txt'];

interface Repair {
  document: string;
  from: string;
  to: string;
}

let dir: string;
let out: string;
let result: CliResult;
let contentBefore: Record<string, string>;

beforeAll(async () => {
  dir = await tempDir();
  out = join(dir, 'dist');
  contentBefore = await snapshot(join(root, 'content'));
  result = await runCli(['build', '--out', out]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const page = (path: string) => readFile(join(out, path), 'utf8');

/** Text as a reader sees it: no markup, one kind of space and hyphen. */
const normalise = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2011/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

describe('the real content', () => {
  it('builds with exit code 0 and a summary line', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^verksam: \d+ sidor skrevs till .* på [\d,]+ s\.$/m);
  });

  it('writes every page kind the issue names', () => {
    const expected = [
      'index.html',
      '404.html',
      'stil.css',
      'omraden/index.html',
      'omraden/av-media/index.html',
      'omraden/miljosamverkan-sydost/index.html',
      'verksamhetsberattelse/index.html',
      'verksamhetsberattelse/2019/index.html',
      ...Array.from({ length: 15 }, (_, index) => `verksamhetsberattelse/2019/mal-${index + 1}/index.html`),
      'projekt/index.html',
      'projekt/vi-blir-fler-iko/index.html',
      'projekt/motivation-leder-till-framgang/index.html',
      'projekt/casypot/index.html',
      'projekt/samverkan-leder-till-arbete/index.html',
      'projekt/fortsatt-samverkan-leder-till-arbete/index.html',
      'projekt/digitala-kommuner-i-kalmar-lan/index.html',
      'projekt/elevhalsoprojektet/index.html',
      'projekt/pa-egna-ben/index.html',
      'nyheter/index.html',
      'nyheter/2021/index.html',
      'nyheter/2021/50-ar-med-av-media/index.html',
      'nyhetsbrev/index.html',
      // reader features (issue 5)
      'sok/index.html',
      'sok.js',
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'tillganglighet/index.html',
      'sitemap.xml',
      'robots.txt',
      'nyheter/atom.xml',
      'nyheter/rss.xml',
      'nyheter/feed.json',
      'omraden/av-media/atom.xml',
      'omraden/miljosamverkan-sydost/rss.xml',
      'verksamhetsberattelse/2019/verksamhetsberattelse-2019.pdf',
    ];
    const missing = expected.filter((path) => !existsSync(join(out, path)));
    expect(missing).toEqual([]);
  });

  it('never changes the content folder', async () => {
    expect(await snapshot(join(root, 'content'))).toEqual(contentBefore);
  });

  it('shows every sentence of the source documents somewhere on the built site', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(out, { recursive: true })).filter((name) => String(name).endsWith('.html'));
    const texts = await Promise.all(files.map(async (name) => normalise(toString(fromHtml(await page(String(name))) as Root))));
    const site = texts.join('\n');
    const repairs = JSON.parse(await readFile(join(root, 'test', 'fixtures', 'source-repairs.json'), 'utf8')) as Repair[];

    const missing: string[] = [];
    let checked = 0;
    for (const document of sourceDocuments) {
      let text = await readFile(join(sources, document), 'utf8');
      for (const repair of repairs.filter((item) => item.document === document)) {
        expect(text, `repair "${repair.from.slice(0, 40)}" must match ${document}`).toContain(repair.from);
        text = text.replace(repair.from, repair.to);
      }
      for (const line of text.split('\n')) {
        const clean = normalise(line.replace(/^\s*(?:[-•]\s+)/, '').replace(/\*/g, ''));
        if (!clean) continue;
        for (const sentence of clean.split(/(?<=[.!?])\s+/)) {
          checked++;
          if (!site.includes(sentence)) missing.push(`${document}: ${sentence}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('shows the report with every goal and its three sections, and no status the report does not state', async () => {
    const html = await page('verksamhetsberattelse/2019/index.html');
    for (let number = 1; number <= 15; number++) expect(html).toContain(`id="mal-${number}"`);
    expect(html.match(/>Aktiviteter</g)).toHaveLength(15);
    expect(html.match(/>Indikatorer</g)).toHaveLength(15);
    expect(html.match(/>Uppföljning</g)).toHaveLength(15);
    // the 2019 report assesses none of its goals: the site must not claim it did
    expect(html).toContain('Inget av de 15 målen har bedömts i rapporten.');
    expect(html).not.toMatch(/uppfyllda|status--(?:uppfyllt|delvis-uppfyllt|ej-uppfyllt|pagaende)/);
    const home = await page('index.html');
    expect(home).toContain('Inget av de 15 målen har bedömts i rapporten.');
    for (let number = 1; number <= 15; number++) expect(await page(`verksamhetsberattelse/2019/mal-${number}/index.html`)).toContain('Målet har inte bedömts i rapporten.');
  });

  it('links a project to the goals and news that name it', async () => {
    const html = normalise(toString(fromHtml(await page('projekt/vi-blir-fler-iko/index.html')) as Root));
    expect(html).toContain('Mål 13 (2019)');
    expect(html).toContain('Med bättre integrationsarbete i sikte');
  });
});

/** The parts of a PDF a test needs, read from Chromium's uncompressed document structure. */
function pdfFacts(pdf: Buffer): { title?: string; language?: string; tagged: boolean; pages: number } {
  const text = pdf.toString('latin1');
  const hex = /\/Title <FEFF([0-9A-F]+)>/.exec(text)?.[1];
  const title = hex
    ? String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)))
    : /\/Title \(([^)]*)\)/.exec(text)?.[1];
  return {
    title,
    language: /\/Lang \(([^)]*)\)/.exec(text)?.[1],
    tagged: /\/StructTreeRoot \d+ 0 R/.test(text) && /\/Marked true/.test(text),
    // one page object per page: "/Type /Page", not the page tree's "/Type /Pages"
    pages: [...text.matchAll(/\/Type \/Page(?![a-zA-Z])/g)].length,
  };
}

describe('the print edition', () => {
  const pdfPath = 'verksamhetsberattelse/2019/verksamhetsberattelse-2019.pdf';

  it('is a tagged PDF with the report\'s title and Swedish as its language, of several pages', async () => {
    const pdf = await readFile(join(out, pdfPath));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const facts = pdfFacts(pdf);
    expect(facts.title).toBe('Verksamhetsberättelse 2019 – Kommunförbundet Kalmar län');
    expect(facts.language).toBe('sv');
    expect(facts.tagged).toBe(true);
    expect(facts.pages).toBeGreaterThan(1);
    expect(facts.pages).toBeLessThan(100);
    // dated by the report, not by the clock, so the same content gives the same file
    expect(pdf.toString('latin1')).toContain('/CreationDate (D:20200331000000');
  });

  it('is linked from the report page with its size, and named in the build\'s summary', async () => {
    const bytes = (await readFile(join(out, pdfPath))).length;
    const html = normalise(toString(fromHtml(await page('verksamhetsberattelse/2019/index.html')) as Root));
    const size = bytes < 1_000_000 ? `${Math.round(bytes / 1000)} kB` : `${(bytes / 1_000_000).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
    expect(html).toContain(`Verksamhetsberättelse 2019 som PDF (PDF, ${size})`);
    expect(await page('verksamhetsberattelse/2019/index.html')).toContain('href="/verksamhetsberattelse/2019/verksamhetsberattelse-2019.pdf"');
    expect(result.stdout).toContain(`verksam: ${pdfPath} (${size}) skrevs.`);
    const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(await page('verksamhetsberattelse/2019/index.html'))?.[1];
    expect(JSON.parse(jsonLd!)).toMatchObject({ '@type': 'Report', encoding: { contentUrl: `https://www.kfkl.se/${pdfPath}`, encodingFormat: 'application/pdf' } });
  });
});

describe('key figures the 2019 report states', () => {
  it('shows them with the stated changes, in Swedish number format', async () => {
    const goal3 = normalise(toString(fromHtml(await page('verksamhetsberattelse/2019/mal-3/index.html')) as Root));
    expect(goal3).toContain('Pedagoger på kurser och aktiviteter2 500 personer2 200 personer+13,6 %');
    expect(goal3).toContain('Deltagare i den digitala veckan (runt)165 personer');
    const goal5 = normalise(toString(fromHtml(await page('verksamhetsberattelse/2019/mal-5/index.html')) as Root));
    expect(goal5).toContain('Strömmad film255 680 gånger+4,3 %');
  });
});
