import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/progress/summary.js';

describe('formatSummary', () => {
  it('says what a build with the cache did: pages changed and unchanged, index and PDF reused', () => {
    expect(formatSummary({ pages: 67, unchangedPages: 64, search: 'reused', pdfs: [{ reused: true }], warnings: 2, milliseconds: 210 })).toBe(
      'verksam: klart: 67 sidor (3 nya eller ändrade, 64 oförändrade), sökindexet återanvändes, 1 PDF återanvändes, 2 varningar, 0,21 s.',
    );
  });

  it('leaves out what it does not know, and says what was not made', () => {
    expect(formatSummary({ pages: 1, pdfs: [], warnings: 1, milliseconds: 1500 })).toBe('verksam: klart: 1 sida, inget sökindex, ingen PDF, 1 varning, 1,5 s.');
    expect(formatSummary({ pages: 1234, search: 'made', pdfs: [{ reused: false }, { reused: true }], warnings: 0, milliseconds: 3000 })).toBe(
      'verksam: klart: 1\u00a0234 sidor, sökindexet gjordes, 1 PDF skrevs ut, 1 PDF återanvändes, 0 varningar, 3 s.',
    );
  });
});
