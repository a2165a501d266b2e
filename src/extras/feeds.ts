import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { Feed } from 'feed';
import type { Area, ContentGraph, NewsItem, Newsletter } from '../content/graph.js';
import { imagePlan } from '../images/variants.js';
import { placeBody } from '../render/prose.js';
import { rewrite } from '../render/rewrite.js';
import { urls, type FeedFormat } from '../routes/urls.js';
import type { Extra, ExtraFile } from './index.js';
import { latestContentDate } from './last-modified.js';

/*
 * News as Atom, RSS 2.0 and JSON Feed: all news, each area's news, and the newsletter's issues. Items carry their full
 * text with every URL absolute. Feeds are XML, where some characters can never appear (C0
 * control characters, unpaired surrogates): they are removed from every text, whatever a title
 * holds, so a feed is always well-formed.
 */

/** The newest items a feed carries. */
export const feedSize = 50;

/** Text that is valid Unicode: an unpaired surrogate (which no encoder can write) becomes U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Text that XML 1.0 can hold: unpaired surrogates become U+FFFD, control characters go. */
export function xmlSafe(text: string): string {
  return wellFormed(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '');
}

/** A calendar date as a moment: noon UTC is the same day in Sweden, summer or winter. */
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/**
 * A body with every URL made absolute (the body is not changed): "/x/" is a page of the site, so
 * it is resolved against the site's base URL (which may have a path); "#a" and "x/" against the
 * page the body belongs to.
 */
export function absoluteUrls(tree: Root, pageUrl: string, baseUrl: string): Root {
  const absolute = (url: string) =>
    /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : url.startsWith('/') && !url.startsWith('//') ? new URL(url.slice(1), baseUrl).href : new URL(url, pageUrl).href;
  return rewrite(tree, (node: Element) => {
    const properties: Element['properties'] = {};
    for (const name of ['href', 'src'] as const) {
      const value = node.properties[name];
      if (typeof value === 'string' && absolute(value) !== value) properties[name] = absolute(value);
    }
    const srcSet = node.properties.srcSet;
    if (typeof srcSet === 'string') {
      properties.srcSet = srcSet
        .split(',')
        .map((candidate) => candidate.trim().replace(/^\S+/, absolute))
        .join(', ');
    }
    return Object.keys(properties).length > 0 ? { ...node, properties: { ...node.properties, ...properties } } : undefined;
  });
}

/**
 * Feed HTML by news body: a body object lives as long as its file is unchanged (the session
 * keeps parsed files), so the preview does not re-serialise every feed item on every save.
 */
const itemHtmlCache = new WeakMap<Root, Map<string, string>>();

/** A news item in full, as HTML with absolute URLs: ingress, image and text. */
export function itemHtml(item: NewsItem, pageUrl: string, baseUrl: string): string {
  const key = `${pageUrl}\n${baseUrl}\n${item.lead}\n${item.image ? `${item.image.file.hash}\n${item.image.alt}` : ''}`;
  let cached = itemHtmlCache.get(item.body);
  if (!cached) itemHtmlCache.set(item.body, (cached = new Map()));
  const hit = cached.get(key);
  if (hit !== undefined) return hit;
  const html = renderItemHtml(item, pageUrl, baseUrl);
  cached.set(key, html);
  return html;
}

function renderItemHtml(item: NewsItem, pageUrl: string, baseUrl: string): string {
  const children: Root['children'] = [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: item.lead }] }];
  if (item.image) {
    const picture = imagePlan(item.image.file).fallback;
    children.push({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'element', tagName: 'img', properties: { src: picture.url, alt: item.image.alt, width: picture.width, height: picture.height }, children: [] }],
    });
  }
  children.push(...placeBody(item.body, { topLevel: 2 }).children);
  return xmlSafe(toHtml(absoluteUrls({ type: 'root', children }, pageUrl, baseUrl)));
}

/**
 * The feed package writes an Atom category's label as an attribute with "<" and ">" as they
 * are, which XML does not allow in an attribute: escape them there.
 */
export function fixAtomCategories(xml: string): string {
  return xml.replace(/<category((?:\s+[\w:-]+="[^"]*")+)\s*\/>/g, (_tag, attributes: string) => {
    const escaped = attributes.replace(/="([^"]*)"/g, (_attribute, value: string) => `="${value.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
    return `<category${escaped}/>`;
  });
}

/** One entry of a feed: a news item or a newsletter issue. */
interface FeedEntry {
  title: string;
  /** Root-relative URL of the entry's page. */
  path: string;
  summary: string;
  /** The entry in full, as HTML with absolute URLs. */
  content: (link: string) => string;
  date: string;
  categories: { name: string; term: string }[];
  image?: string;
}

interface FeedSpec {
  title: string;
  description: string;
  /** Root-relative URL of the page the feed belongs to. */
  page: string;
  items: readonly FeedEntry[];
  url: (format: FeedFormat) => string;
}

