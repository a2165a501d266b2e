import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { x } from 'xastscript';
import type { Attachment, ContentGraph, NewsItem, Newsletter } from '../content/graph.js';
import { imagePlan, mimeTypes } from '../images/variants.js';
import { describeAttachmentLinks } from '../render/attachment-links.js';
import { placeBody } from '../render/prose.js';
import { rewrite } from '../render/rewrite.js';
import { absoluteUrl, feedFiles, resolveLink, urls, type FeedFormat } from '../routes/urls.js';
import type { CacheView } from '../cache/store.js';
import type { Extra, ExtraFile } from './extra.js';
import { latestContentDate } from './last-modified.js';
import { xmlDocument, xmlSafe } from './xml.js';

/*
 * News as Atom, RSS 2.0 and JSON Feed: all news, each area's news, and the newsletter's issues.
 * Items carry their full text with every URL absolute. The XML feeds are xast trees: a title is
 * a text node and an item's HTML is one too, so the serialiser escapes each exactly once and a
 * feed reader shows a title as written, whatever markup it holds.
 */

/** The newest items a feed carries. */
export const feedSize = 50;


/** A calendar date as a moment: noon UTC is the same day in Sweden, summer or winter. */
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/**
 * A body with every URL made absolute (the body is not changed): "/x/" is a page of the site, so
 * it is resolved against the site's base URL (which may have a path); "#a" and "x/" against the
 * page the body belongs to.
 */
export function absoluteUrls(tree: Root, pageUrl: string, baseUrl: string): Root {
  const absolute = (url: string) => resolveLink(url, baseUrl, pageUrl);
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
type ItemHtmlMemo = WeakMap<Root, Map<string, string>>;

/** A news item in full, as HTML with absolute URLs: ingress, image and text. */
export function itemHtml(item: NewsItem, pageUrl: string, baseUrl: string, memo: ItemHtmlMemo = new WeakMap(), attachments: readonly Attachment[] = []): string {
  // an attachment's size is in the text of every link to it
  const key = `${pageUrl}\n${baseUrl}\n${item.lead}\n${item.image ? `${item.image.file.hash}\n${item.image.alt}` : ''}\n${attachmentsKey(attachments)}`;
  let cached = memo.get(item.body);
  if (!cached) memo.set(item.body, (cached = new Map()));
  const hit = cached.get(key);
  if (hit !== undefined) return hit;
  const html = renderItemHtml(item, pageUrl, baseUrl, attachments);
  cached.set(key, html);
  return html;
}

const attachmentsKey = (attachments: readonly Attachment[]) => attachments.map((attachment) => `${attachment.url} ${attachment.bytes}`).join('\n');

/** A body's links to attachments say type and size in a feed too, as on the entry's page. */
const describedBody = (body: Root, path: string, attachments: readonly Attachment[], baseUrl: string) =>
  describeAttachmentLinks(placeBody(body, { topLevel: 2 }), attachments, path, baseUrl).children;

function renderItemHtml(item: NewsItem, pageUrl: string, baseUrl: string, attachments: readonly Attachment[]): string {
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
  children.push(...describedBody(item.body, urls.newsItem(item), attachments, baseUrl));
  return toHtml(absoluteUrls({ type: 'root', children }, pageUrl, baseUrl));
}

/** One entry of a feed: a news item or a newsletter issue. */
interface FeedEntry {
  title: string;
  /** Root-relative URL of the entry's page. */
  path: string;
  summary: string;
  /** The entry in full, as HTML with absolute URLs. */
  content: (link: string) => string;
  /**
   * Everything `content(link)` is made from, as a string, without making it; undefined when
   * the text of a file it shows is not known.
   */
  contentKey: (link: string) => string | undefined;
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

/** What a feed's HTML of an entry is made from, besides the fields of the entry itself. */
export interface FeedInputs {
  /** The text and shown images of a content file, as its pages' keys name them (routes/page-key.ts). */
  textKey?: (file: string) => string | undefined;
  attachments: readonly Attachment[];
}

function newsEntry(item: NewsItem, baseUrl: string, memo: ItemHtmlMemo, { textKey, attachments }: FeedInputs): FeedEntry {
  return {
    title: item.title,
    path: urls.newsItem(item),
    summary: item.lead,
    content: (link) => itemHtml(item, link, baseUrl, memo, attachments),
    contentKey: (link) => {
      const text = textKey?.(item.source.file);
      return text === undefined ? undefined : `${text}\n${link}\n${baseUrl}\n${item.lead}\n${item.image ? `${item.image.file.hash}\n${item.image.alt}` : ''}\n${attachmentsKey(attachments)}`;
    },
    date: item.date,
    categories: item.areas.map((area) => ({ name: area.title, term: area.slug })),
    image: item.image ? imagePlan(item.image.file).fallback.url : undefined,
  };
}

/** A newsletter issue in a feed: its editorial, then its articles' titles and leads as links. */
function newsletterEntry(newsletter: Newsletter, baseUrl: string, { textKey, attachments }: FeedInputs): FeedEntry {
  return {
    contentKey: (link) => {
      const text = textKey?.(newsletter.source.file);
      const articles = newsletter.articles.map((article) => [urls.newsItem(article), article.title, article.lead]);
      return text === undefined ? undefined : JSON.stringify([text, link, baseUrl, attachmentsKey(attachments), articles]);
    },
    title: `Nr ${newsletter.number}: ${newsletter.title}`,
    path: urls.newsletter(newsletter),
    summary: newsletter.preheader ?? newsletter.title,
    content: (link) => {
      const children: Root['children'] = [...describedBody(newsletter.body, urls.newsletter(newsletter), attachments, baseUrl)];
      for (const article of newsletter.articles) {
        children.push(
          { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'element', tagName: 'a', properties: { href: urls.newsItem(article) }, children: [{ type: 'text', value: article.title }] }] },
          { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: article.lead }] },
        );
      }
      return toHtml(absoluteUrls({ type: 'root', children }, link, baseUrl));
    },
    date: newsletter.date,
    categories: [],
  };
}

