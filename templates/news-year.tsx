import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { NewsList } from './parts/common.js';
import { newsFeeds } from './parts/feeds.js';
import { YearLinks } from './parts/year-links.js';

/** All news of one year. */
export function NewsYearPage({ year, items, years }: Extract<Route, { kind: 'news-year' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: `Nyheter ${year}`,
    description: `${items.length} nyheter från ${ctx.site.organisation} under ${year}.`,
    breadcrumbs: [{ title: 'Nyheter', url: urls.news() }],
    feeds: newsFeeds(ctx.site),
    children: [YearLinks(years, year), NewsList(items, 2)],
  });
}
