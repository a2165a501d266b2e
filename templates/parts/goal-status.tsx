import type { Element } from 'hast';
import type { Area, Goal } from '../../src/content/graph.js';
import { countStatuses, describeStatuses, statusOrder } from '../../src/render/goal-summary.js';
import { statusLabels } from './common.js';

/** A report's goal statuses per area, as a table of numbers with the words in the caption. */
export function StatusTable(goals: readonly Goal[], areas: readonly Area[], caption: string): Element {
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
            <th scope="col">Område</th>
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
