import type { Element } from 'hast';
import type { Area, Site } from '../../src/content/graph.js';
import { urls, type FeedFormat } from '../../src/routes/urls.js';

/** A feed a page announces to feed readers (<link rel="alternate">). */
export interface FeedLink {
  title: string;
  url: string;
  type: string;
  /** The format's name: Atom, RSS, JSON Feed. */
  format: string;
}

export const feedTypes: Record<FeedFormat, string> = {
  atom: 'application/atom+xml',
  rss: 'application/rss+xml',
  json: 'application/feed+json',
};

const formatNames: Record<FeedFormat, string> = { atom: 'Atom', rss: 'RSS', json: 'JSON Feed' };
const formats: readonly FeedFormat[] = ['atom', 'rss', 'json'];

/** The site's news feeds: on the start page and every news page. */
export function newsFeeds(site: Site): FeedLink[] {
  return formats.map((format) => ({ title: `Nyheter från ${site.organisation} (${formatNames[format]})`, url: urls.newsFeed(format), type: feedTypes[format], format: formatNames[format] }));
}

/** One area's news feeds, on the area's page. */
export function areaFeeds(area: Pick<Area, 'slug' | 'title'>): FeedLink[] {
  return formats.map((format) => ({ title: `Nyheter om ${area.title} (${formatNames[format]})`, url: urls.areaFeed(area, format), type: feedTypes[format], format: formatNames[format] }));
}

/** The newsletter's feeds, on the newsletter archive. */
export function newsletterFeeds(site: Site): FeedLink[] {
  const name = site.newsletter?.name ?? 'Nyhetsbrevet';
  return formats.map((format) => ({ title: `${name} (${formatNames[format]})`, url: urls.newsletterFeed(format), type: feedTypes[format], format: formatNames[format] }));
}

/** Says once where the reader subscribes: "Prenumerera på nyheterna" → "… i din nyhetsläsare". */
const inReader = (text: string) => (/läsare\b/i.test(text) ? text : `${text} i din nyhetsläsare`);

/** "Atom och JSON Feed", each name a link. */
function formatList(feeds: readonly FeedLink[]): (Element | string)[] {
  return feeds.flatMap((feed, index) => [
    ...(index === 0 ? [] : [index === feeds.length - 1 ? ' och ' : ', ']),
    (
      <a href={feed.url} type={feed.type}>
        {feed.format}
      </a>
    ) as Element,
  ]);
}

/**
 * Visible links to the same feeds, for readers who subscribe by hand, in words: most readers
 * know neither "Atom" nor "RSS", so the link says what it does, a sentence says what a feed is,
 * and the other formats follow for the feed readers that want them.
 */
export function FeedLinks(feeds: readonly FeedLink[], text: string): Element {
  const [rss, ...others] = [...feeds].sort((a, b) => Number(b.format === 'RSS') - Number(a.format === 'RSS'));
  if (!rss) return (<div class="feed-links"></div>) as Element;
  return (
    <div class="feed-links">
      <p class="feed-links__subscribe">
        <a href={rss.url} type={rss.type}>
          {`${inReader(text)} (RSS)`}
        </a>
      </p>
      <p class="feed-links__help">
        {'En nyhetsläsare, eller flödesläsare, är en app eller webbtjänst som samlar nya texter från webbplatser du följer. Lägg in länkens adress i den, så ser du det nya utan att besöka webbplatsen.'}
        {others.length > 0 ? [' Samma flöde finns också i formaten ', ...formatList(others), '.'] : null}
      </p>
    </div>
  ) as Element;
}
