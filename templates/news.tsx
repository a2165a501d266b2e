import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { NewsList } from './parts/common.js';
import { FeedLinks, newsFeeds } from './parts/feeds.js';
import { Pagination } from './parts/pagination.js';
import { YearLinks } from './parts/year-links.js';

/** The news archive, newest first, 20 to a page. */
export function NewsPage({ page, years }: Extract<Route, { kind: 'news' }>, ctx: PageContext): Root {
  const title = page.number === 1 ? 'Nyheter' : `Nyheter, sida ${page.number} av ${page.total}`;
  return Layout({
    ctx,
    title,
    description: `Nyheter från ${ctx.site.organisation}${page.number > 1 ? `, sida ${page.number}` : ''}.`,
    breadcrumbs: page.number === 1 ? [] : [{ title: 'Nyheter', url: urls.news() }],
    feeds: newsFeeds(ctx.site),
    children: [
      YearLinks(years),
      page.number === 1 ? FeedLinks(newsFeeds(ctx.site), 'Prenumerera på nyheterna') : null,
      page.items.length > 0 ? NewsList(page.items, 2) : <p>Inga nyheter ännu.</p>,
      Pagination(page, urls.news),
    ],
  });
}
