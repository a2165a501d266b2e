import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { formatDate } from '../src/format/dates.js';
import { AreaLinks, DateText, UnpublishedNotice } from './parts/common.js';
import { newsFeeds } from './parts/feeds.js';
import { imageSizes, Picture } from './parts/picture.js';
import { newsArticleJsonLd } from './parts/structured-data.js';

/** One news item: date, areas, lead, body, related projects and the newsletters that carried it. */
export function NewsItemPage({ item, newsletters }: Extract<Route, { kind: 'news-item' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: item.title,
    description: item.lead,
    breadcrumbs: [
      { title: 'Nyheter', url: urls.news() },
      { title: String(item.year), url: urls.newsYear(item.year) },
    ],
    article: { published: item.date },
    image: item.image,
    feeds: newsFeeds(ctx.site),
    jsonLd: newsArticleJsonLd(item, ctx.site),
    index: { kind: 'Nyhet', date: formatDate(item.date) },
    children: [
      <article class="news-item">
        {UnpublishedNotice(item)}
        <p class="meta" data-pagefind-ignore="">
          Publicerad {DateText(item.date)}
          {item.areas.length > 0 ? [' · ', AreaLinks(item.areas, true)] : null}
        </p>
        <p class="lead">{item.lead}</p>
        {item.image ? Picture(item.image, { sizes: imageSizes.column, lazy: false, className: 'page-image' }) : null}
        {placeBody(item.body, { topLevel: 2 })}
      </article>,
      item.projects.length > 0 || newsletters.length > 0 ? (
        <aside class="related" aria-labelledby="relaterat" data-pagefind-ignore="">
          <h2 id="relaterat">Relaterat</h2>
          <ul>
            {item.projects.map((project) => (
              <li>
                Projekt: <a href={urls.project(project)}>{project.title}</a>
              </li>
            ))}
            {newsletters.map((newsletter) => (
              <li>
                Nyhetsbrev: <a href={urls.newsletter(newsletter)}>{`Nr ${newsletter.number}: ${newsletter.title}`}</a>
              </li>
            ))}
          </ul>
        </aside>
      ) : null,
    ],
  });
}
