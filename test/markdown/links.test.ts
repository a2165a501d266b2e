import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { markdownToHast } from '../../src/markdown/processor.js';
import { select } from '../support/hast.js';

/* Which link addresses a body keeps after sanitising. */

const hrefs = (markdown: string) => select(markdownToHast(markdown, 'content/sidor/x.md'), (element: Element) => element.tagName === 'a').map((link) => link.properties.href);

describe('a link in a body', () => {
  it('keeps a phone number (tel:), an email address and a web address; loses a script', () => {
    expect(hrefs('[Ring oss](tel:+46480123456), [skriv](mailto:info@exempel.se), [läs](https://exempel.se/), [inte](javascript:alert(1)).')).toEqual([
      'tel:+46480123456',
      'mailto:info@exempel.se',
      'https://exempel.se/',
      undefined,
    ]);
  });
});
