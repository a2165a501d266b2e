import type { Element } from 'hast';
import type { Area, Goal } from '../../src/content/graph.js';
import { countStatuses, describeStatuses, statusOrder } from '../../src/render/goal-summary.js';
import { BarChart } from './charts.js';
import { StatusBadge, statusLabels, statusSymbols } from './common.js';
import { urls } from '../../src/routes/urls.js';
import { ScrollTable } from './scroll-table.js';

/**
 * How many goals reached each status, as a bar chart whose every bar says its status and count
 * in words (and a symbol), never by colour alone.
 */
export function StatusChart(goals: readonly Goal[], id: string, title: string): Element {
  const counts = countStatuses(goals);
  const total = goals.length;
  return BarChart({
    id,
    title,
    description: describeStatuses(goals),
    bars: statusOrder
      .filter((status) => counts[status] > 0)
      .map((status) => ({
        label: statusLabels[status],
        symbol: statusSymbols[status],
        value: counts[status],
        valueText: `${counts[status]} av ${total} mål`,
        className: `chart__bar--${status}`,
      })),
  });
}

/** A report's goal statuses per area, as a table of numbers with the words in the caption. */
export function StatusTable(goals: readonly Goal[], areas: readonly Area[], caption: string, groupName: string): Element {
  const rows = areas
    .map((area) => ({ area, goals: goals.filter((goal) => goal.area.slug === area.slug) }))
    .filter((row) => row.goals.length > 0);
  const used = statusOrder.filter((status) => countStatuses(goals)[status] > 0);
  const total = countStatuses(goals);
  return (
    ScrollTable(
      caption,
      (
        <table class="status-table reflow">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{groupName}</th>
              {used.map((status) => (
                <th scope="col">{statusLabels[status]}</th>
              ))}
              <th scope="col">Antal mål</th>
              <th scope="col">Sammanfattning</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const counts = countStatuses(row.goals);
              return (
                <tr>
                  <th scope="row">{row.area.title}</th>
                  {used.map((status) => (
                    <td class="num" data-label={statusLabels[status]}>
                      {String(counts[status])}
                    </td>
                  ))}
                  <td class="num" data-label="Antal mål">
                    {String(row.goals.length)}
                  </td>
                  <td data-label="Sammanfattning">{describeStatuses(row.goals)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Totalt</th>
              {used.map((status) => (
                <td class="num" data-label={statusLabels[status]}>
                  {String(total[status])}
                </td>
              ))}
              <td class="num" data-label="Antal mål">
                {String(goals.length)}
              </td>
              <td data-label="Sammanfattning">{describeStatuses(goals)}</td>
            </tr>
          </tfoot>
        </table>
      ) as Element,
    )
  ) as Element;
}

/** How many of a goal's indicators were met, of those assessed: "2 uppfyllda av 3 bedömda". */
export function indicatorsMet(goal: Pick<Goal, 'indicators'>): string {
  const total = goal.indicators.length;
  if (total === 0) return 'Inga indikatorer';
  const assessed = goal.indicators.filter((indicator) => indicator.assessment).length;
  if (assessed === 0) return total === 1 ? 'Indikatorn har inte bedömts' : `Ingen av ${total} indikatorer har bedömts`;
  const met = goal.indicators.filter((indicator) => indicator.assessment?.status === 'uppfyllt').length;
  const text = `${met} ${met === 1 ? 'uppfylld' : 'uppfyllda'} av ${assessed} ${assessed === 1 ? 'bedömd' : 'bedömda'}`;
  return assessed === total ? text : `${text}; ${total - assessed} inte ${total - assessed === 1 ? 'bedömd' : 'bedömda'}`;
}

/** Where a goal's row in a report's overview is: goal pages link back to it. */
export const overviewRowId = (goal: Pick<Goal, 'number'>) => `oversikt-mal-${goal.number}`;

/**
 * Every goal of a report in one table: number, statement (a link to the goal's page), group,
 * status in symbol and words (also when nobody assessed it) and how many of its indicators were
 * met. A plan has no statuses yet, so its overview has none. On a phone each row is a card.
 */
export function GoalOverview(goals: readonly Goal[], caption: string, groupName: string): Element {
  const plan = goals.some((goal) => goal.report.plan);
  const indicators = !plan && goals.some((goal) => goal.indicators.length > 0);
  return (
    ScrollTable(
      caption,
      (
        <table class="goal-overview reflow">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Mål</th>
              <th scope="col">Målet</th>
              <th scope="col">{groupName}</th>
              {plan ? null : <th scope="col">Bedömning</th>}
              {indicators ? <th scope="col">Indikatorer</th> : null}
            </tr>
          </thead>
          <tbody>
            {goals.map((goal) => (
              <tr id={overviewRowId(goal)}>
                <th scope="row">{`Mål ${goal.number}`}</th>
                <td data-label="Målet">
                  <a href={urls.goal(goal)}>{goal.statement}</a>
                </td>
                <td data-label={groupName}>{goal.area.title}</td>
                {plan ? null : <td data-label="Bedömning">{StatusBadge(goal)}</td>}
                {indicators ? <td data-label="Indikatorer">{indicatorsMet(goal)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) as Element,
    )
  ) as Element;
}
