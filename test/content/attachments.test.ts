import { describe, expect, it } from 'vitest';
import { attachmentHref, attachmentLabel, attachmentNameProblem, attachmentSizeProblem } from '../../src/content/attachments.js';
import { mergeNavigation } from '../../src/content/navigation.js';

describe('an attachment', () => {
  it('is named like content: a slug, a lower-case extension of a type readers can open', () => {
    expect(attachmentNameProblem('filer/forbundsordning.pdf')).toBeUndefined();
    expect(attachmentNameProblem('filer/2021/budget-2021.xlsx')).toBeUndefined();
    expect(attachmentNameProblem('filer/Förbundsordning 2019.PDF')).toMatchObject({ ruleId: 'invalid-slug' });
    expect(attachmentNameProblem('filer/Förbundsordning 2019.PDF')!.reason).toContain('"forbundsordning-2019.pdf"');
    expect(attachmentNameProblem('filer/Styrelse Protokoll/mars.docx')!.reason).toContain('"styrelse-protokoll/mars.docx"');
    for (const name of ['sida.html', 'logga.svg', 'program.exe', 'utan-andelse']) {
      expect(attachmentNameProblem(`filer/${name}`), name).toMatchObject({ ruleId: 'invalid-attachment' });
    }
  });

  it('says its type and size the Swedish way', () => {
    expect(attachmentLabel({ type: 'PDF', bytes: 425_000 })).toBe('PDF, 425 kB');
    expect(attachmentLabel({ type: 'Excel', bytes: 1_450_000 })).toBe('Excel, 1,5 MB');
    expect(attachmentLabel({ type: 'Word', bytes: 120 })).toBe('Word, 1 kB');
  });

  it('may be neither empty nor over 100 MB', () => {
    expect(attachmentSizeProblem(0)).toContain('tom');
    expect(attachmentSizeProblem(1)).toBeUndefined();
    expect(attachmentSizeProblem(100_000_000)).toBeUndefined();
    expect(attachmentSizeProblem(100_000_001)).toContain('100 MB');
  });

  it('is linked to relative to the file the link is in, or from the site root', () => {
    expect(attachmentHref('../filer/a.pdf', 'sidor/om-oss.md')).toBe('/filer/a.pdf');
    expect(attachmentHref('../../filer/a.pdf#sida=2', 'verksamhetsberattelse/2019/mal-01.md')).toBe('/filer/a.pdf#sida=2');
    expect(attachmentHref('filer/a.pdf', 'tillganglighet.md')).toBe('/filer/a.pdf');
    // root-relative and external links are the link check's as they are; others are no attachment
    expect(attachmentHref('/filer/a.pdf', 'sidor/om-oss.md')).toBeUndefined();
    expect(attachmentHref('https://example.org/filer/a.pdf', 'sidor/om-oss.md')).toBeUndefined();
    expect(attachmentHref('filer/a.pdf', 'sidor/om-oss.md')).toBeUndefined();
    expect(attachmentHref('#filer', 'sidor/om-oss.md')).toBeUndefined();
  });
});

describe('the menu', () => {
  const yaml = [
    { title: 'Nyheter', url: '/nyheter/' },
    { title: 'Projekt', url: '/projekt/' },
    { title: 'Områden', url: '/omraden/' },
  ];
  const titles = (pages: { title: string; menu: number }[]) => mergeNavigation(yaml, pages.map((page) => ({ ...page, url: `/${page.title}/` }))).map((item) => item.title);

  it("is site.yaml's with each page at the place it asks for, counted from 1", () => {
    expect(titles([])).toEqual(['Nyheter', 'Projekt', 'Områden']);
    expect(titles([{ title: 'Om oss', menu: 1 }])).toEqual(['Om oss', 'Nyheter', 'Projekt', 'Områden']);
    expect(titles([{ title: 'Om oss', menu: 2 }])).toEqual(['Nyheter', 'Om oss', 'Projekt', 'Områden']);
    expect(titles([{ title: 'Om oss', menu: 4 }])).toEqual(['Nyheter', 'Projekt', 'Områden', 'Om oss']);
    // in any order of the files, each page where it asked to be
    expect(titles([{ title: 'Kontakt', menu: 3 }, { title: 'Om oss', menu: 1 }])).toEqual(['Om oss', 'Nyheter', 'Kontakt', 'Projekt', 'Områden']);
  });

  it('puts a page asking past the end last, after pages with smaller numbers', () => {
    expect(titles([{ title: 'Kontakt', menu: 99 }, { title: 'Om oss', menu: 10 }])).toEqual(['Nyheter', 'Projekt', 'Områden', 'Om oss', 'Kontakt']);
    expect(mergeNavigation([], [{ title: 'Om oss', url: '/om-oss/', menu: 3 }])).toEqual([{ title: 'Om oss', url: '/om-oss/' }]);
  });
});
