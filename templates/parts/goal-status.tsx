import type { Element } from 'hast';
import type { Area, Goal } from '../../src/content/graph.js';
import { countStatuses, describeStatuses, statusOrder } from '../../src/render/goal-summary.js';
import { BarChart } from './charts.js';
import { statusLabels, statusSymbols } from './common.js';

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
    <section class="table-scroll" aria-label={caption} tabindex="0">
      <table class="status-table">
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
                  <td class="num">{String(counts[status])}</td>
                ))}
                <td class="num">{String(row.goals.length)}</td>
                <td>{describeStatuses(row.goals)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totalt</th>
            {used.map((status) => (
              <td class="num">{String(total[status])}</td>
            ))}
            <td class="num">{String(goals.length)}</td>
            <td>{describeStatuses(goals)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  ) as Element;
}