/** A feed as every format writes it: its texts, its URLs absolute, its entries in full. */
interface FeedDocument {
  title: string;
  description: string;
  /** The page the feed belongs to. */
  page: string;
  /** The feed itself, in each format. */
  self: Record<FeedFormat, string>;
  updated?: Date;
  organisation: string;
  email?: string;
  /** Where the organisation is on the web. */
  website: string;
  entries: {
    title: string;
    link: string;
    summary: string;
    /** The entry in full, as HTML. */
    html: string;
    date: Date;
    categories: { name: string; term: string }[];
    image?: string;
  }[];
}

/** The feed as every format writes it, with each entry's HTML given by `html`. */
function feedDocument<Html>(spec: FeedSpec, graph: ContentGraph, html: (item: FeedEntry, link: string) => Html): Omit<FeedDocument, 'entries'> & { entries: (Omit<FeedDocument['entries'][number], 'html'> & { html: Html })[] } {
  const { site } = graph;
  const absolute = (path: string) => absoluteUrl(site.baseUrl, path);
  const items = spec.items.slice(0, feedSize);
  const updated = items[0]?.date ?? latestContentDate(graph);
  return {
    title: spec.title,
    description: spec.description,
    page: absolute(spec.page),
    self: { atom: absolute(spec.url('atom')), rss: absolute(spec.url('rss')), json: absolute(spec.url('json')) },
    ...(updated ? { updated: noon(updated) } : {}),
    organisation: site.organisation,
    ...(site.contact.email ? { email: site.contact.email } : {}),
    website: site.contact.website ?? site.baseUrl,
    entries: items.map((item) => {
      const link = absolute(item.path);
      return {
        title: item.title,
        link,
        summary: item.summary,
        html: html(item, link),
        date: noon(item.date),
        categories: item.categories,
        ...(item.image ? { image: absolute(item.image) } : {}),
      };
    }),
  };
}

