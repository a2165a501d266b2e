import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { formatPartialDate } from '../src/format/dates.js';
import { DateText, GoalList, NewsList, projectStatusLabel } from './parts/common.js';
import { imageSizes, Picture } from './parts/picture.js';

/** One project: facts, description, and the goals and news that name it. */
export function ProjectPage({ project, goals, news }: Extract<Route, { kind: 'project' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: project.title,
    description: project.summary,
    breadcrumbs: [{ title: 'Projekt', url: urls.projects() }],
    image: project.image,
    index: { kind: 'Projekt', date: projectPeriod(project) },
    children: [
      <p class="lead">{project.summary}</p>,
      project.image ? Picture(project.image, { sizes: imageSizes.column, lazy: false, className: 'page-image' }) : null,
      <dl class="facts" data-pagefind-ignore="">
        <dt>Status</dt>
        <dd>{projectStatusLabel(project)}</dd>
        <dt>{ctx.site.report.groupName}</dt>
        <dd>
          <a href={urls.area(project.area)} data-pagefind-filter="area">
            {project.area.title}
          </a>
        </dd>
        {project.start || project.end ? <dt>Tid</dt> : null}
        {project.start || project.end ? (
          <dd>
            {project.start ? DateText(project.start) : 'okänd start'}
            {' – '}
            {project.end ? DateText(project.end) : project.status === 'pagaende' ? 'pågår' : 'okänt slut'}
          </dd>
        ) : null}
        {project.funding.length > 0 ? <dt>Finansiering</dt> : null}
        {project.funding.map((funder) => (
          <dd>{funder}</dd>
        ))}
        {project.partners.length > 0 ? <dt>Partner</dt> : null}
        {project.partners.map((partner) => (
          <dd>{partner}</dd>
        ))}
        {project.website ? <dt>Webbplats</dt> : null}
        {project.website ? (
          <dd>
            <a href={project.website}>{project.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>
          </dd>
        ) : null}
      </dl>,
      placeBody(project.body, { topLevel: 2 }),
      goals.length > 0 ? (
        <section aria-labelledby="mal" data-pagefind-ignore="">
          <h2 id="mal">Mål som projektet bidrar till</h2>
          {GoalList(goals, { showYear: true })}
        </section>
      ) : null,
      news.length > 0 ? (
        <section aria-labelledby="nyheter" data-pagefind-ignore="">
          <h2 id="nyheter">Nyheter om projektet</h2>
          {NewsList(news, 3)}
        </section>
      ) : null,
    ],
  });
}

/** "september 2016 – september 2019", "2020 – pågår": what search results show for a project. */
function projectPeriod(project: Extract<Route, { kind: 'project' }>['project']): string | undefined {
  if (!project.start && !project.end) return undefined;
  const end = project.end ? formatPartialDate(project.end) : project.status === 'pagaende' ? 'pågår' : '';
  return `${project.start ? formatPartialDate(project.start) : ''} – ${end}`.trim();
}
