import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { DateText, GoalList, NewsList, projectStatusLabel } from './parts/common.js';

/** One project: facts, description, and the goals and news that name it. */
export function ProjectPage({ project }: Extract<Route, { kind: 'project' }>, ctx: PageContext): Root {
  return Layout({
    ctx,
    title: project.title,
    description: project.summary,
    breadcrumbs: [{ title: 'Projekt', url: urls.projects() }],
    children: [
      <p class="lead">{project.summary}</p>,
      <dl class="facts">
        <dt>Status</dt>
        <dd>{projectStatusLabel(project)}</dd>
        <dt>Område</dt>
        <dd>
          <a href={urls.area(project.area)}>{project.area.title}</a>
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
      project.goals.length > 0 ? (
        <section aria-labelledby="mal">
          <h2 id="mal">Mål i verksamhetsberättelsen</h2>
          {GoalList(project.goals, { showYear: true })}
        </section>
      ) : null,
      project.news.length > 0 ? (
        <section aria-labelledby="nyheter">
          <h2 id="nyheter">Nyheter om projektet</h2>
          {NewsList(project.news, 3)}
        </section>
      ) : null,
    ],
  });
}