/**
 * The last files written for each feed, by the feed they were written from: writing XML is the
 * costly part, and in the preview most saves change no feed at all.
 */
type FeedMemo = Map<string, { key: string; files: ExtraFile[] }>;

const feedFile = (spec: Pick<FeedSpec, 'url'>, format: FeedFormat) => spec.url(format).replace(/^\//, '');

/**
 * A feed's files: the last ones when nothing they are made from changed, else the disk cache's
 * (`stored`, by the same key), else made now. The key names each entry's HTML by what it is made
 * from (FeedEntry.contentKey), so an unchanged feed costs neither its entries' HTML nor its XML.
 */
function feedFilesFor(spec: FeedSpec, graph: ContentGraph, memo: FeedMemo, stored: CacheView | undefined, counts: FeedCounts): ExtraFile[] {
  const keys = feedDocument(spec, graph, (item, link) => item.contentKey(link));
  const known = keys.entries.every((entry) => entry.html !== undefined);
  const feed = known ? undefined : feedDocument(spec, graph, (item, link) => item.content(link));
  const key = JSON.stringify(feed ?? keys);
  const cached = memo.get(spec.page);
  if (cached?.key === key) return [...cached.files];
  const file = (format: FeedFormat) => feedFile(spec, format);
  const formats = ['atom', 'rss', 'json'] as const;
  const address = known && stored ? stored.address(['feed', key]) : undefined;
  const kept = address ? stored!.get<unknown>(address) : undefined;
  let contents: string[];
  if (Array.isArray(kept) && kept.length === formats.length && kept.every((text) => typeof text === 'string')) {
    contents = kept as string[];
    counts.stored++;
  } else {
    counts.made++;
    const full = feed ?? feedDocument(spec, graph, (item, link) => item.content(link));
    contents = [atom(full), rss(full), jsonFeed(full)];
    if (address) stored!.put(address, contents);
  }
  const files = formats.map((format, index) => ({ path: file(format), contents: contents[index]! }));
  memo.set(spec.page, { key, files: [...files] });
  return files;
}

/** Atom (RFC 4287): every HTML field is a text node of type "html", so it is escaped once and read as HTML once. */
function atom(feed: FeedDocument): string {
  return xmlDocument(
    x(
      null,
      x(
        'feed',
        { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'sv' },
        x('id', feed.page),
        x('title', { type: 'text' }, feed.title),
        feed.updated ? x('updated', feed.updated.toISOString()) : undefined,
        x('generator', 'verksam'),
        x('author', {}, x('name', feed.organisation), feed.email ? x('email', feed.email) : undefined, x('uri', feed.website)),
        x('link', { rel: 'alternate', type: 'text/html', href: feed.page }),
        x('link', { rel: 'self', type: 'application/atom+xml', href: feed.self.atom }),
        x('subtitle', { type: 'text' }, feed.description),
        x('rights', { type: 'text' }, feed.organisation),
        feed.entries.map((entry) =>
          x(
            'entry',
            {},
            x('title', { type: 'text' }, entry.title),
            x('id', entry.link),
            x('link', { rel: 'alternate', type: 'text/html', href: entry.link }),
            entry.image ? x('link', { rel: 'enclosure', type: mimeTypes.jpeg, href: entry.image }) : undefined,
            x('updated', entry.date.toISOString()),
            x('published', entry.date.toISOString()),
            x('summary', { type: 'text' }, entry.summary),
            x('content', { type: 'html' }, entry.html),
            entry.categories.map((category) => x('category', { term: category.term, label: category.name })),
          ),
        ),
      ),
    ),
  );
}

/** RSS 2.0: a description is HTML by convention, so the summary is written as HTML text; the full text is content:encoded. */
function rss(feed: FeedDocument): string {
  return xmlDocument(
    x(
      null,
      x(
        'rss',
        { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:content': 'http://purl.org/rss/1.0/modules/content/' },
        x(
          'channel',
          {},
          x('title', feed.title),
          x('link', feed.page),
          x('description', feed.description),
          feed.updated ? x('lastBuildDate', feed.updated.toUTCString()) : undefined,
          x('docs', 'https://www.rssboard.org/rss-specification'),
          x('generator', 'verksam'),
          x('language', 'sv'),
          x('copyright', feed.organisation),
          x('atom:link', { href: feed.self.rss, rel: 'self', type: 'application/rss+xml' }),
          feed.entries.map((entry) =>
            x(
              'item',
              {},
              x('title', entry.title),
              x('link', entry.link),
              x('guid', { isPermaLink: 'true' }, entry.link),
              x('pubDate', entry.date.toUTCString()),
              x('description', toHtml({ type: 'text', value: entry.summary })),
              x('content:encoded', entry.html),
              entry.categories.map((category) => x('category', category.name)),
              entry.image ? x('enclosure', { url: entry.image, length: '0', type: mimeTypes.jpeg }) : undefined,
            ),
          ),
        ),
      ),
    ),
  );
}

/** JSON Feed 1.1, with the same text as the XML feeds: what XML cannot hold is left out here too. */
function jsonFeed(feed: FeedDocument): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.page,
    feed_url: feed.self.json,
    description: feed.description,
    language: 'sv',
    authors: [{ name: feed.organisation, url: feed.website }],
    items: feed.entries.map((entry) => ({
      id: entry.link,
      url: entry.link,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.html,
      ...(entry.image ? { image: entry.image } : {}),
      date_published: entry.date.toISOString(),
      date_modified: entry.date.toISOString(),
      tags: entry.categories.map((category) => category.name),
    })),
  };
  return `${JSON.stringify(document, (_key, value: unknown) => (typeof value === 'string' ? xmlSafe(value) : value), 2)}\n`;
}