function newsEntry(item: NewsItem, baseUrl: string): FeedEntry {
  return {
    title: item.title,
    path: urls.newsItem(item),
    summary: item.lead,
    content: (link) => itemHtml(item, link, baseUrl),
    date: item.date,
    categories: item.areas.map((area) => ({ name: area.title, term: area.slug })),
    image: item.image ? imagePlan(item.image.file).fallback.url : undefined,
  };
}

/** A newsletter issue in a feed: its editorial, then its articles' titles and leads as links. */
function newsletterEntry(newsletter: Newsletter, baseUrl: string): FeedEntry {
  return {
    title: `Nr ${newsletter.number}: ${newsletter.title}`,
    path: urls.newsletter(newsletter),
    summary: newsletter.preheader ?? newsletter.title,
    content: (link) => {
      const children: Root['children'] = [...placeBody(newsletter.body, { topLevel: 2 }).children];
      for (const article of newsletter.articles) {
        children.push(
          { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'element', tagName: 'a', properties: { href: urls.newsItem(article) }, children: [{ type: 'text', value: article.title }] }] },
          { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: article.lead }] },
        );
      }
      return xmlSafe(toHtml(absoluteUrls({ type: 'root', children }, link, baseUrl)));
    },
    date: newsletter.date,
    categories: [],
  };
}

/**
 * The last files written for each feed, by everything they are made of: writing XML is the
 * costly part, and in the preview most saves change no feed at all.
 */
const feedCache = new Map<string, { key: string; files: ExtraFile[] }>();

function feedFilesFor(spec: FeedSpec, graph: ContentGraph): ExtraFile[] {
  const { site } = graph;
  const absolute = (path: string) => new URL(path.replace(/^\//, ''), site.baseUrl).href;
  const items = spec.items.slice(0, feedSize);
  const updated = items[0]?.date ?? latestContentDate(graph);
  const key = JSON.stringify([
    spec.title,
    spec.description,
    spec.page,
    spec.url('atom'),
    site,
    updated,
    items.map((item) => [item.title, item.path, item.summary, item.date, item.categories, item.image, item.content(absolute(item.path))]),
  ]);
  const cached = feedCache.get(spec.page);
  if (cached?.key === key) return [...cached.files];
  const files = writeFeed(spec, graph, items, updated);
  feedCache.set(spec.page, { key, files: [...files] });
  return files;
}

function writeFeed(spec: FeedSpec, graph: ContentGraph, items: readonly FeedEntry[], updated: string | undefined): ExtraFile[] {
  const { site } = graph;
  const absolute = (path: string) => new URL(path.replace(/^\//, ''), site.baseUrl).href;
  const organisation = xmlSafe(site.organisation);
  const feed = new Feed({
    title: xmlSafe(spec.title),
    description: xmlSafe(spec.description),
    id: absolute(spec.page),
    link: absolute(spec.page),
    language: 'sv',
    generator: 'verksam',
    copyright: organisation,
    ...(updated ? { updated: noon(updated) } : {}),
    feedLinks: { atom: absolute(spec.url('atom')), rss: absolute(spec.url('rss')), json: absolute(spec.url('json')) },
    author: { name: organisation, ...(site.contact.email ? { email: site.contact.email } : {}), link: site.contact.website ?? site.baseUrl },
  });
  for (const item of items) {
    const link = absolute(item.path);
    feed.addItem({
      title: xmlSafe(item.title),
      id: link,
      link,
      description: xmlSafe(item.summary),
      content: item.content(link),
      date: noon(item.date),
      published: noon(item.date),
      category: item.categories.map((category) => ({ name: xmlSafe(category.name), term: category.term })),
      ...(item.image ? { image: absolute(item.image) } : {}),
    });
  }
  const file = (format: FeedFormat) => spec.url(format).replace(/^\//, '');
  return [
    { path: file('atom'), contents: fixAtomCategories(feed.atom1()) },
    { path: file('rss'), contents: feed.rss2() },
    { path: file('json'), contents: feed.json1() },
  ];
}

export const feeds: Extra = ({ graph }) => {
  const { site } = graph;
  const files = feedFilesFor(
    { title: `Nyheter – ${site.title}`, description: site.description, page: urls.news(), items: graph.news.slice(0, feedSize).map((item) => newsEntry(item, site.baseUrl)), url: urls.newsFeed },
    graph,
  );
  files.push(
    ...feedFilesFor(
      {
        title: `${site.newsletter?.name ?? 'Nyhetsbrev'} – ${site.title}`,
        description: `Alla nummer av ${site.newsletter?.name ?? 'nyhetsbrevet'}.`,
        page: urls.newsletters(),
        items: graph.newsletters.slice(0, feedSize).map((newsletter) => newsletterEntry(newsletter, site.baseUrl)),
        url: urls.newsletterFeed,
      },
      graph,
    ),
  );
  for (const area of graph.areas) {
    files.push(
      ...feedFilesFor(
        {
          title: `${area.title} – nyheter från ${site.organisation}`,
          description: area.summary,
          page: urls.area(area),
          items: area.news.slice(0, feedSize).map((item) => newsEntry(item, site.baseUrl)),
          url: (format) => urls.areaFeed(area as Area, format),
        },
        graph,
      ),
    );
  }
  return files;
};

