import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, emailBody } from '../../src/email/body.js';
import { splitViewInBrowser } from '../../src/email/model.js';
import { bodyText, linkText, wrap } from '../../src/email/text.js';

/* The pieces of the email that are pure functions: URLs, the plain-text writer, the web-version sentence. */

const fragment = (html: string) => fromHtml(html, { fragment: true }) as Root;

const page = { baseUrl: 'https://example.org/repo/', pageUrl: 'https://example.org/repo/nyheter/2021/x/' };

describe('absoluteUrl', () => {
  it.each([
    ['/projekt/casypot/', 'https://example.org/repo/projekt/casypot/'],
    ['../y/', 'https://example.org/repo/nyheter/2021/y/'],
    ['bild.jpg', 'https://example.org/repo/nyheter/2021/x/bild.jpg'],
    ['#tabell', 'https://example.org/repo/nyheter/2021/x/#tabell'],
    ['//cdn.example/a.png', 'https://cdn.example/a.png'],
    ['https://www.kfkl.se', 'https://www.kfkl.se'],
    ['mailto:info@kfkl.se', 'mailto:info@kfkl.se'],
    ['tel:0480456700', 'tel:0480456700'],
  ])('%s → %s', (value, expected) => {
    expect(absoluteUrl(value, page)).toBe(expected);
  });

  it('gives an in-page link the prefix the web page gives the body', () => {
    expect(absoluteUrl('#rubrik', { ...page, idPrefix: 'block-2-' })).toBe('https://example.org/repo/nyheter/2021/x/#block-2-rubrik');
  });
});

describe('emailBody', () => {
  it('moves headings under the email’s own, drops ids and classes, and never changes the shared tree', () => {
    const source = fragment('<h2 id="a" class="x">A</h2><h4>B</h4><p><a href="/omraden/" data-x="1">C</a></p>');
    const before = JSON.stringify(source);
    const body = emailBody(source, { ...page, topLevel: 3, maxImageWidth: 552 });
    expect(JSON.stringify(source)).toBe(before);
    const html = JSON.stringify(body);
    expect(html).toContain('"tagName":"h3"');
    expect(html).toContain('"tagName":"h4"');
    expect(html).not.toMatch(/"id"|"className"|"dataX"/);
    expect(html).toContain('https://example.org/repo/omraden/');
  });
});

describe('plain text', () => {
  it('wraps at 72 characters between words and never breaks a URL', () => {
    const url = `https://example.org/${'a'.repeat(90)}/`;
    const lines = wrap(`Ord ${'och ord '.repeat(20)}${url} slut.`);
    expect(lines.every((line) => line.length <= 72 || line === url)).toBe(true);
    expect(lines).toContain(url);
  });

  it('writes a link as "text (URL)", or the URL alone when the text is the address', () => {
    expect(linkText('vår webbplats', 'https://x.se/p/')).toBe('vår webbplats (https://x.se/p/)');
    expect(linkText('www.kompetensverkstaden.se', 'https://www.kompetensverkstaden.se')).toBe('https://www.kompetensverkstaden.se');
    expect(linkText('info@x.se', 'mailto:info@x.se')).toBe('info@x.se');
  });

  it('keeps lists, nested lists, quotes, code and tables readable', () => {
    const text = bodyText(
      fragment(
        [
          '<p>Inledning med <strong>fetstil</strong>.</p>',
          '<ul><li>ett</li><li>två<ul><li>två a</li></ul></li></ul>',
          '<ol start="3"><li>tre</li><li>fyra</li></ol>',
          '<blockquote><p>Citat.</p></blockquote>',
          '<pre><code>kod  med   mellanrum</code></pre>',
          '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>',
          '<p>Rad ett<br>rad två</p>',
        ].join(''),
      ),
    );
    expect(text).toBe(
      [
        'Inledning med fetstil.',
        '',
        '- ett\n- två\n  - två a',
        '',
        '3. tre\n4. fyra',
        '',
        '> Citat.',
        '',
        'kod  med   mellanrum',
        '',
        'A | B\n1 | 2',
        '',
        'Rad ett\nrad två',
      ].join('\n'),
    );
  });
});

describe('the web-version sentence', () => {
  it('links the last sentence and keeps the rest as written', () => {
    expect(splitViewInBrowser('Problem att visa det? Öppna det i webbläsaren.', 'https://x.se/n/')).toEqual({
      before: 'Problem att visa det? ',
      link: { text: 'Öppna det i webbläsaren', url: 'https://x.se/n/' },
      after: '.',
    });
    expect(splitViewInBrowser('Syns det inte? Bilderna saknas. Läs brevet på webben!', 'https://x.se/n/')).toEqual({
      before: 'Syns det inte? Bilderna saknas. ',
      link: { text: 'Läs brevet på webben', url: 'https://x.se/n/' },
      after: '!',
    });
    expect(splitViewInBrowser('Läs på webben', 'https://x.se/n/')).toEqual({ before: '', link: { text: 'Läs på webben', url: 'https://x.se/n/' }, after: '' });
  });
});