/** How the last `make` came by the feeds not kept from the update before: from the disk cache, or made. */
interface FeedCounts {
  stored: number;
  made: number;
}

/** The feeds of the site: all news, the newsletter's issues, and each area's news. */
function feedSpecs(graph: ContentGraph, memo: ItemHtmlMemo, textKey?: FeedInputs['textKey']): FeedSpec[] {
  const { site } = graph;
  const inputs: FeedInputs = { textKey, attachments: graph.attachments };
  return [
    { title: `Nyheter – ${site.title}`, description: site.description, page: urls.news(), items: graph.news.slice(0, feedSize).map((item) => newsEntry(item, site.baseUrl, memo, inputs)), url: urls.newsFeed },
    {
      title: `${site.newsletter?.name ?? 'Nyhetsbrev'} – ${site.title}`,
      description: `Alla nummer av ${site.newsletter?.name ?? 'nyhetsbrevet'}.`,
      page: urls.newsletters(),
      items: graph.newsletters.slice(0, feedSize).map((newsletter) => newsletterEntry(newsletter, site.baseUrl, inputs)),
      url: urls.newsletterFeed,
    },
    ...graph.areas.map((area) => ({
      title: `${area.title} – nyheter från ${site.organisation}`,
      description: area.summary,
      page: urls.area(area),
      items: area.news.slice(0, feedSize).map((item) => newsEntry(item, site.baseUrl, memo, inputs)),
      url: (format: FeedFormat) => urls.areaFeed(area, format),
    })),
  ];
}

export function feedsExtra(): Extra {
  const items: ItemHtmlMemo = new WeakMap();
  const feeds: FeedMemo = new Map();
  let counts: FeedCounts = { stored: 0, made: 0 };
  return {
    name: 'feeds',
    describe: () => `feeds (${counts.stored} from the cache, ${counts.made} made)`,
    paths: ({ graph }) => feedSpecs(graph, items).flatMap((spec) => (Object.keys(feedFiles) as FeedFormat[]).map((format) => feedFile(spec, format))),
    make: ({ graph, textKey, feeds: stored }) => {
      counts = { stored: 0, made: 0 };
      return feedSpecs(graph, items, textKey).flatMap((spec) => feedFilesFor(spec, graph, feeds, stored, counts));
    },
  };
}
