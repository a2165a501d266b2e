import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
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

/** A source document with the repairs of test/fixtures/source-repairs.json made. */
async function repairedSource(document: string): Promise<string> {
  const repairs = JSON.parse(await readFile(join(root, 'test', 'fixtures', 'source-repairs.json'), 'utf8')) as Repair[];
  let text = await readFile(join(sources, document), 'utf8');
  for (const repair of repairs.filter((item) => item.document === document)) {
    expect(text, `repair "${repair.from.slice(0, 40)}" must match ${document}`).toContain(repair.from);
    text = text.replace(repair.from, repair.to);
  }
  return text;
}

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

    const missing: string[] = [];
    let checked = 0;
    for (const document of sourceDocuments) {
      const text = await repairedSource(document);
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
    // each goal's sections, as headings of its text (the overview table names indicators in a column too)
    expect(html.match(/<h\d[^>]*>Aktiviteter</g)).toHaveLength(15);
    expect(html.match(/<h\d[^>]*>Indikatorer</g)).toHaveLength(15);
    expect(html.match(/<h\d[^>]*>Uppföljning</g)).toHaveLength(15);
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
    // printed now, or taken from the cache when this working folder built the same report before
    expect(result.stdout).toMatch(new RegExp(`^verksam: ${pdfPath.replace(/[.]/g, '\\.')} \\(${size}\\) skrevs(\\.|, återanvänd: inget den skrivs ut från har ändrats\\.)$`, 'm'));
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

/** Each goal's "Indikatorer" in the 2019 source: its list items, and any text that is not one. */
async function sourceIndicators(): Promise<Map<number, { items: string[]; prose: string[] }>> {
  const text = await repairedSource('verksamhetsberattelse-2019.txt');
  const goals = new Map<number, { items: string[]; prose: string[] }>();
  for (const part of text.split(/^Mål (?=\d+$)/m).slice(1)) {
    const number = Number(/^\d+/.exec(part)![0]);
    const section = /^Indikatorer$([\s\S]*?)^Uppföljning$/m.exec(part)![1]!;
    const lines = section.split('\n').map((line) => line.trim()).filter(Boolean);
    goals.set(number, {
      items: lines.filter((line) => line.startsWith('- ')).map((line) => normalise(line.slice(2).replace(/\*/g, ''))),
      prose: lines.filter((line) => !line.startsWith('- ')).map(normalise),
    });
  }
  return goals;
}

describe('indicators of the 2019 report', () => {
  // The only indicators whose target and outcome the report states both of: [target, outcome].
  const stated: Record<number, Record<string, [string, string]>> = {
    4: { 'Upphandlat och genomfört resa till Skolriksdag 2019 för 100 personer från länet.': ['100 personer', '129 personer'] },
    5: {
      'AV-Media har synliggjort sin verksamhet på större mötesplatser för verksamma inom skola och förskola vid minst fyra tillfällen.': ['4 tillfällen', '4 tillfällen'],
      'Genomfört resa för 25 representanter från kommunerna.': ['25 personer', '14 personer'],
    },
    10: { 'Planerat och genomfört åtta nätverksträffar. Avrapporterat omvärldsbevakning vid nätverksträffar.': ['8 nätverksträffar', '8 nätverksträffar'] },
    12: {
      'Påbörjat samtliga tre mål, med underliggande fem delmål, i RDA inom området e-hälsa. Samtliga tre mål ska vara genomförda 2020.': ['3 påbörjade mål', '3 påbörjade mål'],
    },
    14: {
      'Genomfört sex kunskapshöjande aktiviteter för projektets deltagare och aktörer.': ['6 aktiviteter', '67 aktiviteter'],
      'Genomfört tre till fyra AME-träffar': ['tre till fyra AME-träffar', '3 AME-träffar'],
    },
    15: { 'Genomfört fem av sex projekt.': ['5 projekt', '5 projekt'], 'Genomfört totalt sex temadagar.': ['6 temadagar', '6 temadagar'] },
  };

  it("shows each goal's indicators as a table of the source's list items, word for word, with only the values the report states", async () => {
    const source = await sourceIndicators();
    expect([...source.keys()]).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
    for (const [number, { items, prose }] of source) {
      const tree = fromHtml(await page(`verksamhetsberattelse/2019/mal-${number}/index.html`));
      const section = select('section:has(> #indikatorer)', tree);
      expect(section, `mål ${number}`).toBeDefined();
      const rows = selectAll('table.indicator-table tbody tr', section!).map((row) => ({
        text: normalise(toString(select('th', row)!)),
        target: normalise(toString(select('td[data-label="Målvärde"]', row)!)),
        outcome: normalise(toString(select('td[data-label="Utfall 2019"]', row)!)),
        assessment: normalise(toString(select('td[data-label="Bedömning"]', row)!)),
      }));
      expect(rows.map((row) => row.text), `mål ${number}`).toEqual(items);
      for (const row of rows) {
        expect([row.target, row.outcome], `mål ${number}: ${row.text}`).toEqual(stated[number]?.[row.text] ?? ['Anges inte', 'Anges inte']);
        expect(row.assessment).toBe('Ej bedömd');
      }
      // text that is no indicator stays in the section, before the table
      const before = normalise(selectAll('p', section!).map((node) => toString(node)).join(' '));
      expect(before, `mål ${number}`).toBe(normalise(prose.join(' ')));
    }
    // every stated value belongs to a list item the source has
    for (const [number, values] of Object.entries(stated)) for (const text of Object.keys(values)) expect(source.get(Number(number))!.items).toContain(text);
  });
});
