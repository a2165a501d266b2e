import { describe, expect, it } from 'vitest';
import { findDate } from '../../src/import/found-date.js';
import { repairFlattenedLists } from '../../src/import/flattened-lists.js';
import { toMarkdown } from '../../src/import/markdown-text.js';
import { formatMigrationReport, listRepairNote } from '../../src/import/migration-report.js';
import { splitNews } from '../../src/import/news-split.js';
import { goalLine, splitReport } from '../../src/import/report-split.js';
import { sentences } from '../../src/import/sentences.js';
import { sniff } from '../../src/import/source-file.js';
import { findSourceProblems } from '../../src/import/source-problems.js';
import { listsOfPastedTables, textToMdast } from '../../src/import/text.js';

const tree = (text: string, markdown = false) => textToMdast(text, markdown).tree;

describe('the importer\'s parts', () => {
  it('splits Swedish sentences, not at abbreviations', () => {
    expect(sentences('Vi ska t.ex. Kalmar. Bl.a. AV-Media deltog! Klart?')).toEqual(['Vi ska t.ex. Kalmar.', 'Bl.a. AV-Media deltog!', 'Klart?']);
  });

  it('names the file a repaired list ended up in, and a single line in the singular', () => {
    const files = [
      { file: 'content/a.md', text: 'Inget här.' },
      { file: 'content/b.md', text: 'Text.\n\n- Upphandla en kurs.\n' },
    ];
    expect(listRepairNote({ first: 'Upphandla en kurs.', items: 1, reason: 'bullets' }, files)).toEqual({
      file: 'content/b.md',
      kind: 'changed',
      text: 'raden som börjar med ett punkttecken ("Upphandla en kurs.") blev en punktlista; kontrollera att det var en lista.',
    });
    expect(listRepairNote({ first: 'Saknas', items: 3, reason: 'colon' }, files)).toEqual({
      kind: 'changed',
      text: 'raderna efter ett kolon ("Saknas" och 2 till) blev en punktlista; kontrollera att det var en lista.',
    });
    const notes = [
      { file: 'content/b.md', kind: 'changed' as const, text: 'B.' },
      { kind: 'changed' as const, text: 'Hela importen.' },
    ];
    expect(formatMigrationReport('Läste.', [], notes)).toContain('Ändrat vid importen:\n  Hela importen.\n  content/b.md:\n    B.\n');
  });

  it('tells goal lines from sentences that start with "Mål"', () => {
    expect(goalLine({ type: 'paragraph', children: [{ type: 'text', value: 'Mål 3' }] })).toEqual({ number: 3, statement: '' });
    expect(goalLine({ type: 'paragraph', children: [{ type: 'text', value: 'Mål 3: Ett bättre län.' }] })).toEqual({ number: 3, statement: 'Ett bättre län.' });
    expect(goalLine({ type: 'paragraph', children: [{ type: 'text', value: 'Mål 3 har uppnåtts.' }] })).toBeUndefined();
  });

  it('divides a report in the organisation\'s own section names, and keeps the text before the first goal', () => {
    const draft = splitReport(tree('Årsredovisning 2022\n\nFörord.\n\nMål 1\n\nVi ska växa. Det är viktigt.\n\nGenomförande\n\nText.\n\nResultat:\n\n- Ett mått\n'), {
      sections: ['Genomförande', 'Resultat'],
      indicatorSection: 'Resultat',
    });
    expect(draft.title).toBe('Årsredovisning 2022');
    expect(draft.year).toBe(2022);
    expect(toMarkdown(draft.intro)).toBe('Förord.');
    expect(draft.goals[0]).toMatchObject({ number: 1, statement: 'Vi ska växa.', indicators: ['Ett mått'] });
    expect(toMarkdown(draft.goals[0]!.intro)).toBe('Det är viktigt.');
    expect(draft.goals[0]!.sections.map((section) => section.title)).toEqual(['Genomförande', 'Resultat']);
  });

  it('finds news titles as short lines followed by text, and the archive\'s own heading', () => {
    const archive = splitNews(tree('Nyhetsarkiv\n\nFörsta nyheten\n\nText ett.\n\nAndra nyheten?\n\nText två.\nMer text.'));
    expect(archive.heading).toBe('Nyhetsarkiv');
    expect(archive.items.map((item) => item.title)).toEqual(['Första nyheten', 'Andra nyheten?']);
    expect(archive.items[1]!.blocks).toHaveLength(2);
  });

  it('takes a full date from the text, and only hints at a day without a year', () => {
    expect(findDate('Temadagen hölls den 5 maj 2021 i Kalmar.')).toEqual({ date: '2021-05-05', words: '5 maj 2021' });
    expect(findDate('Beslut 2020-02-30 och 2021-03-01.')).toEqual({ date: '2021-03-01', words: '2021-03-01' });
    expect(findDate('som gick av stapeln den 5 maj.')).toEqual({ hint: 'den 5 maj' });
    expect(findDate('Inget datum.')).toBeUndefined();
  });

  it('finds fused words, quote dashes, vague link texts and lists pasted onto one line', () => {
    const findings = findSourceProblems(
      tree('ProjektetMotivation leder till framgång med PowerPoint.\n\n– Det har gått bra.\n\nLäs rapporten [här](https://x.se).\n\nVi satsar på: Klimat i tillsynen Riktlinjer för oljeavskiljare Uppföljning av tillsyn Samsyn inom kontroll', true).children,
    );
    expect(findings).toEqual([
      { kind: 'fused-words', excerpt: 'ProjektetMotivation' },
      { kind: 'quote-dash', excerpt: '– Det har gått bra.' },
      { kind: 'vague-link', excerpt: 'här' },
      { kind: 'flattened-list', excerpt: 'Klimat i tillsynen Riktlinjer för oljeavskiljare Uppföljning av til …' },
    ]);
  });

  it('reads plain text one paragraph a line, with "•" bullets and bullets pasted onto one line as lists', () => {
    const root = tree('Rubrik\nEtt stycke.\n• Ett\n• Två\nVatten • Avlopp • Dagvatten\n– Det har gått bra, säger hon.');
    repairFlattenedLists(root, () => false);
    expect(toMarkdown(root.children)).toBe('Rubrik\n\nEtt stycke.\n\n- Ett\n- Två\n\nVatten\n\n- Avlopp\n- Dagvatten\n\n– Det har gått bra, säger hon.');
  });

  it('writes a pasted table with lists in its cells as one list, cell by cell', () => {
    expect(listsOfPastedTables(['- | | |', '|---|--|', '| <ul style="x"> - Ett. - Två. | <ul> - Tre. |', '|---|--|'])).toEqual(['- Ett.', '- Två.', '- Tre.']);
  });

  it('knows a Word file, an encrypted or old Office file and text by their first bytes', () => {
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniff(Buffer.from('PK\x03\x04rest'))).toBe('zip');
    expect(sniff(Buffer.concat([cfb, Buffer.from('EncryptedPackage', 'utf16le')]))).toBe('encrypted-office');
    expect(sniff(Buffer.concat([cfb, Buffer.alloc(10)]))).toBe('old-office');
    expect(sniff(Buffer.from('Mål 1'))).toBe('text');
  });
});
