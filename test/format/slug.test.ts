import { describe, expect, it } from 'vitest';
import { slugPattern } from '../../src/content/schemas.js';
import { slugify } from '../../src/format/slug.js';

describe('slugify', () => {
  it.each([
    ['50 år med AV-Media', '50-ar-med-av-media'],
    ['Hur utvecklas arbetsmarknadsområdet?', 'hur-utvecklas-arbetsmarknadsomradet'],
    ['Ökar motivationen hos unga', 'okar-motivationen-hos-unga'],
    ['Vi blir fler – IKO', 'vi-blir-fler-iko'],
    ['Stort intresse för temadag: Våld mot barn!', 'stort-intresse-for-temadag-vald-mot-barn'],
    ['Strategier för ungas levnadsvillkor, inflytande och delaktighet', 'strategier-for-ungas-levnadsvillkor-inflytande-och-delaktighet'],
    ['På egna ben', 'pa-egna-ben'],
    ['CaSYPoT', 'casypot'],
    ['Mål 1', 'mal-1'],
    ['ÅÄÖ åäö', 'aao-aao'],
    ['Zürich & Århus', 'zurich-arhus'],
    ['Ærø og Øresund', 'aero-og-oresund'],
    ['Straße', 'strasse'],
    ['Café "Noir"', 'cafe-noir'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('collapses runs of punctuation and spaces into one hyphen', () => {
    expect(slugify('a  --  b,,, c!?!d')).toBe('a-b-c-d');
    expect(slugify('a\tb\nc')).toBe('a-b-c');
  });

  it('drops leading and trailing junk', () => {
    expect(slugify('  --Hej!-- ')).toBe('hej');
    expect(slugify('"Citat"')).toBe('citat');
    expect(slugify('...punkter...')).toBe('punkter');
  });

  it('never produces a slash, a dot or a backslash, so a slug cannot leave its folder', () => {
    for (const hostile of ['../etc', '../../etc/passwd', '..\\..\\windows', '/absolut/väg', './.hidden', '..', '.', 'a/../../b', 'C:\\temp', '%2e%2e%2f']) {
      const slug = slugify(hostile);
      expect(slug, hostile).not.toMatch(/[./\\]/);
      expect(slug === '' || slugPattern.test(slug), `${hostile} → ${slug}`).toBe(true);
    }
    expect(slugify('../etc')).toBe('etc');
    expect(slugify('..')).toBe('');
  });

  it('gives a valid slug or nothing for any title', () => {
    const titles = ['', ' ', '???', '–', '😀 glad', 'Ünïcödé ümläüts', 'ﬁnans', 'Läs mer »', 'x'.repeat(300), '2019', 'A_B', 'tab\there', 'Ł', '\u0000nul'];
    for (const title of titles) {
      const slug = slugify(title);
      expect(slug === '' || slugPattern.test(slug), `${JSON.stringify(title)} → ${slug}`).toBe(true);
    }
  });

  it('is idempotent: a slug slugifies to itself', () => {
    for (const slug of ['50-ar-med-av-media', 'casypot', 'mal-1', '2019']) expect(slugify(slug)).toBe(slug);
  });
});
