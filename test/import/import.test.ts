import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastText } from 'hast-util-to-string';
import { select } from 'hast-util-select';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.js';
import { root, runCli, snapshot } from '../support/cli.js';
import { importSites } from './import-site.js';
import { bullet, docx, fromReportText, heading, image, listTable, paragraph } from './make-docx.js';

/*
 * `verksam import` on the organisation's real documents, through the real command line, into a
 * new site that has the real site's settings, areas and accessibility statement (no report, no
 * news yet), then built or checked as the editor would.
 */

const sources = join(root, 'test', 'fixtures', 'source-documents');
const sections = ['Aktiviteter', 'Indikatorer', 'Uppföljning'];
const newSite = importSites('verksam-import-');

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Sentences, split at ., ! or ? followed by a space: good enough to say each is on the page. */
const sentencesOf = (text: string) => normal(text).split(/(?<=[.!?])\s+/).filter(Boolean);

/** Each goal's text in the source, without its "Mål n" and section lines, bullets, emphasis marks and table markup. */
function sourceGoals(text: string): Map<number, string[]> {
  const goals = new Map<number, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    const goal = /^Mål (\d+)$/.exec(line.trim());
    if (goal) goals.set(Number(goal[1]), (current = []));
    else if (current && line.trim() && !sections.includes(line.trim())) {
      const words = line.replace(/<[^>]*>/g, ' ').replace(/^\s*-\s+/, '').replace(/\*/g, '');
      // a pasted table's cells: "| - A. - B. |" → "A.", "B."
      current.push(...(/\|/.test(words) ? words.split(/\||(?:^|\s)-\s+/).map((cell) => cell.trim()).filter((cell) => cell && !/^-+$/.test(cell)) : [words]));
    }
  }
  return goals;
}

