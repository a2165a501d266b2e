import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { NewsList } from './parts/common.js';
import { FeedLinks, newsFeeds } from './parts/feeds.js';
import { Pagination } from './parts/pagination.js';
import { YearLinks } from './parts/year-links.js';

/** The news archive's start page: the newest news, the years, and the way on to older news. */
export function NewsPage({ latest, years, older }: Extract<Route, { kind: 'news' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: 'Nyheter',
    description: `Nyheter från ${ctx.site.organisation}.`,
    breadcrumbs: [],
    feeds: newsFeeds(ctx.site),
    children: [
      YearLinks(years),
      FeedLinks(newsFeeds(ctx.site), 'Prenumerera på nyheterna'),
      latest.length > 0 ? NewsList(latest, 2) : <p>Inga nyheter ännu.</p>,
      Pagination({ items: [], number: 1, total: 1 }, () => urls.news(), {
        next: older ? { href: urls.newsYear(older.year, older.page), label: 'Äldre nyheter' } : undefined,
      }),
    ],
  });
}
