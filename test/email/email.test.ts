import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import mjml2html from 'mjml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build.js';
import type { ContentGraph, Newsletter } from '../../src/content/graph.js';
import { gmailClipBytes } from '../../src/email/files.js';
import { compileMjml, EmailTemplateError, renderNewsletterEmail, type RenderedEmail } from '../../src/email/render.js';
import { lineWidth } from '../../src/email/text.js';
import { root } from '../support/cli.js';
import { elements, elementsWithoutInlineStyle, normalise, parseEmail, styleElements, styleRules, urlsOf } from './support.js';

/*
 * The email version of a newsletter, as the issue asks: no relative URL, no script, no external
 * stylesheet, no <style> without an inline fallback, MJML strict validation, under Gmail's
 * 102 kB, preheader and web-version link set, link texts that say where they go, and a
 * plain-text version with every article title and URL. Run over the real first newsletter and
 * over a fixture whose bodies hold everything Markdown can (test/email/fixtures/site).
 */

const here = dirname(fileURLToPath(import.meta.url));

interface Case {
  name: string;
  contentDir: string;
  slug: string;
  placeholder: string;
  /** The text of the link to the placeholder: the notice's own "klicka här" sentence, where it has one. */
  unsubscribeText: string;
}

const cases: Case[] = [
  {
    name: 'the real first newsletter',
    contentDir: join(root, 'content'),
    slug: '2019-1-forsta-numret',
    placeholder: '*|UNSUB|*',
    unsubscribeText: 'Skulle du vilja avsluta din prenumeration, klicka här',
  },
  {
    name: 'the fixture newsletter',
    contentDir: join(here, 'fixtures', 'site'),
    slug: '2021-1-provnumret',
    placeholder: '%unsubscribe_url%',
    unsubscribeText: 'Avsluta prenumerationen',
  },
];

interface Rendered {
  graph: ContentGraph;
  newsletter: Newsletter;
  email: RenderedEmail;
  tree: Root;
}

async function render(contentDir: string, slug: string, baseUrl?: string): Promise<Rendered> {
  const graph = await loadSite({ contentDir, today: '2026-01-01', baseUrl });
  const newsletter = graph.newsletters.find((item) => item.slug === slug);
  if (!newsletter) throw new Error(`no newsletter ${slug} in ${contentDir}`);
  const email = await renderNewsletterEmail(newsletter, graph.site);
  return { graph, newsletter, email, tree: parseEmail(email.html) };
}

/**
 * The plain text with "(URL)" after link texts removed, and URLs without their scheme (a link
 * written www.x.se shows its full URL in the text): the words as the HTML shows them.
 */
