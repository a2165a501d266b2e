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

/** Visible links to the same feeds, for readers who subscribe by hand. */
export function FeedLinks(feeds: readonly FeedLink[], text: string): Element {
  return (
    <p class="feed-links">
      {`${text}: `}
      {feeds.flatMap((feed, index) => [
        index > 0 ? ' · ' : null,
        <a href={feed.url} type={feed.type}>
          {feed.format}
        </a>,
      ])}
    </p>
  ) as Element;
}
