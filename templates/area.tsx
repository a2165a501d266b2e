import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { groupBy } from '../src/routes/paginate.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { GoalList, NewsList, ProjectList } from './parts/common.js';
import { areaFeeds, FeedLinks } from './parts/feeds.js';
import { imageSizes, Picture } from './parts/picture.js';

/** One area: its goals (latest report first), projects (ongoing first) and latest news. */
export function AreaPage({ area, goals: areaGoals, projects, latestNews }: Extract<Route, { kind: 'area' }>, ctx: PageContext): Root {
  const goalsByReport = groupBy(areaGoals, (goal) => goal.report);
  return Layout({
    ctx,
    title: area.title,
    description: area.summary,
    breadcrumbs: [{ title: ctx.site.report.groupPlural, url: urls.areas() }],
    image: area.image,
    feeds: areaFeeds(area),
    children: [
      <p class="lead">{area.summary}</p>,
      area.image ? Picture(area.image, { sizes: imageSizes.column, lazy: false, className: 'page-image' }) : null,
      placeBody(area.body, { topLevel: 2 }),
      area.contact ? (
        <section aria-labelledby="kontakt" class="contact-card">
          <h2 id="kontakt">Kontakt</h2>
          <p>
            {area.contact.name ? [area.contact.name, area.contact.role ? `, ${area.contact.role}` : ''] : area.contact.role}
          </p>
          <ul class="contact-list">
            {area.contact.email ? (
              <li>
                E-post: <a href={`mailto:${area.contact.email}`}>{area.contact.email}</a>
              </li>
            ) : null}
            {area.contact.phone ? <li>Telefon: {area.contact.phone}</li> : null}
          </ul>
        </section>
      ) : null,
      <section aria-labelledby="mal">
        <h2 id="mal">Mål</h2>
        {areaGoals.length === 0 ? <p>{`Här finns inga mål i någon ${ctx.site.report.name.toLowerCase()}.`}</p> : null}
        {[...goalsByReport].flatMap(([report, goals]) => [
          <h3>
            <a href={urls.report(report)}>{report.title}</a>
          </h3>,
          GoalList(goals),
        ])}
      </section>,
      <section aria-labelledby="projekt">
        <h2 id="projekt">Projekt</h2>
        {projects.length > 0 ? ProjectList(projects, 3) : <p>{`${area.title} har inga projekt.`}</p>}
      </section>,
      <section aria-labelledby="nyheter">
        <h2 id="nyheter">Senaste nytt</h2>
        {latestNews.length > 0 ? NewsList(latestNews, 3) : <p>{`Inga nyheter om ${area.title}.`}</p>}
        {FeedLinks(areaFeeds(area), `Prenumerera på nyheter om ${area.title}`)}
      </section>,
    ],
  });
}
