import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { describeStatuses } from '../src/render/goal-summary.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { DateText, StatusBadge } from './parts/common.js';
import { GoalBody } from './parts/goal-body.js';
import { StatusTable } from './parts/goal-status.js';

/**
 * A whole annual report on one page: introduction, contents by area, the goal status per area,
 * then every goal with its three sections, grouped by area.
 */
export function ReportPage({ report }: Extract<Route, { kind: 'report' }>, ctx: PageContext): Root {
  const areas = ctx.graph.areas
    .map((area) => ({ area, goals: report.goals.filter((goal) => goal.area.slug === area.slug) }))
    .filter((group) => group.goals.length > 0);
  return Layout({
    ctx,
    title: report.title,
    description: `${report.title} för ${ctx.site.organisation}: ${report.goals.length} mål med aktiviteter, indikatorer och uppföljning. ${describeStatuses(report.goals)}`,
    breadcrumbs: [{ title: 'Verksamhetsberättelser', url: urls.reports() }],
    children: [
      <p class="meta">Publicerad {DateText(report.published)}</p>,
      placeBody(report.body, { topLevel: 2 }),
      <nav class="toc" aria-labelledby="innehall">
        <h2 id="innehall">Innehåll</h2>
        <ol>
          <li>
            <a href="#maluppfyllelse">Måluppfyllelse</a>
          </li>
          {areas.map(({ area, goals }) => (
            <li>
              <a href={`#${area.slug}`}>{area.title}</a>
              <ol>
                {goals.map((goal) => (
                  <li>
                    <a href={`#mal-${goal.number}`}>Mål {String(goal.number)}</a>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </nav>,
      <section aria-labelledby="maluppfyllelse">
        <h2 id="maluppfyllelse">Måluppfyllelse</h2>
        <p>{describeStatuses(report.goals)}</p>
        {StatusTable(report.goals, ctx.graph.areas, `Måluppfyllelse per område ${report.year}`)}
      </section>,
      ...areas.map(({ area, goals }) => (
        <section class="report-area" aria-labelledby={area.slug}>
          <h2 id={area.slug}>{area.title}</h2>
          <p>{describeStatuses(goals)}</p>
          {goals.map((goal) => (
            <article class="goal" aria-labelledby={`mal-${goal.number}`}>
              <h3 id={`mal-${goal.number}`}>
                Mål {String(goal.number)} {StatusBadge(goal)}
              </h3>
              <p class="goal__statement">{goal.statement}</p>
              {GoalBody(goal, 4, `mal-${goal.number}-`)}
              <p class="goal__link">
                <a href={urls.goal(goal)}>Mål {String(goal.number)} på egen sida</a>
              </p>
            </article>
          ))}
        </section>
      )),
    ],
  });
}