describe('importing the 2019 report from Word', () => {
  it('writes goal files whose built pages contain every sentence of every goal', async () => {
    const text = await readFile(join(sources, 'verksamhetsberattelse-2019.txt'), 'utf8');
    const site = await newSite();
    await writeFile(join(site.cwd, 'verksamhetsberattelse-2019.docx'), await fromReportText(text, sections));

    const result = await runCli(['import', 'verksamhetsberattelse-2019.docx'], site.cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('som verksamhetsberättelse för 2019 med 15 mål');
    expect(result.stdout).toContain('content/verksamhetsberattelse/2019/mal-15.md');
    // what the source does not say is left for the editor, and said
    expect(result.stdout).toContain('published: källan anger inte när den publicerades');
    expect(result.stdout).toMatch(/area: källan anger inget område; "kurs-och-konferens"/);
    expect(result.stdout).toContain('inget mål fick status');
    const goalFile = await readFile(join(site.content, 'verksamhetsberattelse/2019/mal-05.md'), 'utf8');
    expect(goalFile).not.toMatch(/^status:/m);
    expect(goalFile).toContain('# area: antaget av verksam import');
    // the table with lists in its cells, under Indikatorer, is the goal's indicators
    expect(goalFile).toContain('  - text: Genomfört resa för 25 representanter från kommunerna.');
    // emphasis survives
    expect(await readFile(join(site.content, 'verksamhetsberattelse/2019/mal-01.md'), 'utf8')).toContain('"*Lär dig struktHURera*"');

    const built = await buildSite({ name: 'import-2019', contentDir: site.content });
    for (const [number, lines] of sourceGoals(text)) {
      const html = await readFile(join(built.outDir, 'verksamhetsberattelse/2019', `mal-${number}`, 'index.html'), 'utf8');
      const page = normal(hastText(select('main', fromHtml(html))!));
      const missing = lines.flatMap(sentencesOf).filter((sentence) => !page.includes(sentence));
      expect(missing, `mål ${number}`).toEqual([]);
    }
    const index = normal(hastText(select('main', fromHtml(await readFile(join(built.outDir, 'verksamhetsberattelse/2019/index.html'), 'utf8')))!));
    expect(index).toContain('Verksamhetsberättelse 2019');
  });
});

describe('importing the news archive from plain text', () => {
  it('writes one draft news item per title, with every paragraph of the source', async () => {
    const text = await readFile(join(sources, 'nyhetsarkiv.txt'), 'utf8');
    const site = await newSite();
    const result = await runCli(['import', join(sources, 'nyhetsarkiv.txt')], site.cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('som ett nyhetsarkiv med 10 nyheter');
    expect(result.stdout).toContain('rubriken "Nyhetsarkiv" först i filen är arkivets rubrik');
    // the paragraph with a list pasted onto one line is reported, not rewritten
    expect(result.stdout).toMatch(/"Klimatanpassning i tillsynen Riktlinjer för oljeavskiljare .*" ser ut som en lista som klistrats in på en rad/);
    const files = (await readdir(join(site.content, 'nyheter'))).sort();
    expect(files).toHaveLength(10);
    expect(files).toContain('50-ar-med-av-media.md');
    const texts = await Promise.all(files.map((file) => readFile(join(site.content, 'nyheter', file), 'utf8')));
    for (const file of texts) {
      // no date in the source: a draft until the editor gives one
      expect(file).toMatch(/^draft: true$/m);
      expect(file).toContain('# date: okänt: källan anger inget datum');
    }
    const words = normal(texts.map((file) => file.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\/g, '')).join(' '));
    const paragraphs = text.split('\n').map((line) => line.trim()).filter((line) => line && line !== 'Nyhetsarkiv');
    expect(paragraphs.filter((line) => !words.includes(normal(line)))).toEqual([]);

    // published once dated: the editor's date makes the item a page
    const item = join(site.content, 'nyheter', '50-ar-med-av-media.md');
    await writeFile(item, (await readFile(item, 'utf8')).replace(/^date: .*$/m, 'date: 2021-03-01').replace(/^draft: true$/m, 'draft: false'));
    const check = await runCli(['check', '--now', '2024-01-01'], site.cwd);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const built = await buildSite({ name: 'import-news', contentDir: site.content });
    const page = normal(hastText(fromHtml(await readFile(join(built.outDir, 'nyheter/2021/50-ar-med-av-media/index.html'), 'utf8'))));
    expect(page).toContain('AV-Media har servat länets skolor och förskolor med film för undervisning sedan 1971.');
  });

  it('never overwrites: a second import picks free names and says which', async () => {
    const site = await newSite();
    await runCli(['import', join(sources, 'nyhetsarkiv.txt')], site.cwd);
    const before = await snapshot(site.content);
    const again = await runCli(['import', join(sources, 'nyhetsarkiv.txt')], site.cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('en nyhet med namnet 50-ar-med-av-media finns redan; den här skrevs som 50-ar-med-av-media-2.md.');
    const after = await snapshot(site.content);
    for (const [path, hash] of Object.entries(before)) expect(after[path]).toBe(hash);
  });

  it('refuses to write a report over an existing one, and changes nothing', async () => {
    const site = await newSite();
    await writeFile(join(site.cwd, 'rapport.txt'), 'Verksamhetsberättelse 2019\n\nMål 1\n\nEtt mål.\n');
    expect((await runCli(['import', 'rapport.txt'], site.cwd)).code).toBe(0);
    const before = await snapshot(site.content);
    const again = await runCli(['import', 'rapport.txt'], site.cwd);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Det finns redan en verksamhetsberättelse för 2019 (content/verksamhetsberattelse/2019/index.md); verksam import skriver aldrig över filer.');
    expect(await snapshot(site.content)).toEqual(before);
  });
});

describe('files that cannot be read as asked', () => {
  const refused = async (name: string, bytes: Buffer | undefined) => {
    const site = await newSite();
    if (bytes) await writeFile(join(site.cwd, name), bytes);
    const result = await runCli(['import', name], site.cwd);
    expect(result.code).toBe(2);
    expect(await readdir(site.content)).toEqual(['omraden', 'site.yaml', 'tillganglighet.md']);
    return result.stderr.trim();
  };
  const cfb = (withEncryption: boolean) =>
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), withEncryption ? Buffer.from('EncryptedPackage', 'utf16le') : Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(512)]);

  it('says a missing file does not exist', async () => {
    expect(await refused('saknas.docx', undefined)).toBe('Filen "saknas.docx" finns inte; kontrollera namnet och mappen.');
  });
  it('says a renamed text file is no Word document', async () => {
    expect(await refused('rapport.docx', Buffer.from('Mål 1\n\nText.\n'))).toBe(
      '"rapport.docx" är inget Word-dokument: en .docx-fil är ett zip-arkiv, och den här är det inte. Den innehåller vanlig text: byt ändelsen till .txt om det är en textfil.',
    );
  });
  it('says a password-protected Word file must be saved without its password', async () => {
    expect(await refused('hemlig.docx', cfb(true))).toMatch(/^Word-filen "hemlig.docx" är lösenordsskyddad och går inte att läsa\./);
  });
  it('says an old binary Word file must be saved as .docx', async () => {
    expect(await refused('gammal.docx', cfb(false))).toMatch(/^"gammal.docx" är en äldre Word-fil \(\.doc\)/);
    expect(await refused('gammal.doc', cfb(false))).toMatch(/^"gammal.doc" är en äldre Word-fil \(\.doc\)/);
  });
  it('says a zip that is no Word document cannot be read', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect(await refused('trasig.docx', zip)).toMatch(/är ett zip-arkiv men inget Word-dokument/);
  });
});

