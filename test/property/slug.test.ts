import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { slugPattern } from '../../src/content/schemas.js';
import { slugify } from '../../src/format/slug.js';

/*
 * What must hold for every title, not just the ones we thought of: a slug is safe to put in a
 * URL path as it is, and slugging a slug changes nothing (so a slug written in front matter and
 * one made from a title agree).
 */

/** Titles as editors write them, and anything else a file could hold. */
const title = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'aåäöeéüøæßÅÄÖÆØẞİ -–—_.,:;!?"\'/\\%#&<>()[]{}012 \t\n\u0301\u0308\u200b\u00a0ﬁ'.split('')) }),
);

describe('slugify, for every title', () => {
  test.prop([title], { numRuns: 500 })('makes a URL-safe slug: lowercase a–z, digits and single inner hyphens, or nothing', (text) => {
    const slug = slugify(text);
    expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
    expect(encodeURIComponent(slug)).toBe(slug);
  });

  test.prop([title], { numRuns: 500 })('is idempotent: the slug of a slug is the slug', (text) => {
    const slug = slugify(text);
    expect(slugify(slug)).toBe(slug);
  });

  test.prop([title], { numRuns: 500 })('makes a slug the front matter schema accepts whenever it makes one at all', (text) => {
    const slug = slugify(text);
    if (slug !== '') expect(slug).toMatch(slugPattern);
  });
});
