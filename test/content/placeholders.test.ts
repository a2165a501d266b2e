import { describe, expect, it } from 'vitest';
import { findEmptySections } from '../../src/content/empty-sections.js';
import { suggestFolder, unreadPlaces } from '../../src/content/folders.js';
import { bodyPlaceholders, fieldPlaceholders, findPlaceholders, placeholderCatalogue, placeholders } from '../../src/content/placeholders.js';
import { markdownToHast } from '../../src/markdown/processor.js';

const openings = (text: string) => findPlaceholders(text).map((match) => match.placeholder.opening);

describe('findPlaceholders', () => {
  it('finds every placeholder of the catalogue as written', () => {
    for (const placeholder of placeholderCatalogue.filter((entry) => entry.text !== placeholders.goalSection('').text)) {
      expect(openings(placeholder.text), placeholder.text).toEqual([placeholder.opening]);
    }
    expect(openings(placeholders.goalSection('Bakgrund och syfte').text)).toEqual(['Skriv avsnittet … här']);
  });

  it('finds a placeholder whose rest the editor changed, wrapped over lines, with other spacing or case', () => {
    expect(openings('Skriv ingressen här: om miljöprojekten i länet.')).toEqual(['Skriv ingressen här']);
    expect(openings('Skriv\n  ingressen\there')).toEqual([]);
    expect(openings('Ny text. Skriv\ningressen  här: en eller\ntvå meningar.')).toEqual(['Skriv ingressen här']);
    expect(openings('skriv INGRESSEN här')).toEqual(['Skriv ingressen här']);
    expect(openings('Beskriv projektet här och Skriv vad som mäts')).toEqual(['Beskriv projektet här', 'Skriv vad som mäts']);
  });

  it('leaves real text alone: other words, a word that merely ends the same, short phrases inside sentences', () => {
    expect(openings('Projektet beskriver här hur länet arbetar.')).toEqual([]);
    expect(openings('Omskriv ingressen här')).toEqual([]);
    expect(openings('Vi ville skriva ingressen här.')).toEqual([]);
    // "Skriv en kommentar" is a placeholder only as a field's whole value
    expect(openings('Skriv en kommentar till oss om du har frågor.')).toEqual([]);
    expect(openings(' Skriv en kommentar ')).toEqual(['Skriv en kommentar']);
    expect(openings('Skriv avsnittet. Här börjar texten.')).toEqual([]);
  });
});

describe('fieldPlaceholders', () => {
  it('names the path of every string with a placeholder, in lists and groups too', () => {
    const found = fieldPlaceholders({
      title: 'Rubrik',
      lead: placeholders.lead.text,
      number: 3,
      indicators: [{ text: 'Antal träffar' }, { text: placeholders.indicator.text, comment: placeholders.indicatorComment.text }],
    });
    expect(found.map(({ path, placeholder }) => `${path.join('.')} ${placeholder.opening}`)).toEqual([
      'lead Skriv ingressen här',
      'indicators.1.text Skriv vad som mäts',
      'indicators.1.comment Skriv en kommentar',
    ]);
  });
});

describe('bodyPlaceholders', () => {
  it('places each placeholder at its line and column in the file, through emphasis and wrapped lines', () => {
    const markdown = ['', '', 'Första stycket är riktigt.', '', 'Här: *Skriv* ingressen', 'här, och mer.', '', '- punkt', '- Beskriv området här.', ''].join('\n');
    const found = bodyPlaceholders(markdownToHast(markdown, 'a.md'));
    expect(found.map(({ placeholder, place }) => `${place?.line}:${place?.column} ${placeholder.opening}`)).toEqual([
      '5:7 Skriv ingressen här',
      '9:3 Beskriv området här',
    ]);
  });

  it('finds nothing in a body of real text, nor in an HTML comment', () => {
    expect(bodyPlaceholders(markdownToHast('Riktig text.\n\n<!-- Skriv ingressen här -->\n', 'a.md'))).toEqual([]);
  });
});

describe('findEmptySections', () => {
  const empty = (markdown: string) => findEmptySections(markdownToHast(markdown, 'a.md')).map((section) => `${section.place?.line} h${section.level} ${section.title}`);

  it('finds a heading with nothing before the next heading of its level or higher, or the end', () => {
    expect(empty('Inledning.\n\n## Aktiviteter\n\nText.\n\n## Uppföljning\n')).toEqual(['7 h2 Uppföljning']);
    expect(empty('## Aktiviteter\n\n## Uppföljning\n\nText.\n')).toEqual(['1 h2 Aktiviteter']);
    expect(empty('## Tom\n\n### Också tom\n\n## Full\n\n- en lista\n')).toEqual(['1 h2 Tom', '3 h3 Också tom']);
  });

  it('counts a subsection with text, a list, a table or an image as content', () => {
    expect(empty('## Del\n\n### Underdel\n\nText.\n')).toEqual([]);
    expect(empty('## Lista\n\n- a\n\n## Tabell\n\n| a |\n| - |\n| 1 |\n\n## Bild\n\n![Karta](bilder/karta.png)\n')).toEqual([]);
    expect(empty('Bara text, inga rubriker.\n')).toEqual([]);
  });
});

describe('folders', () => {
  it('suggests the known folder an editor most likely meant', () => {
    expect(suggestFolder('Nyheter')).toBe('nyheter');
    expect(suggestFolder('nyhet')).toBe('nyheter');
    expect(suggestFolder('områden')).toBe('omraden');
    expect(suggestFolder('projekten')).toBe('projekt');
    expect(suggestFolder('verksamhetsberattelser')).toBe('verksamhetsberattelse');
    expect(suggestFolder('bilagor')).toBe('filer');
    expect(suggestFolder('Bilder')).toBe('bilder');
    expect(suggestFolder('arkiv')).toBeUndefined();
  });

  it("lists the folders and files at the top that verksam does not read, once each; images may lie anywhere", () => {
    const places = unreadPlaces([
      'site.yaml',
      'tillganglighet.md',
      'nyheter/a.md',
      'nyheter/2021/b.md',
      'filer/stadgar.pdf',
      'sidor/om-oss.md',
      'bilder/a.jpg',
      'foton/b.jpg',
      'bilagor/a.pdf',
      'bilagor/b.docx',
      'Nyheter/c.md',
      'arkiv/gammalt.txt',
      'anteckningar.txt',
      'logga.png',
      'om-oss.md',
    ]);
    expect(places).toEqual([
      { name: 'Nyheter', folder: true, suggestion: 'nyheter' },
      { name: 'anteckningar.txt', folder: false },
      { name: 'arkiv', folder: true },
      { name: 'bilagor', folder: true, suggestion: 'filer' },
    ]);
  });
});
