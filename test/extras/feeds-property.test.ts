import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaNode, ContentGraph, NewsNode, Newsletter, Site } from '../../src/content/graph.js';
import { feedsExtra } from '../../src/extras/feeds.js';
import type { ExtraFile } from '../../src/extras/index.js';
import { markdownToHast } from '../../src/markdown/processor.js';
import { select } from '../support/hast.js';
import { parseXml, type XmlElement } from '../support/xml.js';

/*
 * Every feed, whatever an editor writes in any field that reaches it: arbitrary Unicode and
 * markup in site, area, news and newsletter texts and in bodies (through the real Markdown
 * pipeline). Each XML feed must be well-formed to a strict parser, each title must read back as
 * written (less what XML cannot hold), and the HTML a feed reader renders must be inert.
 */

/** Markup and characters that have broken feeds, or could: XML, CDATA and HTML syntax, and what XML cannot hold. */
const fragments = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[länk](javascript:alert(1))',
  '<iframe src="javascript:alert(1)"></iframe>',
  ']]>',
  ']]>]]>',
  '<![CDATA[',
  '</content>',
  '</title>',
  '<!--',
  '-->',
  '<?xml version="1.0"?>',
  '&',
  '&amp;',
  '&lt;',
  '&#0;',
  'a<b',
  '"',
  "'",
  '\u0000',
  '\u0001',
  '\u001b',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u0085',
  '\uD800',
  '\uDC00',
  '😀',
  '\uFFFE',
  '\uFFFF',
];

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: codeUnit, maxLength: 6 }),
      fc.constantFrom(...fragments),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/**
 * What XML 1.0 can hold of a text, written apart from the code under test: an unpaired surrogate
 * becomes U+FFFD, other control characters than tab and line breaks go, as do C1 controls and
 * U+FFFE/U+FFFF.
 */
function expected(value: string): string {
  let result = '';
  for (const character of value) {
    const code = character.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) result += '\uFFFD';
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff) continue;
    else result += character;
  }
  return result;
}

interface Texts {
  siteTitle: string;
  organisation: string;
  description: string;
  newsletterName: string;
  areaTitle: string;
  areaSummary: string;
  news: { title: string; lead: string; body: string; alt: string }[];
  newsletter: { title: string; preheader: string; body: string };
}

const texts: fc.Arbitrary<Texts> = fc.record({
  siteTitle: text,
  organisation: text,
  description: text,
  newsletterName: text,
  areaTitle: text,
  areaSummary: text,
  news: fc.array(fc.record({ title: text, lead: text, body: text, alt: text }), { minLength: 1, maxLength: 3 }),
  newsletter: fc.record({ title: text, preheader: text, body: text }),
});

/** A content graph holding the texts: one area, its news (newest first) and one newsletter issue with them all. */
function graphOf(texts: Texts): ContentGraph {
  const site = {
    organisation: texts.organisation,
    title: texts.siteTitle,
    description: texts.description,
    baseUrl: 'https://test.example/',
    language: 'sv',
    contact: { email: 'info@test.example' },
    navigation: [],
    newsletter: { name: texts.newsletterName },
  } as unknown as Site;
  const area = { title: texts.areaTitle, summary: texts.areaSummary, order: 1, slug: 'omrade', goals: [], projects: [], news: [] } as unknown as AreaNode;
  const news = texts.news.map(
    (item, index) =>
      ({
        title: item.title,
        lead: item.lead,
        date: `2021-05-${String(20 - index).padStart(2, '0')}`,
        year: 2021,
        slug: `nyhet-${index + 1}`,
        draft: false,
        areas: [area],
        projects: [],
        newsletters: [],
        body: markdownToHast(item.body, `nyheter/nyhet-${index + 1}.md`),
        image: { src: 'bilder/foto.jpg', alt: item.alt, decorative: false, file: { contentPath: 'bilder/foto.jpg', width: 800, height: 600, hash: '0123456789' } },
      }) as unknown as NewsNode,
  );
  (area as { news: readonly NewsNode[] }).news = news;
  const newsletter = {
    number: 1,
    date: '2021-05-21',
    title: texts.newsletter.title,
    preheader: texts.newsletter.preheader,
    slug: '2021-1-brev',
    articles: news,
    blocks: [],
    draft: false,
    body: markdownToHast(texts.newsletter.body, 'nyhetsbrev/2021-1-brev.md'),
  } as unknown as Newsletter;
  return { site, areas: [area], reports: [], goals: [], projects: [], news, newsletters: [newsletter], pages: [], attachments: [] };
}