const words = (text: string) =>
  normalise(text.replace(/\s*\((?:(?:https?|mailto|tel):[^)\s]+|\*\|UNSUB\|\*|%unsubscribe_url%)\)/g, '').replace(/https?:\/\//g, ''));

describe.each(cases)('$name', ({ contentDir, slug, placeholder, unsubscribeText }) => {
  let site: Rendered;
  beforeAll(async () => {
    site = await render(contentDir, slug);
  });

  it('has no relative URL: every href and src is http(s), mailto:, tel: or the unsubscribe placeholder', () => {
    const relative = urlsOf(site.tree).filter(({ url }) => !/^(https?:\/\/[^/]|mailto:|tel:)/.test(url) && url !== placeholder);
    expect(relative).toEqual([]);
    expect(urlsOf(site.tree).length).toBeGreaterThan(5);
  });

  it('has no script, no external stylesheet, no @import and no event handler', () => {
    expect(elements(site.tree, (element) => element.tagName === 'script')).toEqual([]);
    expect(elements(site.tree, (element) => element.tagName === 'link')).toEqual([]);
    expect(site.email.html).not.toMatch(/@import|javascript:/i);
    expect(elements(site.tree, (element) => Object.keys(element.properties).some((name) => /^on[A-Z]/.test(name)))).toEqual([]);
  });

  it('has no <style> that a client could strip without an inline fallback', () => {
    // Every element a <style> rule targets carries inline styles of its own...
    expect(elementsWithoutInlineStyle(site.tree)).toEqual([]);
    // ...and the rules under @media are MJML's responsive columns, which carry an inline width
    // of 100 %: without the rule, columns stack into one column (browser.test.ts shows it fits
    // 320 px and 600 px with every <style> removed), and mj-image's full-width-on-phones rule.
    const rules = styleElements(site.tree).flatMap((style) => styleRules(toString(style)));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules.filter((item) => item.media)) {
      expect(rule.selector).toMatch(/^((\.moz-text-html )?\.mj-column-per-\d+|(table|td)\.mj-full-width-mobile)$/);
    }
    for (const column of elements(site.tree, (element) => String(element.properties.className ?? '').includes('mj-column-per'))) {
      expect(String(column.properties.style)).toMatch(/width:100%/);
    }
  });

  it('passes MJML validation at the strict level', async () => {
    const strict = await mjml2html(site.email.mjml, { validationLevel: 'strict', fonts: {} });
    expect(strict.errors).toEqual([]);
    const soft = await mjml2html(site.email.mjml, { validationLevel: 'soft', fonts: {} });
    expect(soft.errors.map((error) => error.formattedMessage)).toEqual([]);
  });

  it(`stays under Gmail's clipping limit (${gmailClipBytes / 1000} kB)`, () => {
    expect(Buffer.byteLength(site.email.html)).toBeLessThan(gmailClipBytes);
  });

  it('is Swedish, titled, and sets the preheader as the first, hidden text', () => {
    const [html] = elements(site.tree, (element) => element.tagName === 'html');
    expect(html?.properties.lang).toBe('sv');
    const title = toString(elements(site.tree, (element) => element.tagName === 'title')[0]!);
    expect(title).toBe(`${site.newsletter.title} – ${site.graph.site.newsletter!.name} nr ${site.newsletter.number}`);
    const body = elements(site.tree, (element) => element.tagName === 'body')[0]!;
    const preview = elements(body, (element) => element.tagName === 'div')[0]!;
    expect(String(preview.properties.style)).toContain('display:none');
    expect(toString(preview)).toBe(site.newsletter.preheader);
  });

  it('links to its web version from the "open it in the browser" sentence', () => {
    const webUrl = new URL(`nyhetsbrev/${slug}/`, site.graph.site.baseUrl).href;
    const sentence = site.graph.site.newsletter!.viewInBrowser!;
    const link = urlsOf(site.tree).find(({ url }) => url === webUrl);
    expect(link, 'a link to the web version').toBeDefined();
    expect(sentence.endsWith(`${link!.text}.`)).toBe(true);
    expect(normalise(toString(site.tree))).toContain(sentence);
  });

  it('has link texts that say where they go, and the unsubscribe link on the placeholder', () => {
    const links = urlsOf(site.tree).filter(({ tag }) => tag === 'a');
    for (const link of links) {
      expect(link.text, link.url).not.toBe('');
      expect(link.text, link.url).not.toMatch(/^(klicka här|här|läs mer|länk|click here)\.?$/i);
    }
    expect(links.filter(({ url }) => url === placeholder).map(({ text }) => text)).toEqual([unsubscribeText]);
  });

  it('keeps the subscription notice as written, and gives the plain text the unsubscribe address', () => {
    const notice = normalise(site.graph.site.newsletter!.subscriptionNotice!);
    expect(normalise(toString(site.tree))).toContain(notice);
    expect(words(site.email.text)).toContain(notice);
    expect(site.email.text).toContain(placeholder);
  });

  it('shows every article with its title linked to the news item on the site, and every block', () => {
    const text = normalise(toString(site.tree));
    for (const article of site.newsletter.articles) {
      const url = new URL(`nyheter/${article.year}/${article.slug}/`, site.graph.site.baseUrl).href;
      const heading = elements(site.tree, (element) => element.tagName === 'h2' && toString(element) === article.title);
      expect(heading, article.title).toHaveLength(1);
      expect(elements(heading[0]!, (element) => element.tagName === 'a')[0]?.properties.href).toBe(url);
      expect(text).toContain(normalise(article.lead));
    }
    for (const block of site.newsletter.blocks) expect(text).toContain(block.title);
    expect(elements(site.tree, (element) => element.tagName === 'h1').map((element) => toString(element))).toEqual([site.newsletter.title]);
  });

  it('gives every image alt text and a fixed width no wider than the email', () => {
    for (const image of elements(site.tree, (element) => element.tagName === 'img')) {
      expect(typeof image.properties.alt, String(image.properties.src)).toBe('string');
      expect(Number(image.properties.width)).toBeGreaterThan(0);
      expect(Number(image.properties.width)).toBeLessThanOrEqual(600);
    }
  });

  it('has a plain-text version with every article title and URL, and every URL of the HTML', () => {
    const text = site.email.text;
    for (const article of site.newsletter.articles) {
      expect(text).toContain(article.title);
      expect(text).toContain(new URL(`nyheter/${article.year}/${article.slug}/`, site.graph.site.baseUrl).href);
    }
    for (const { url, text: linkText } of urlsOf(site.tree).filter(({ tag }) => tag === 'a')) {
      if (/^(mailto|tel):/.test(url)) expect(text).toContain(linkText);
      else expect(text).toContain(url);
    }
    const lines = text.split('\n');
    const long = lines.filter((line) => [...line].length > lineWidth && !/^\S*(https?:\/\/|%|\*\|)\S*\)?\.?$/.test(line.replace(/^.*?\(/, '')));
    expect(long).toEqual([]);
  });

  it('has the same words in the plain text as in the HTML', () => {
    const html = normalise(toString(elements(site.tree, (element) => element.tagName === 'body')[0]!));
    expect(html.length).toBeGreaterThan(100);
    for (const paragraph of elements(site.tree, (element) => element.tagName === 'p')) {
      // "Avsluta prenumerationen · Alla nummer …": links side by side in the HTML, one a line in the text
      for (const part of normalise(toString(paragraph)).split(' · ')) if (part) expect(words(site.email.text)).toContain(part);
    }
  });
});

