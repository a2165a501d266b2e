import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { describeStatuses } from '../src/render/goal-summary.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { NewsList, ProjectList } from './parts/common.js';
import { newsFeeds } from './parts/feeds.js';
import { organisationJsonLd } from './parts/structured-data.js';

const latestNewsCount = 5;

/** The start page: latest news, the latest report's goal status, ongoing projects, the areas. */
export function HomePage(_route: Extract<Route, { kind: 'home' }>, ctx: PageContext): Root {
  const { graph, site } = ctx;
  const report = graph.reports[0];
  const ongoing = graph.projects.filter((project) => project.status === 'pagaende');
  return Layout({
    ctx,
    title: site.title,
    description: site.description,
    feeds: newsFeeds(site),
    jsonLd: organisationJsonLd(site),
    children: [
      <p class="lead">{site.description}</p>,
      <section aria-labelledby="senaste-nytt">
        <h2 id="senaste-nytt">Senaste nytt</h2>
        {graph.news.length > 0 ? NewsList(graph.news.slice(0, latestNewsCount), 3) : <p>Inga nyheter ännu.</p>}
        <p>
          <a href={urls.news()}>Alla nyheter</a>
        </p>
      </section>,
      report ? (
        <section aria-labelledby="verksamhetsberattelse">
          <h2 id="verksamhetsberattelse">{report.title}</h2>
          <p>{describeStatuses(report.goals)}</p>
          <p>
            <a href={urls.report(report)}>Läs {report.title.replace(/^V/, 'v')}</a>
          </p>
        </section>
      ) : null,
      <section aria-labelledby="pagaende-projekt">
        <h2 id="pagaende-projekt">Pågående projekt</h2>
        {ongoing.length > 0 ? ProjectList(ongoing, 3) : <p>Inga pågående projekt just nu.</p>}
        <p>
          <a href={urls.projects()}>Alla projekt</a>
        </p>
      </section>,
      <section aria-labelledby="omraden">
        <h2 id="omraden">Verksamhetsområden</h2>
        <ul class="area-grid">
          {graph.areas.map((area) => (
            <li>
              <a href={urls.area(area)}>{area.title}</a>
              <p>{area.summary}</p>
            </li>
          ))}
        </ul>
      </section>,
    ],
  });
}
