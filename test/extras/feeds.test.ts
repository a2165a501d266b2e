import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type SiteBuild } from '../../src/build.js';
import { xmlSafe } from '../../src/extras/xml.js';
import { fixture } from '../support/cli.js';
import { area, news, removeSites, siteYaml, writeSite } from '../content/temp-site.js';
import { select } from '../support/hast.js';
import { parseXml } from '../support/xml.js';

/*
 * News feeds (Atom, RSS 2.0, JSON Feed), all news and per area: well-formed XML by a strict
 * parser whatever the titles hold, full text with absolute URLs, and announced on the pages
 * they belong to.
 */

let site: SiteBuild;
const file = (path: string) => {
  const found = site.files.find((item) => item.path === path);
  if (!found) throw new Error(`no ${path}`);
  return String(found.contents);
};

beforeAll(async () => {
  site = await buildSite({ contentDir: fixture('basic') });
});
afterAll(removeSites);

describe('news feeds', () => {
  const feeds = ['nyheter/atom.xml', 'nyheter/rss.xml', 'omraden/skola/atom.xml', 'omraden/skola/rss.xml', 'omraden/miljo/atom.xml', 'omraden/miljo/rss.xml'];

  it.each(feeds)('%s is well-formed XML to a strict parser', (path) => {
    expect(parseXml(file(path)).errors).toEqual([]);
  });

  it('has an Atom feed of all news, newest first, with absolute links and the full text', () => {
    const { elements } = parseXml(file('nyheter/atom.xml'));
    const ids = elements.filter((element) => element.name === 'id').map((element) => element.text);
    expect(ids).toEqual([
      'https://test.example/nyheter/',
      'https://test.example/nyheter/2021/sakerhet/',
      'https://test.example/nyheter/2020/lasning-startar/',
    ]);
    const self = elements.find((element) => element.name === 'link' && element.attributes.rel === 'self');
    expect(self?.attributes.href).toBe('https://test.example/nyheter/atom.xml');
    const content = elements.filter((element) => element.name === 'content').map((element) => element.text);
    // the body's root-relative link and the image are absolute in the feed
    expect(content[1]).toContain('href="https://test.example/omraden/skola/"');
    expect(content[1]).toMatch(/<img src="https:\/\/test\.example\/bilder\/bokhylla-[0-9a-f]{10}-960\.jpg" alt="Tecknade bokryggar/);
    expect(content[1]).toContain('Projektet Läsfrämjande har startat.');
    // sanitised content stays sanitised
    expect(content[0]).not.toContain('<script');
    expect(elements.find((element) => element.name === 'updated')?.text).toBe('2021-02-01T12:00:00.000Z');
  });

  it('has an RSS 2.0 feed with the same items', () => {
    const { elements } = parseXml(file('nyheter/rss.xml'));
    expect(elements[0]?.name).toBe('rss');
    expect(elements[0]?.attributes.version).toBe('2.0');
    const links = elements.filter((element) => element.name === 'item').length;
    expect(links).toBe(2);
    expect(elements.filter((element) => element.name === 'guid').map((element) => element.text)).toEqual([
      'https://test.example/nyheter/2021/sakerhet/',
      'https://test.example/nyheter/2020/lasning-startar/',
    ]);
    expect(elements.find((element) => element.name === 'language')?.text).toBe('sv');
  });

  it('has a JSON Feed with the full text of each item', () => {
    const feed = JSON.parse(file('nyheter/feed.json')) as { version: string; items: { id: string; url: string; content_html: string; title: string }[] };
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\//);
    expect(feed.items.map((item) => item.url)).toEqual(['https://test.example/nyheter/2021/sakerhet/', 'https://test.example/nyheter/2020/lasning-startar/']);
    expect(feed.items[1]!.content_html).toContain('Mer text med en');
  });

  it("gives each area a feed of that area's news only, and an empty area an empty, valid feed", () => {
    const skola = parseXml(file('omraden/skola/atom.xml')).elements.filter((element) => element.name === 'entry');
    expect(skola).toHaveLength(2);
    const miljo = parseXml(file('omraden/miljo/atom.xml'));
    expect(miljo.errors).toEqual([]);
    expect(miljo.elements.filter((element) => element.name === 'entry')).toHaveLength(0);
    expect(miljo.elements.find((element) => element.name === 'title')?.text).toBe('Miljö – nyheter från Testförbundet');
  });

  it('announces the feeds on the pages they belong to, and each announced feed exists', () => {
    const alternates = (path: string) =>
      select(fromHtml(file(path)) as Root, (element) => element.tagName === 'link' && String(element.properties.rel) === 'alternate').map((element) => ({
        type: String(element.properties.type),
        href: String(element.properties.href),
      }));
    const siteFeeds = [
      { type: 'application/atom+xml', href: '/nyheter/atom.xml' },
      { type: 'application/rss+xml', href: '/nyheter/rss.xml' },
      { type: 'application/feed+json', href: '/nyheter/feed.json' },
    ];
    for (const page of ['index.html', 'nyheter/index.html', 'nyheter/2020/index.html', 'nyheter/2020/lasning-startar/index.html']) {
      expect(alternates(page), page).toEqual(siteFeeds);
    }
    expect(alternates('omraden/skola/index.html').map((feed) => feed.href)).toEqual(['/omraden/skola/atom.xml', '/omraden/skola/rss.xml', '/omraden/skola/feed.json']);
    expect(alternates('projekt/index.html')).toEqual([]);
    for (const feed of [...siteFeeds, { href: '/omraden/skola/atom.xml' }]) expect(() => file(feed.href.slice(1))).not.toThrow();
  });

  it('is the same, byte for byte, when built again (no clock in a feed)', async () => {
    const again = await buildSite({ contentDir: fixture('basic') });
    for (const path of feeds) expect(String(again.files.find((item) => item.path === path)?.contents)).toBe(file(path));
  });
});

describe('the newsletter feed', () => {
  it.each(['nyhetsbrev/atom.xml', 'nyhetsbrev/rss.xml'])('%s is well-formed XML to a strict parser', (path) => {
    expect(parseXml(file(path)).errors).toEqual([]);
  });

  it('lists each issue with its editorial and its articles as absolute links', () => {
    const { elements } = parseXml(file('nyhetsbrev/atom.xml'));
    const titles = elements.filter((element) => element.name === 'title').map((element) => element.text);
    expect(titles).toContain('Nr 1: Första brevet');
    const content = elements.find((element) => element.name === 'content')!.text;
    expect(content).toContain('Välkommen till brevet.');
    expect(content).toContain('href="https://test.example/nyheter/2020/lasning-startar/"');
    const json = JSON.parse(file('nyhetsbrev/feed.json')) as { items: { url: string }[] };
    expect(json.items.map((item) => item.url)).toEqual(['https://test.example/nyhetsbrev/2020-1-forsta/']);
  });

  it('is announced and linked on the newsletter archive', () => {
    const archive = file('nyhetsbrev/index.html');
    expect(archive).toContain('<link rel="alternate" type="application/atom+xml" title="Testbrevet (Atom)" href="/nyhetsbrev/atom.xml">');
    expect(archive).toMatch(/<a href="\/nyhetsbrev\/rss\.xml" type="application\/rss\+xml">Prenumerera på nya nummer i en flödesläsare \(RSS\)<\/a>/);
  });
});

describe('a feed for any title', () => {
  it('strips control characters and unpaired surrogates, and keeps every other character', () => {
    expect(xmlSafe('a\u0001b\u001bc\u0000d\u007f')).toBe('abcd');
    expect(xmlSafe('tab\tnew\nline\r')).toBe('tab\tnew\nline\r');
    expect(xmlSafe('lone \uD800 high, lone \uDC00 low, pair 😀')).toBe('lone \uFFFD high, lone \uFFFD low, pair 😀');
    expect(xmlSafe('<&>"\' ]]> å')).toBe('<&>"\' ]]> å');
  });

  it('is well-formed when titles and leads hold control characters, markup and CDATA ends', async () => {
    const title = 'Nyhet \\x01 med \\x1b styrtecken, <b>&amp;</b> ]]> och \\uD800';
    const dir = await writeSite({
      'site.yaml': siteYaml.replace('title: Testförbundet', 'title: "Test \\x02 <förbundet> & ]]>"'),
      'omraden/a.md': area('A & <B>', 1),
      'nyheter/konstig.md': news({ title, date: '2021-05-05', areas: ['a'] }).replace('lead: Ingress.', 'lead: "Ingress \\x07 ]]> </content>"'),
    });
    const built = await buildSite({ contentDir: dir, cwd: dir });
    for (const path of ['nyheter/atom.xml', 'nyheter/rss.xml', 'omraden/a/atom.xml', 'omraden/a/rss.xml']) {
      const xml = String(built.files.find((item) => item.path === path)?.contents);
      const { errors, elements } = parseXml(xml);
      expect(errors, path).toEqual([]);
      const titles = elements.filter((element) => element.name === 'title').map((element) => element.text);
      expect(titles, path).toContain('Nyhet  med  styrtecken, <b>&amp;</b> ]]> och \uFFFD');
    }
    const json = JSON.parse(String(built.files.find((item) => item.path === 'nyheter/feed.json')?.contents)) as { items: { title: string }[] };
    expect(json.items[0]!.title).toBe('Nyhet  med  styrtecken, <b>&amp;</b> ]]> och \uFFFD');
  });
});

/** What a feed reader shows of a text field: an Atom field of type "html" (and an RSS description) is HTML. */
const shownText = (text: string, type: string | undefined) => (type === 'html' ? toString(fromHtml(text, { fragment: true })) : text);

/** Every element an HTML field would make live in a feed reader, with its attributes. */
const liveElements = (html: string) => select(fromHtml(html, { fragment: true }) as Root, () => true) as Element[];

describe('a feed reader shows what the editor wrote', () => {
  let built: SiteBuild;
  const xml = (path: string) => parseXml(String(built.files.find((item) => item.path === path)?.contents));
  const markupTitle = '<img src=x onerror=alert(1)>';
  const cdataEnds = 'Först ]]> sedan ]]> och sist.';

  beforeAll(async () => {
    const dir = await writeSite({
      'site.yaml': `${siteYaml}newsletter:\n  name: Brevet\n`,
      'omraden/a.md': area('A', 1),
      'nyheter/bild.md': news({ title: markupTitle, date: '2021-05-05', areas: ['a'] }),
      'nyheter/mindre.md': news({ title: 'a<b', date: '2021-05-04', areas: ['a'] }).replace('lead: Ingress.', 'lead: "x<y & z"'),
      'nyheter/cdata.md': news({ title: 'Slut', date: '2021-05-03', areas: ['a'] }).replace('Brödtext.', `${cdataEnds}\n`),
      'nyhetsbrev/2021-1-brev.md': `---\nnumber: 1\ndate: 2021-05-06\ntitle: Brev\narticles: [cdata]\n---\n${cdataEnds}\n`,
    });
    built = await buildSite({ contentDir: dir, cwd: dir });
  });

  it.each(['nyheter/atom.xml', 'nyheter/rss.xml', 'omraden/a/atom.xml', 'omraden/a/rss.xml', 'nyhetsbrev/atom.xml', 'nyhetsbrev/rss.xml'])(
    '%s stays well-formed when a text holds "]]>" twice, and keeps that text',
    (path) => {
      const { errors, elements } = xml(path);
      expect(errors).toEqual([]);
      const html = elements.filter((element) => element.name === 'content' || element.name === 'content:encoded').map((element) => element.text);
      expect(html.some((text) => toString(fromHtml(text, { fragment: true })).includes(cdataEnds))).toBe(true);
    },
  );

  it.each(['nyheter/atom.xml', 'omraden/a/atom.xml'])('%s titles are text, not markup a reader would run', (path) => {
    const titles = xml(path)
      .elements.filter((element) => element.name === 'title')
      .map((element) => shownText(element.text, element.attributes.type));
    expect(titles).toContain(markupTitle);
    expect(titles).toContain('a<b');
    for (const content of xml(path).elements.filter((element) => element.attributes.type === 'html')) {
      for (const element of liveElements(content.text)) expect(Object.keys(element.properties).filter((name) => /^on/i.test(name))).toEqual([]);
    }
  });

  it.each(['nyheter/rss.xml', 'omraden/a/rss.xml'])('%s titles and descriptions show as written', (path) => {
    const { elements } = xml(path);
    const titles = elements.filter((element) => element.name === 'title').map((element) => element.text);
    expect(titles).toContain(markupTitle);
    expect(titles).toContain('a<b');
    const descriptions = elements.filter((element) => element.name === 'description').map((element) => shownText(element.text, 'html'));
    expect(descriptions).toContain('x<y & z');
  });

  it('JSON Feed titles are the text as written', () => {
    const feed = JSON.parse(String(built.files.find((item) => item.path === 'nyheter/feed.json')?.contents)) as { items: { title: string; summary: string }[] };
    expect(feed.items.map((item) => item.title)).toEqual([markupTitle, 'a<b', 'Slut']);
    expect(feed.items[1]!.summary).toBe('x<y & z');
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists every published page except the 404 and search pages, with the date it last changed', () => {
    const { errors, elements } = parseXml(file('sitemap.xml'));
    expect(errors).toEqual([]);
    expect(elements[0]?.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = elements.filter((element) => element.name === 'url');
    const locs = elements.filter((element) => element.name === 'loc').map((element) => element.text);
    const lastmods = elements.filter((element) => element.name === 'lastmod').map((element) => element.text);
    expect(lastmods).toHaveLength(urls.length);
    for (const date of lastmods) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const pages = site.routes.filter((route) => route.kind !== 'not-found' && route.kind !== 'search').map((route) => `https://test.example${route.path}`);
    expect([...locs].sort()).toEqual([...pages].sort());
    const at = (loc: string) => lastmods[locs.indexOf(loc)];
    expect(at('https://test.example/nyheter/2020/lasning-startar/')).toBe('2020-09-01');
    expect(at('https://test.example/tillganglighet/')).toBe('2026-01-20');
    expect(at('https://test.example/verksamhetsberattelse/2020/')).toBe('2021-03-15');
  });

  it('has a robots.txt that allows everything and points at the sitemap', () => {
    expect(file('robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://test.example/sitemap.xml\n');
  });

  it('keeps a sub-path site in its sub-path', async () => {
    const sub = await buildSite({ contentDir: fixture('basic'), baseUrl: 'https://org.github.io/repo' });
    const sitemap = String(sub.files.find((item) => item.path === 'sitemap.xml')?.contents);
    expect(sitemap).toContain('<loc>https://org.github.io/repo/nyheter/</loc>');
    expect(sitemap).not.toContain('<loc>https://org.github.io/nyheter/');
    expect(String(sub.files.find((item) => item.path === 'robots.txt')?.contents)).toContain('Sitemap: https://org.github.io/repo/sitemap.xml');
    const atom = String(sub.files.find((item) => item.path === 'nyheter/atom.xml')?.contents);
    expect(atom).toContain('href="https://org.github.io/repo/omraden/skola/"');
  });
});
