import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { describeReport } from '../src/render/goal-summary.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { NewsList, ProjectList } from './parts/common.js';
import { newsFeeds } from './parts/feeds.js';
import { organisationJsonLd } from './parts/structured-data.js';

/** The start page: latest news, the latest report's goal status, ongoing projects, the areas. */
export function HomePage({ latestNews, latestReport, ongoing, areas }: Extract<Route, { kind: 'home' }>, ctx: PageContext): Root {
  const { site } = ctx;
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
        {latestNews.length > 0 ? NewsList(latestNews, 3) : <p>Inga nyheter ännu.</p>}
        <p>
          <a href={urls.news()}>Alla nyheter</a>
        </p>
      </section>,
      latestReport ? (
        <section aria-labelledby="verksamhetsberattelse">
          <h2 id="verksamhetsberattelse">{latestReport.report.title}</h2>
          <p>{describeReport(latestReport.report, latestReport.statuses)}</p>
          <p>
            <a href={urls.report(latestReport.report)}>Läs {latestReport.report.title.replace(/^V/, 'v')}</a>
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
        <h2 id="omraden">{site.report.groupPlural}</h2>
        <ul class="area-grid">
          {areas.map((area) => (
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
