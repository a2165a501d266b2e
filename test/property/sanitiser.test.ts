import { fc, test } from '@fast-check/vitest';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect } from 'vitest';
import { markdownToHast } from '../../src/markdown/processor.js';

/*
 * What must hold for every body an editor (or anyone who can change a content file) writes:
 * whatever mix of Markdown and raw HTML goes in, the page gets no script element, no event
 * handler attribute, and no link, image, form or SVG reference that runs script
 * (javascript:, vbscript:, data:text/html), however the URL is cased, encoded or padded.
 * Checked on the sanitised tree and again on the HTML the page is written with, parsed back
 * as a browser would.
 */

const tags = [
  'script', 'SCRIPT', 'a', 'img', 'iframe', 'object', 'embed', 'form', 'button', 'input', 'style', 'div', 'p', 'details',
  'video', 'audio', 'source', 'base', 'meta', 'link', 'template', 'noscript', 'textarea', 'select', 'area', 'map', 'svg',
  'math', 'use', 'animate', 'set', 'foreignObject', 'annotation-xml', 'mglyph', 'xmp', 'noembed', 'title', 'table', 'td',
  'blockquote', 'image', 'frameset', 'isindex', 'marquee', 'body', 'html', 'head',
];
const urlAttributes = ['href', 'HREF', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'srcset', 'ping', 'to', 'values', 'from', 'attributeName'];
const handlerAttributes = ['onclick', 'onerror', 'onload', 'OnClIcK', 'onmouseover', 'onfocus', 'onbegin', 'onanimationstart', 'onpointerenter', 'on'];
const dangerousUrls = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', '\tjavascript:alert(1)', 'java\tscript:alert(1)',
  'java\nscript:alert(1)', 'java&#x09;script:alert(1)', '&#106;avascript:alert(1)', '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)', 'jav&#0000097;script:alert(1)', '&#0;javascript:alert(1)', 'vbscript:msgbox(1)',
  'VBScript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ' data:text/html,x', 'javascript://%0aalert(1)', '&Tab;javascript:alert(1)', 'javascript&#58;alert(1)',
];
const safeUrls = ['https://www.kfkl.se/', '/nyheter/', '#mal-1', 'mailto:info@kfkl.se', 'bild.jpg'];

const quote = fc.constantFrom('"', "'", '');
const attribute = fc.oneof(
  fc.tuple(fc.constantFrom(...urlAttributes), fc.constantFrom(...dangerousUrls, ...safeUrls), quote).map(([name, value, q]) => ` ${name}=${q}${value}${q}`),
  fc.tuple(fc.constantFrom(...handlerAttributes), quote).map(([name, q]) => ` ${name}=${q}alert(1)${q}`),
  fc.constantFrom(' style="background:url(javascript:alert(1))"', ' id="x"', ' class="y"', '/', ' xmlns:xlink="http://www.w3.org/1999/xlink"'),
);

/** Nested raw HTML, sometimes left unclosed or closed out of order, as browsers forgive. */
const { html } = fc.letrec<{ html: string; element: string }>((tie) => ({
  html: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('text', 'alert(1)', '<!-- <script>alert(1)</script> -->', '<![CDATA[<script>alert(1)</script>]]>', '</p>', '<', '&lt;script&gt;'),
    tie('element'),
    fc.array(tie('html'), { maxLength: 3 }).map((parts) => parts.join('')),
  ),
  element: fc
    .tuple(fc.constantFrom(...tags), fc.array(attribute, { maxLength: 3 }), tie('html'), fc.constantFrom('close', 'open', 'self'))
    .map(([tag, attributes, inner, ending]) =>
      ending === 'self' ? `<${tag}${attributes.join('')} />` : `<${tag}${attributes.join('')}>${inner}${ending === 'close' ? `</${tag}>` : ''}`,
    ),
}));

/** Markdown's own ways of making links and images. */
const markdown = fc.oneof(
  fc.constantFrom(...dangerousUrls, ...safeUrls).map((url) => `[länk](${url})`),
  fc.constantFrom(...dangerousUrls, ...safeUrls).map((url) => `![bild](${url})`),
  fc.constantFrom(...dangerousUrls, ...safeUrls).map((url) => `[ref]\n\n[ref]: ${url}`),
  fc.constantFrom(...dangerousUrls).map((url) => `<${url}>`),
  fc.constantFrom('# Rubrik', '- punkt', '> citat', '| a | b |\n|---|---|\n| 1 | 2 |', 'text[^1]\n\n[^1]: fotnot', '```html\n<script>alert(1)</script>\n```'),
);

const body = fc
  .tuple(fc.array(fc.oneof(html, markdown), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n\n', '\n', ' '))
  .map(([blocks, separator]) => blocks.join(separator));

/** Every property that holds a URL a browser would follow, load or submit to. */
const urlProperties = new Set(['href', 'src', 'action', 'formaction', 'xlinkhref', 'poster', 'data', 'background', 'cite', 'srcset', 'ping', 'to', 'values', 'from', 'codebase', 'longdesc', 'dynsrc', 'lowsrc']);

/** A URL as the browser reads it: entities decoded by the parser, then tabs, newlines and leading controls ignored. */
const runsScript = (value: string): boolean =>
  /^(?:javascript|vbscript|data:text\/html)/.test(value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase()) ||
  // a srcset or a list can carry one after a comma
  /[,;]\s*(?:javascript|vbscript):/i.test(value.replace(/[\t\n\r]/g, ''));

function problemsIn(tree: Root | Element): string[] {
  const problems: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'raw') problems.push(`raw HTML left in the tree: ${node.value.slice(0, 60)}`);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (node.tagName.toLowerCase() === 'script') problems.push('a script element');
      for (const [name, value] of Object.entries(node.properties)) {
        const key = name.toLowerCase().replace(/[^a-z]/g, '');
        if (key.startsWith('on')) problems.push(`an event handler ${name} on <${node.tagName}>`);
        const values = Array.isArray(value) ? value.map(String) : [String(value)];
        if (urlProperties.has(key) && values.some(runsScript)) problems.push(`${name}="${values.join(' ')}" on <${node.tagName}>`);
        if (key === 'style' && values.some((text) => /javascript:|expression\(/i.test(text))) problems.push(`a style with script on <${node.tagName}>`);
      }
      if (node.tagName === 'template' && node.content) walk(node.content);
    }
    for (const child of node.children) walk(child);
  };
  walk(tree);
  return problems;
}

describe('the sanitiser, for every body', () => {
  test.prop([body], { numRuns: 400, examples: [['<img src="bild.jpg" action="javascript:alert(1)">'], ['<div action=" JaVaScRiPt:alert(1)">x</div>'], ['<picture><source srcset="bild.avif 1x, javascript:alert(1) 2x"><img src="bild.jpg" alt="x"></picture>'], ['<source srcset="javascript:alert(1)">text</source>']] })('lets no script, event handler or script URL through, in the tree or in the written HTML', (text) => {
    const tree = markdownToHast(text, 'content/nyheter/x.md');
    expect(problemsIn(tree), 'in the sanitised tree').toEqual([]);
    const written = toHtml(tree);
    expect(problemsIn(fromHtml(written, { fragment: true })), `in the written HTML: ${written}`).toEqual([]);
  });
});
