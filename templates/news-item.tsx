import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { AreaLinks, DateText, UnpublishedNotice } from './parts/common.js';

/** One news item: date, areas, lead, body, related projects and the newsletters that carried it. */
export function NewsItemPage({ item }: Extract<Route, { kind: 'news-item' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: item.title,
    description: item.lead,
    breadcrumbs: [
      { title: 'Nyheter', url: urls.news() },
      { title: String(item.year), url: urls.newsYear(item.year) },
    ],
    children: [
      <article class="news-item">
        {UnpublishedNotice(item)}
        <p class="meta">
          Publicerad {DateText(item.date)}
          {item.areas.length > 0 ? [' · ', AreaLinks(item.areas)] : null}
        </p>
        <p class="lead">{item.lead}</p>
        {placeBody(item.body, { topLevel: 2 })}
      </article>,
      item.projects.length > 0 || item.newsletters.length > 0 ? (
        <aside class="related" aria-labelledby="relaterat">
          <h2 id="relaterat">Relaterat</h2>
          <ul>
            {item.projects.map((project) => (
              <li>
                Projekt: <a href={urls.project(project)}>{project.title}</a>
              </li>
            ))}
            {item.newsletters.map((newsletter) => (
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
