import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { NewsList } from './parts/common.js';
import { newsFeeds } from './parts/feeds.js';
import { Pagination } from './parts/pagination.js';
import { YearLinks } from './parts/year-links.js';

/** One page of a year's news, newest first; the first and last pages lead on to the next newer and older year. */
export function NewsYearPage({ year, page, years, newer, older }: Extract<Route, { kind: 'news-year' }>, ctx: PageContext): Root {
  const of = page.total > 1 ? `, sida ${page.number} av ${page.total}` : '';
  return Layout({
    ctx,
    title: `Nyheter ${year}${of}`,
    description: `Nyheter från ${ctx.site.organisation} under ${year}${of}.`,
    breadcrumbs: page.number === 1 ? [{ title: 'Nyheter', url: urls.news() }] : [{ title: 'Nyheter', url: urls.news() }, { title: String(year), url: urls.newsYear(year) }],
    crumb: page.number === 1 ? String(year) : `Sida ${page.number}`,
    feeds: newsFeeds(ctx.site),
    children: [
      YearLinks(years, { year, page: page.number }),
      NewsList(page.items, 2),
      Pagination(page, (number) => urls.newsYear(year, number), {
        previous: newer ? { href: urls.newsYear(newer.year, newer.page), label: `Nyare nyheter (${newer.year})` } : undefined,
        next: older ? { href: urls.newsYear(older.year, older.page), label: `Äldre nyheter (${older.year})` } : undefined,
      }),
    ],
  });
}