/** Why a piece of HTML would run something in a feed reader: scripts, event handlers, javascript: URLs. */
function liveParts(html: string): string[] {
  const found: string[] = [];
  for (const element of select(fromHtml(html, { fragment: true }) as Root, () => true) as Element[]) {
    if (['script', 'iframe', 'object', 'embed'].includes(element.tagName)) found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${element.tagName} ${name}`);
      // browsers ignore control characters and spaces in a URL's scheme
      const values = Array.isArray(value) ? value : [value];
      if (values.some((part) => /^javascript:/i.test(String(part).replace(/[\u0000-\u0020]/g, '')))) found.push(`${element.tagName} ${name}=javascript:`);
    }
  }
  return found;
}

/** A text as an HTML parser reads it: line breaks normalised. */
const asHtmlReads = (value: string) => value.replace(/\r\n?/g, '\n');

/** An attribute value as an XML parser reads it: a literal tab or line feed is a space. */
const asAttributeReads = (value: string) => value.replace(/[\t\n]/g, ' ');

const file = (files: readonly ExtraFile[], path: string) => {
  const found = files.find((item) => item.path === path);
  if (!found) throw new Error(`no ${path}`);
  return String(found.contents);
};

const named = (elements: readonly XmlElement[], name: string) => elements.filter((element) => element.name === name);

describe('feeds for any text', () => {
  it('are well-formed, read back as written, and carry no live markup', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (texts) => {
        const graph = graphOf(texts);
        const files = await feedsExtra().make({ graph, routes: [], mode: 'build' });
        const newsTitles = texts.news.map((item) => expected(item.title));
        const feedsOf = [
          {
            dir: 'nyheter',
            title: expected(`Nyheter – ${texts.siteTitle}`),
            description: expected(texts.description),
            items: newsTitles,
            summaries: texts.news.map((item) => item.lead),
          },
          {
            dir: 'omraden/omrade',
            title: expected(`${texts.areaTitle} – nyheter från ${texts.organisation}`),
            description: expected(texts.areaSummary),
            items: newsTitles,
            summaries: texts.news.map((item) => item.lead),
          },
          {
            dir: 'nyhetsbrev',
            title: expected(`${texts.newsletterName} – ${texts.siteTitle}`),
            description: expected(`Alla nummer av ${texts.newsletterName}.`),
            items: [expected(`Nr 1: ${texts.newsletter.title}`)],
            summaries: [texts.newsletter.preheader],
          },
        ];

        for (const feed of feedsOf) {
          const atom = parseXml(file(files, `${feed.dir}/atom.xml`));
          expect(atom.errors, `${feed.dir}/atom.xml`).toEqual([]);
          const atomTitles = named(atom.elements, 'title');
          for (const title of atomTitles) expect(title.attributes.type).toBe('text');
          expect(atomTitles.map((title) => title.text)).toEqual([feed.title, ...feed.items]);
          expect(named(atom.elements, 'subtitle').map((subtitle) => subtitle.text)).toEqual([feed.description]);
          expect(named(atom.elements, 'name').map((name) => name.text)).toEqual([expected(texts.organisation)]);
          expect(named(atom.elements, 'summary').map((summary) => summary.text)).toEqual(feed.summaries.map(expected));
          for (const content of named(atom.elements, 'content')) {
            expect(content.attributes.type).toBe('html');
            expect(liveParts(content.text)).toEqual([]);
          }
          if (feed.dir !== 'nyhetsbrev') {
            expect(named(atom.elements, 'category').map((category) => category.attributes.label)).toEqual(
              texts.news.map(() => asAttributeReads(expected(texts.areaTitle))),
            );
          }

          const rss = parseXml(file(files, `${feed.dir}/rss.xml`));
          expect(rss.errors, `${feed.dir}/rss.xml`).toEqual([]);
          expect(named(rss.elements, 'title').map((title) => title.text)).toEqual([feed.title, ...feed.items]);
          const [channel, ...descriptions] = named(rss.elements, 'description');
          expect(channel?.text).toBe(feed.description);
          expect(descriptions.map((description) => toString(fromHtml(description.text, { fragment: true })))).toEqual(
            feed.summaries.map((summary) => asHtmlReads(expected(summary))),
          );
          for (const html of [...descriptions, ...named(rss.elements, 'content:encoded')]) expect(liveParts(html.text)).toEqual([]);

          const json = JSON.parse(file(files, `${feed.dir}/feed.json`)) as { title: string; description: string; items: { title: string; summary: string; content_html: string }[] };
          expect(json.title).toBe(feed.title);
          expect(json.description).toBe(feed.description);
          expect(json.items.map((item) => item.title)).toEqual(feed.items);
          expect(json.items.map((item) => item.summary)).toEqual(feed.summaries.map(expected));
          for (const item of json.items) expect(liveParts(item.content_html)).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
