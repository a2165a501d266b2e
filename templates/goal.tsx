import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { GoalBody } from './parts/goal-body.js';
import { overviewRowId } from './parts/goal-status.js';

/**
 * One goal: its statement as the title with its number above it, its status once, its key
 * figures, its text with the indicator table and trend charts, the same goal in other years,
 * and the way back to the report's overview and on to the neighbouring goals.
 */
export function GoalPage({ goal, previous, next }: Extract<Route, { kind: 'goal' }>, ctx: PageContext): Root {
  const title = `Mål ${goal.number}`;
  return Layout({
    ctx,
    title: `${title} – ${goal.report.title}`,
    crumb: title,
    heading: (
      <hgroup class="goal-heading">
        <p class="goal-heading__number">{`${title} · ${goal.report.title}`}</p>
        <h1>{goal.statement}</h1>
      </hgroup>
    ),
    description: goal.statement,
    breadcrumbs: [
      { title: ctx.site.report.plural, url: urls.reports(ctx.site) },
      { title: goal.report.title, url: urls.report(goal.report) },
    ],
    index: { kind: 'Mål', date: goal.report.title },
    children: [
      ...GoalBody(goal, 2, ctx.site.report),
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
            <a href={`${urls.report(goal.report)}#${overviewRowId(goal)}`}>{`Översikten: alla mål i ${goal.report.title}`}</a>
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