describe('what copy and paste does to a text', () => {
  /** Imports a one-goal report made of `children` and returns the goal file and the report. */
  async function importGoal(children: Parameters<typeof docx>[0]) {
    const site = await newSite();
    await writeFile(join(site.cwd, 'mal.docx'), await docx([heading('Verksamhetsberättelse 2021'), heading('Mål 1'), paragraph('Målet.'), ...children]));
    const result = await runCli(['import', 'mal.docx'], site.cwd);
    expect(result.stderr).toBe('');
    const goal = await readFile(join(site.content, 'verksamhetsberattelse/2021/mal-01.md'), 'utf8');
    const check = await runCli(['check'], site.cwd);
    return { site, goal, report: result.stdout, check };
  }

  it('makes flattened lists lists again, and says so', async () => {
    const { goal, report, check } = await importGoal([
      heading('Aktiviteter', 2),
      paragraph('Genomföra temadagar inom:'),
      paragraph('Vattenskyddsföreskrifter'),
      paragraph('Olje- och fettavskiljare'),
      paragraph('- Upphandla en kurs.'),
      paragraph('• Utvärdera kursen.'),
      heading('Uppföljning', 2),
      paragraph('Klart.'),
    ]);
    expect(goal).toContain('Genomföra temadagar inom:\n\n- Vattenskyddsföreskrifter\n- Olje- och fettavskiljare');
    expect(goal).toContain('- Upphandla en kurs.\n- Utvärdera kursen.');
    // under the file the list is in, so the editor knows where to look
    expect(report).toContain('Ändrat vid importen:\n  content/verksamhetsberattelse/2021/mal-01.md:\n    raderna efter ett kolon ("Vattenskyddsföreskrifter" och 1 till) blev en punktlista');
    expect(check.code).toBe(0);
  });

  it('keeps a table with lists in its cells as a table, which the site shows', async () => {
    const { site, goal, check } = await importGoal([
      heading('Aktiviteter', 2),
      listTable([['Skola', 'Förskola'], ['Vård', 'Omsorg']]),
      heading('Uppföljning', 2),
      paragraph('Klart.'),
    ]);
    expect(goal).toMatch(/<table>.*<li>Skola<\/li>.*<li>Omsorg<\/li>.*<\/table>/s);
    expect(check.code).toBe(0);
    const built = await buildSite({ name: 'import-table', contentDir: site.content });
    const page = fromHtml(await readFile(join(built.outDir, 'verksamhetsberattelse/2021/mal-1/index.html'), 'utf8'));
    expect(hastText(select('main table li', page)!)).toBe('Skola');
  });

  it('keeps a line starting with the quote dash as a paragraph, and reports it', async () => {
    const { goal, report, check } = await importGoal([
      heading('Aktiviteter', 2),
      paragraph('– Det har gått över förväntan, säger projektledaren.'),
      heading('Uppföljning', 2),
      paragraph('ProjektetMotivation avslutades. Läs rapporten.'),
    ]);
    expect(goal).toContain('\n– Det har gått över förväntan, säger projektledaren.\n');
    expect(goal).not.toMatch(/^- Det har/m);
    expect(report).toContain('Stycket "– Det har gått över förväntan, säger projektledaren." börjar med ett tankstreck. Det behölls som ett stycke');
    expect(report).toContain('"ProjektetMotivation" ser ut som två ord som gått ihop');
    expect(check.code).toBe(0);
  });

  it('adds empty sections the source lacks, so the goal passes check, and says so', async () => {
    const { goal, report, check } = await importGoal([heading('Aktiviteter', 2), bullet('Något.')]);
    expect(goal).toContain('## Uppföljning');
    expect(report).toContain('avsnittet Uppföljning fanns inte i källan; en tom rubrik lades till');
    expect(check.code).toBe(0);
  });

  it('keeps the images of a Word file, with their alt text or a note that it is missing', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#306' } }).png().toBuffer();
    const { site, goal, report, check } = await importGoal([heading('Aktiviteter', 2), image(png, 'Deltagare på temadagen'), image(png), heading('Uppföljning', 2), paragraph('Klart.')]);
    expect(goal).toContain('![Deltagare på temadagen](bilder/mal-bild-1.png)');
    expect(goal).toContain('![](bilder/mal-bild-2.png)');
    expect(await readFile(join(site.content, 'bilder/mal-bild-1.png'))).toEqual(png);
    expect(report).toContain('bilden bilder/mal-bild-2.png saknar alt-text i dokumentet');
    // only the editor knows what the image shows: check points at it until the alt text is written
    const line = goal.split('\n').findIndex((text) => text.includes('![](bilder/mal-bild-2.png)')) + 1;
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(new RegExp(`mal-01\\.md:${line}:\\d+ +fel .*\\[missing-alt\\]`));
    const described = goal.replace('![](bilder/mal-bild-2.png)', '![Ett lila fält](bilder/mal-bild-2.png)');
    await writeFile(join(site.content, 'verksamhetsberattelse/2021/mal-01.md'), described);
    expect((await runCli(['check'], site.cwd)).code).toBe(0);
  });
});