describe('the real first newsletter, complete', () => {
  let site: Rendered;
  beforeAll(async () => {
    site = await render(join(root, 'content'), '2019-1-forsta-numret');
  });

  /** Every sentence of the source document, with the repairs the site's content test applies. */
  async function sourceSentences(): Promise<string[]> {
    const document = 'nyhetsbrev-forsta-numret.txt';
    let text = await readFile(join(root, 'test', 'fixtures', 'source-documents', document), 'utf8');
    const repairs = JSON.parse(await readFile(join(root, 'test', 'fixtures', 'source-repairs.json'), 'utf8')) as { document: string; from: string; to: string }[];
    for (const repair of repairs.filter((item) => item.document === document)) {
      // the email's own header is kept: in the email it is the masthead and the web-version line
      text = repair.to === '' ? text.replace(repair.from, repair.from.replace('Kommunförbundets nyhetsbrev. ', 'Kommunförbundets nyhetsbrev\n')) : text.replace(repair.from, repair.to);
    }
    return text
      .split('\n')
      .map((line) => normalise(line.replace(/^\s*(?:[-•]\s+)/, '')))
      .filter(Boolean)
      .flatMap((line) => line.split(/(?<=[.!?])\s+/));
  }

  it('carries every sentence of the source newsletter, in the HTML and in the plain text', async () => {
    const sentences = await sourceSentences();
    expect(sentences.length).toBeGreaterThan(40);
    const html = normalise(toString(site.tree));
    const text = words(site.email.text);
    expect(sentences.filter((sentence) => !html.includes(sentence))).toEqual([]);
    expect(sentences.filter((sentence) => !text.includes(sentence))).toEqual([]);
  });

  it('carries the three articles, the three blocks and the contact footer of site.yaml', () => {
    expect(site.newsletter.articles.map((article) => article.title)).toEqual([
      'Med bättre integrationsarbete i sikte',
      'Ökar motivationen hos unga',
      'Strategier för ungas levnadsvillkor, inflytande och delaktighet',
    ]);
    expect(site.newsletter.blocks.map((block) => block.title)).toEqual(['Vårt uppdrag', 'Kurser och konferenser', 'Lediga lokaler']);
    const links = urlsOf(site.tree);
    expect(links).toContainEqual(expect.objectContaining({ url: 'tel:0480456700', text: '0480-45 67 00' }));
    expect(links).toContainEqual(expect.objectContaining({ url: 'mailto:info@kfkl.se', text: 'info@kfkl.se' }));
    expect(links).toContainEqual(expect.objectContaining({ url: 'https://www.kfkl.se', text: 'www.kfkl.se' }));
    expect(links).toContainEqual(expect.objectContaining({ url: 'https://www.kfkl.se/projekt/casypot/', text: 'vår webbplats' }));
  });
});

