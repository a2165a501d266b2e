import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { GoalBody } from './parts/goal-body.js';

/** One goal: statement, status, area, sections, projects, and the neighbouring goals. */
export function GoalPage({ goal, previous, next }: Extract<Route, { kind: 'goal' }>, ctx: PageContext): Root {
  const title = `Mål ${goal.number}`;
  return Layout({
    ctx,
    title: `${title} – ${goal.report.title}`,
    crumb: title,
    heading: <h1>{title}</h1>,
    description: goal.statement,
    breadcrumbs: [
      { title: ctx.site.report.plural, url: urls.reports(ctx.site) },
      { title: goal.report.title, url: urls.report(goal.report) },
    ],
    index: { kind: 'Mål', date: goal.report.title },
    children: [
      <p class="lead">{goal.statement}</p>,
      ...GoalBody(goal, 2, ctx.site.report.groupName),
      <nav class="prev-next" aria-label="Andra mål" data-pagefind-ignore="">
        <ul>
          {previous ? (
            <li>
              <a href={urls.goal(previous)} rel="prev">
                Föregående: Mål {String(previous.number)}
              </a>
            </li>
          ) : null}
          <li>
            <a href={urls.goalInReport(goal)}>{`Målet i hela ${goal.report.title}`}</a>
          </li>
          {next ? (
            <li>
              <a href={urls.goal(next)} rel="next">
                Nästa: Mål {String(next.number)}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>,
    ],
  });
}
