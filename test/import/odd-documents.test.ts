import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { ExternalHyperlink, FootnoteReferenceRun, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import fc from 'fast-check';
import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { findDate } from '../../src/import/found-date.js';
import { findSourceProblems } from '../../src/import/source-problems.js';
import { goalLine } from '../../src/import/report-split.js';
import { textToMdast } from '../../src/import/text.js';
import { isKeptUrl, removeUnkeptLinks } from '../../src/import/unsafe-links.js';
import { unpackedTextSize } from '../../src/import/zip-size.js';
import { importSites } from './import-site.js';
import { bullet, docx, heading, image, paragraph } from './make-docx.js';

/*
 * Documents of shapes no one on the team wrote: the import must end in files (or a sentence
 * saying why not), never an internal error or a hang, keep every word and no unsafe link.
 */

const newSite = importSites('verksam-odd-');

async function written(content: string): Promise<string> {
  const files = (await readdir(content, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'tillganglighet.md' && !entry.parentPath.includes('omraden'));
  return (await Promise.all(files.map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')))).join('\n');
}

describe('long text', () => {
  it('looks for fused words in a very long word without taking cubic time', () => {
    // before: a backtracking pattern over 20 000 letters did not finish in minutes
    const blocks = textToMdast(`${'x'.repeat(20000)} ProjektetMotivation`, false).tree.children;
    expect(findSourceProblems(blocks).map((finding) => finding.excerpt)).toEqual(['ProjektetMotivation']);
  });
});

describe('links', () => {
  it('keeps web, mail and phone links and relative paths, nothing else', () => {
    for (const url of ['https://x.se', 'http://x.se', 'mailto:a@b.se', 'tel:0480', 'bilder/a.png', '../nyheter/x/']) expect(isKeptUrl(url), url).toBe(true);
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', 'file:///c:/a.doc', '#footnote-1']) expect(isKeptUrl(url), url).toBe(false);
  });

  it('unwraps links it cannot keep, with their words, in Markdown with reference links too', () => {
    const { tree } = textToMdast('Se [farlig](javascript:alert(1)) och [ref][1] och [bra](https://x.se).\n\n[1]: javascript:x\n', true);
    const removed = removeUnkeptLinks(tree);
    expect(removed.map((link) => link.reason)).toEqual(['unsafe', 'unsafe']);
    expect(JSON.stringify(tree)).not.toMatch(/javascript/i);
    expect(JSON.stringify(tree)).toContain('farlig');
    expect(JSON.stringify(tree)).toContain('https://x.se');
  });

  it('imports a Word document with a javascript: link, a mailto link and a footnote: words kept, unsafe link gone, check passes', async () => {
    const site = await newSite();
    const bytes = await Packer.toBuffer(
      new Document({
        footnotes: { 1: { children: [new Paragraph('Fotnotens text.')] } },
        sections: [
          {
            children: [
              heading('Verksamhetsberättelse 2021'),
              heading('Mål 1'),
              paragraph('Målet.'),
              heading('Aktiviteter', 2),
              new Paragraph({
                children: [
                  new TextRun('Se '),
                  new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('farlig länk')] }),
                  new TextRun(' och '),
                  new ExternalHyperlink({ link: 'mailto:info@exempel.se', children: [new TextRun('mejla oss')] }),
                  new TextRun(' med fotnot'),
                  new FootnoteReferenceRun(1),
                ],
              }),
              heading('Uppföljning', 2),
              paragraph('Klart.'),
            ],
          },
        ],
      }),
    );
    await writeFile(join(site.cwd, 'lankar.docx'), bytes);
    const result = await runCli(['import', 'lankar.docx'], site.cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('länken "farlig länk" gick till javascript:alert(1), som inte får finnas på en webbsida; orden behölls utan länk.');
    const goal = await readFile(join(site.content, 'verksamhetsberattelse/2021/mal-01.md'), 'utf8');
    expect(goal).not.toMatch(/javascript/i);
    expect(goal).toContain('farlig länk');
    expect(goal).toContain('[mejla oss](mailto:info@exempel.se)');
    expect(goal).toContain('Fotnotens text.');
    // before: the footnote's links pointed at anchors no page has, and check failed
    const check = await runCli(['check'], site.cwd);
    expect(check.stderr).not.toContain('fel');
    expect(check.code).toBe(0);
  });
});

describe('dates in news text', () => {
  it('reads the Swedish forms of a date, day first, and gives a day without a year as a hint', () => {
    expect(findDate('Publicerad 5 maj 2021.')).toEqual({ date: '2021-05-05', words: '5 maj 2021' });
    expect(findDate('Publicerad 2021-05-05.')).toEqual({ date: '2021-05-05', words: '2021-05-05' });
    expect(findDate('Publicerad 5/5 2021.')).toEqual({ date: '2021-05-05', words: '5/5 2021' });
    expect(findDate('Publicerad 12/3-2021.')).toEqual({ date: '2021-03-12', words: '12/3-2021' });
    expect(findDate('Publicerad den 5:e maj 2021.')).toEqual({ date: '2021-05-05', words: '5:e maj 2021' });
    expect(findDate('Vi ses den 5:e maj.')).toEqual({ hint: 'den 5:e maj' });
    expect(findDate('Kvoten 31/2 2021 är ingen dag.')).toBeUndefined();
  });
});

describe('goal lines', () => {
  it('reads "1. Mål", "2) Mål: …", "MÅL 3 –" and a one-item numbered list as goals', () => {
    const first = (text: string) => textToMdast(text, false).tree.children[0]!;
    expect(goalLine({ type: 'heading', depth: 1, children: [{ type: 'text', value: '1. Mål' }] })).toEqual({ number: 1, statement: '' });
    expect(goalLine({ type: 'paragraph', children: [{ type: 'text', value: '2) Mål: Renare vatten' }] })).toEqual({ number: 2, statement: 'Renare vatten' });
    expect(goalLine(first('MÅL 3 – Bättre luft'))).toEqual({ number: 3, statement: 'Bättre luft' });
    expect(goalLine(first('4. Mål: Fler kurser'))).toEqual({ number: 4, statement: 'Fler kurser' });
    expect(goalLine(first('1. Målet är nått'))).toBeUndefined();
  });
});

describe('text files', () => {
  it('imports a .md report with front matter: the title line is found, the front matter reported', async () => {
    const site = await newSite();
    await writeFile(join(site.cwd, 'rapport.md'), '---\ntitle: Gammal\n---\n\n# Verksamhetsberättelse 2021\n\n## Mål 1\n\nEtt mål.\n');
    const result = await runCli(['import', 'rapport.md'], site.cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('rapport.md började med front matter, som inte togs med (importen skriver egen): title: Gammal.');
    expect(await readFile(join(site.content, 'verksamhetsberattelse/2021/mal-01.md'), 'utf8')).toContain('statement: Ett mål.');
  });

  it('keeps text before the first news title, in the first item, with a BOM and Windows line endings', async () => {
    const site = await newSite();
    await writeFile(join(site.cwd, 'nyheter.txt'), '\uFEFFEn inledning om arkivet, som hör till ingen nyhet.\r\n\r\nFörsta nyheten\r\n\r\nDen 5 maj 2021 hände det.\r\n\r\nFörsta nyheten\r\n\r\nSamma rubrik\u00a0igen med\u00adbindestreck 😀.\r\n\r\n!!!\r\n\r\nBara tecken i rubriken.\r\n');
    const result = await runCli(['import', 'nyheter.txt'], site.cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = (await readdir(join(site.content, 'nyheter'))).sort();
    expect(files).toEqual(['forsta-nyheten-2.md', 'forsta-nyheten.md', 'nyhet.md']);
    // a non-breaking space in a lead becomes a space (plainText collapses white space); the words stay
    const all = (await written(site.content)).replace(/\u00a0/g, ' ');
    for (const words of ['En inledning om arkivet, som hör till ingen nyhet.', 'Den 5 maj 2021 hände det.', 'Samma rubrik igen med\u00adbindestreck 😀.', 'Bara tecken i rubriken.']) expect(all).toContain(words);
    expect(all).toMatch(/^date: 2021-05-05$/m);
    expect(all).not.toContain('\uFEFF');
    expect(result.stdout).toContain('lades sist i den första nyheten ("Första nyheten")');
  });

  it('never throws on generated text files of headings, goal lines, bullets and paragraphs, and keeps their words', async () => {
    const { importFile } = await import('../../src/commands/import.js');
    const word = fc.stringMatching(/^[A-Za-zåäöÅÄÖ0-9]{1,12}$/);
    const line = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => `${words.join(' ')}.`),
      fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => `- ${words.join(' ')}`),
      fc.integer({ min: 1, max: 30 }).map((number) => `Mål ${number}`),
      fc.constantFrom('Aktiviteter', 'UPPFÖLJNING', 'Indikatorer:', '# Rubrik', '1. Mål', '', '• punkt', '|a|b|', '---'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 0, maxLength: 15 }), fc.constantFrom('rapport', 'nyheter') as fc.Arbitrary<'rapport' | 'nyheter'>, async (lines, kind) => {
        const site = await newSite();
        await writeFile(join(site.cwd, 'x.txt'), `Verksamhetsberättelse 2021\n\n${lines.join('\n\n')}\n`);
        const outcome = await importFile({ file: 'x.txt', contentDir: 'content', cwd: site.cwd, today: '2026-01-01', kind });
        if (!outcome.ok) return;
        const all = (await written(site.content)).replace(/\\/g, '');
        for (const text of lines.filter((each) => /^[A-Za-zåäöÅÄÖ0-9 ]+\.$/.test(each))) expect(all).toContain(text);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe('Word documents that are not what they seem', () => {
  /** A zip with one stored entry whose central directory says it unpacks to `size` bytes. */
  function zipClaiming(name: string, size: number): Buffer {
    const data = deflateRawSync(Buffer.alloc(0));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    const start = local.length + nameBytes.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + nameBytes.length, 12);
    end.writeUInt32LE(start, 16);
    return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
  }

  it('reads the unpacked size of a real document from its central directory', async () => {
    const size = unpackedTextSize(await docx([paragraph('Hej.')]));
    expect(size).toBeGreaterThan(100);
    expect(size).toBeLessThan(1_000_000);
  });

  it('refuses a document that unpacks to more text than any report, with a sentence, before reading it', async () => {
    const site = await newSite();
    await writeFile(join(site.cwd, 'bomb.docx'), zipClaiming('word/document.xml', 3_000_000_000));
    const result = await runCli(['import', 'bomb.docx'], site.cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"bomb.docx" packar upp till 2861 MB text, mer än de 64 MB som verksam import läser');
    expect(await readdir(site.content)).toEqual(['omraden', 'site.yaml', 'tillganglighet.md']);
  });
});

describe('Word documents of unusual shapes', () => {
  it('says an empty document and one with only a title hold no goals or news, and writes nothing', async () => {
    for (const [children, kind] of [[[], undefined], [[heading('Verksamhetsberättelse 2021')], 'rapport']] as const) {
      const site = await newSite();
      await writeFile(join(site.cwd, 'tom.docx'), await docx([...children]));
      const result = await runCli(['import', 'tom.docx', ...(kind ? ['--kind', kind] : [])], site.cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^Inga (nyheter|mål) hittades i texten/);
      expect(await readdir(site.content)).toEqual(['omraden', 'site.yaml', 'tillganglighet.md']);
    }
  });

  it('keeps every word of nested tables, merged cells, nested lists and a very long paragraph, and the goal passes check', async () => {
    const site = await newSite();
    const cell = (text: string, more = {}) => new TableCell({ children: [paragraph(text)], ...more });
    const long = Array.from({ length: 400 }, (_, index) => `ord${index}`).join(' ');
    await writeFile(
      join(site.cwd, 'former.docx'),
      await docx([
        heading('Verksamhetsberättelse 2021'),
        heading('MÅL 1 – Renare vatten'),
        heading('AKTIVITETER', 2),
        new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Table({ rows: [new TableRow({ children: [cell('Inre cell')] })] }), paragraph('Yttre cell')] }), cell('Granne')] })] }),
        new Table({ rows: [new TableRow({ children: [cell('Spänner två', { columnSpan: 2 })] }), new TableRow({ children: [cell('Vänster'), cell('Höger')] })] }),
        bullet('Första punkten'),
        new Paragraph({ text: 'Inre punkt', numbering: { reference: 'punkt', level: 0 } }),
        paragraph(`${long}.`),
        paragraph('Uppföljning:'),
        paragraph('Klart.'),
      ]),
    );
    const result = await runCli(['import', 'former.docx'], site.cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const goal = await readFile(join(site.content, 'verksamhetsberattelse/2021/mal-01.md'), 'utf8');
    expect(goal).toContain('statement: Renare vatten');
    for (const words of ['Inre cell', 'Yttre cell', 'Granne', 'Spänner två', 'Vänster', 'Höger', 'Första punkten', 'Inre punkt', long, '## Uppföljning\n\nKlart.']) expect(goal).toContain(words);
    const check = await runCli(['check'], site.cwd);
    expect(check.stderr).not.toContain(' fel ');
    expect(check.code).toBe(0);
  });

  it('keeps an EMF image (which no browser shows) as a file and tells the editor to replace it', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#306' } }).png().toBuffer();
    const zip = await JSZip.loadAsync(await docx([heading('Verksamhetsberättelse 2021'), heading('Mål 1'), paragraph('Målet.'), image(png, 'Diagram')]));
    // Word keeps drawings pasted from old Office programs as EMF: rename the picture part and its type
    for (const name of Object.keys(zip.files)) {
      if (name.startsWith('word/media/')) {
        zip.remove(name);
        zip.file(name.replace(/\.png$/, '.emf'), Buffer.from([1, 0, 0, 0, 0x20, 0x45, 0x4d, 0x46]));
      } else if (name.endsWith('.rels') || name === '[Content_Types].xml') {
        let text = await zip.file(name)!.async('string');
        text = text.replace(/(media\/[^"]+)\.png/g, '$1.emf');
        if (name === '[Content_Types].xml') text = text.replace('<Default ', '<Default Extension="emf" ContentType="image/x-emf"/><Default ');
        zip.file(name, text);
      }
    }
    const site = await newSite();
    await writeFile(join(site.cwd, 'emf.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const result = await runCli(['import', 'emf.docx'], site.cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(join(site.content, 'bilder/emf-bild-1.emf'))).toEqual(Buffer.from([1, 0, 0, 0, 0x20, 0x45, 0x4d, 0x46]));
    expect(await readFile(join(site.content, 'verksamhetsberattelse/2021/mal-01.md'), 'utf8')).toContain('![Diagram](bilder/emf-bild-1.emf)');
    expect(result.stdout).toContain('bilden är av typen image/x-emf, som webbplatsen inte visar (check säger fel tills den är ersatt)');
  });
});