describe('URLs', () => {
  it('keep a site published under a sub-path inside it', async () => {
    const site = await render(join(root, 'content'), '2019-1-forsta-numret', 'https://example.org/repo/');
    const own = urlsOf(site.tree).filter(({ url }) => url.startsWith('https://example.org/'));
    expect(own.length).toBeGreaterThan(4);
    expect(own.filter(({ url }) => !url.startsWith('https://example.org/repo/'))).toEqual([]);
    expect(site.email.text).toContain('https://example.org/repo/nyhetsbrev/2019-1-forsta-numret/');
  });

  it('resolve relative, root-relative and in-page links of a body against the page that shows it', async () => {
    const site = await render(join(here, 'fixtures', 'site'), '2021-1-provnumret');
    const urls = urlsOf(site.tree).map(({ url }) => url);
    expect(urls).toContain('https://prov.example/omraden/prov/');
    expect(urls).toContain('https://prov.example/nyheter/2021/tabeller/');
    // an in-page link of an article leads to the article's page; of a block, to the block on the web version
    expect(urls).toContain('https://prov.example/nyheter/2021/bilder-och-lankar/#tabell');
    expect(urls).toContain('https://prov.example/nyhetsbrev/2021-1-provnumret/#block-1-rubrik');
  });

  it('escape what the content says: a title with & and < stays text', async () => {
    const site = await render(join(here, 'fixtures', 'site'), '2021-1-provnumret');
    expect(elements(site.tree, (element) => element.tagName === 'brevet')).toEqual([]);
    expect(normalise(toString(site.tree))).toContain('Bilder & länkar i <brevet>');
    expect(site.email.text).toContain('Bilder & länkar i <brevet>');
  });

  it('give an image a width that fits the text column and keeps its proportions', async () => {
    const site = await render(join(here, 'fixtures', 'site'), '2021-1-provnumret');
    const images = elements(site.tree, (element) => element.tagName === 'img');
    expect(images.map((image) => [image.properties.src, image.properties.alt, image.properties.width])).toEqual([
      // the news item's own picture (front matter image:), the published JPEG variant, with alt text and caption
      [expect.stringMatching(/^https:\/\/prov\.example\/bilder\/bokhylla-[0-9a-f]+-960\.jpg$/), 'Tecknade bokryggar i olika höjd.', 552],
      // pictures in the Markdown body: a fixed width no wider than the text, height in proportion
      ['https://bilder.example/stor.jpg', 'En stor bild', 552],
      ['https://bilder.example/dekor.png', '', 552],
      // a picture of the content folder in the text: its published JPEG, never a <picture> a mail client cannot show
      [expect.stringMatching(/^https:\/\/prov\.example\/bilder\/monster-[0-9a-f]+-640\.jpg$/), 'Mönster av gröna staplar.', 552],
      // a decorative picture has an empty alt
      [expect.stringMatching(/^https:\/\/prov\.example\/bilder\/monster-[0-9a-f]+-640\.jpg$/), '', 552],
    ]);
    expect(images[1]!.properties.height).toBe(368);
    expect(images[3]!.properties.height).toBe(207);
    expect(elements(site.tree, (element) => element.tagName === 'picture' || element.tagName === 'source')).toEqual([]);
    expect(site.email.text).toContain('[Bild: Mönster av gröna staplar.]');
    for (const image of images) expect(String(image.properties.style)).toMatch(/width:100%/);
    expect(site.email.text).toContain('[Bild: Tecknade bokryggar i olika höjd.] Bokhyllan i läsrummet.');
    expect(normalise(toString(site.tree))).toContain('Bokhyllan i läsrummet.');
  });
});

describe('MJML', () => {
  it('is run at the strict level: an invalid document is refused, not rendered', async () => {
    await expect(compileMjml('<mjml><mj-body><mj-section><mj-text colour="red">x</mj-text></mj-section></mj-body></mjml>')).rejects.toThrow(EmailTemplateError);
  });
});
