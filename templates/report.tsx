import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { anyAssessed, describeStatuses } from '../src/render/goal-summary.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { Layout } from './layout.js';
import { formatFileSize } from '../src/format/file-size.js';
import { DateText, StatusBadge } from './parts/common.js';
import { GoalBody } from './parts/goal-body.js';
import { GoalOverview, StatusChart, StatusTable } from './parts/goal-status.js';
import { KeyFigures } from './parts/key-figures.js';
import { reflowTables } from './parts/reflow.js';
import { reportJsonLd } from './parts/structured-data.js';


/**
 * A report's summary: introduction, contents, then the overview (every goal in one table, its
 * status and how many of its indicators were met), the statuses per group and the year's key
 * figures, then the goals group by group, each linking to its own page. Each goal's full text
 * follows it, folded away on screen (the goal's page is where it is read) and printed in full:
 * the print edition of the report (src/pdf/) is this page, and a board member's copy has it all.
 */
export function ReportPage({ report, goals: reportGoals, areas: reportAreas, pdf, comparedWith }: Extract<Route, { kind: 'report' }>, ctx: PageContext): Root {
  const areas = reportAreas.map((area) => ({ area, goals: reportGoals.filter((goal) => goal.area.slug === area.slug) }));
  const names = ctx.site.report;
  return Layout({
    ctx,
    title: report.title,
    description: `${report.title} för ${ctx.site.organisation}: ${reportGoals.length} mål med aktiviteter, indikatorer och uppföljning. ${describeStatuses(reportGoals)}`,
    breadcrumbs: [{ title: names.plural, url: urls.reports(ctx.site) }],
    jsonLd: reportJsonLd(report, ctx.site, pdf),
    children: [
      <p class="meta">Publicerad {DateText(report.published)}</p>,
      pdf ? (
        <p class="pdf-link">
          <a href={pdf.url} type="application/pdf">
            {`${report.title} som PDF`}
          </a>
          {` (PDF, ${formatFileSize(pdf.bytes)}) – samma innehåll som den här sidan med varje måls hela text, för utskrift.`}
        </p>
      ) : null,
      reflowTables(placeBody(report.body, { topLevel: 2 })),
      <nav class="toc" aria-labelledby="innehall">
        <h2 id="innehall">Innehåll</h2>
        <ol>
          <li>
            <a href="#maluppfyllelse">Måluppfyllelse</a>
          </li>
          {report.keyFigures.length > 0 ? (
            <li>
              <a href="#nyckeltal-for-aret">Nyckeltal</a>
            </li>
          ) : null}
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
        <p>{describeStatuses(reportGoals)}</p>
        {comparedWith !== undefined ? (
          <p class="comparison-link">
            <a href={urls.comparison(report)}>{`${report.year} jämfört med ${comparedWith}`}</a>
            {': måluppfyllelse, indikatorer och nyckeltal båda åren.'}
          </p>
        ) : null}
        {GoalOverview(reportGoals, `Alla mål ${report.year}`, names.groupName)}
        {anyAssessed(reportGoals) ? StatusChart(reportGoals, 'maluppfyllelse-diagram', `Måluppfyllelse ${report.year}: antal mål per status`) : null}
        {anyAssessed(reportGoals) ? StatusTable(reportGoals, reportAreas, `Måluppfyllelse per ${names.groupName.toLowerCase()} ${report.year}`, names.groupName) : null}
      </section>,
      KeyFigures(report.keyFigures, 2, report.year, `Nyckeltal för ${report.year}`, {
        goalLabel: 'Verksamhetsåret',
        idPrefix: 'aret-',
        headingId: 'nyckeltal-for-aret',
      }),
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
              <p class="goal__link">
                <a href={urls.goal(goal)}>{`Mål ${goal.number} på egen sida`}</a>
              </p>
              <details class="goal__detail" data-pagefind-ignore="">
                <summary>{`Hela texten för mål ${goal.number}`}</summary>
                {GoalBody(goal, 4, names, `mal-${goal.number}-`)}
              </details>
            </article>
          ))}
        </section>
      )),
    ],
  });
}
