import type { Goal } from '../content/graph.js';
import { goalStatuses, type GoalStatus } from '../content/schemas.js';

export type StatusKey = GoalStatus | 'ej-bedomt';
export const statusOrder: readonly StatusKey[] = [...goalStatuses, 'ej-bedomt'];

/** How many goals have each status; every status present, zero where none. */
export function countStatuses(goals: readonly Pick<Goal, 'status'>[]): Record<StatusKey, number> {
  const counts = Object.fromEntries(statusOrder.map((status) => [status, 0])) as Record<StatusKey, number>;
  for (const goal of goals) counts[goal.status ?? 'ej-bedomt']++;
  return counts;
}

const phrases: Record<StatusKey, [singular: string, plural: string]> = {
  uppfyllt: ['uppfyllt', 'uppfyllda'],
  'delvis-uppfyllt': ['delvis uppfyllt', 'delvis uppfyllda'],
  'ej-uppfyllt': ['ej uppfyllt', 'ej uppfyllda'],
  pagaende: ['pågående', 'pågående'],
  'ej-bedomt': ['ej bedömt', 'ej bedömda'],
};

/**
 * The status of a set of goals in words, counting only what the organisation assessed:
 * "3 av 15 mål har bedömts: 2 uppfyllda och 1 delvis uppfyllt. 12 har inte bedömts." A goal
 * nobody assessed is never counted as anything else. The words carry the information, so no
 * reader depends on colour.
 */
export function describeStatuses(goals: readonly Pick<Goal, 'status'>[]): string {
  const total = goals.length;
  if (total === 0) return 'Inga mål.';
  const counts = countStatuses(goals);
  const unassessed = counts['ej-bedomt'];
  const assessed = total - unassessed;
  if (assessed === 0) return total === 1 ? 'Målet har inte bedömts i rapporten.' : `Inget av de ${total} målen har bedömts i rapporten.`;
  const parts = statusOrder
    .filter((status) => status !== 'ej-bedomt' && counts[status] > 0)
    .map((status) => `${counts[status]} ${phrases[status][counts[status] === 1 ? 0 : 1]}`);
  if (unassessed === 0) return total === 1 ? `Målet har bedömts: ${parts[0]}.` : `Alla ${total} mål har bedömts: ${joinSwedish(parts)}.`;
  return `${assessed} av ${total} mål har bedömts: ${joinSwedish(parts)}. ${unassessed} har inte bedömts.`;
}

/** A report's goals in a sentence: a plan's are planned, never "not assessed"; a report's statuses as above. */
export function describeReport(report: { plan: boolean }, goals: readonly Pick<Goal, 'status'>[]): string {
  if (!report.plan) return describeStatuses(goals);
  return goals.length === 1 ? '1 planerat mål.' : `${goals.length} planerade mål.`;
}

/** Whether any of the goals was assessed by the organisation. */
export const anyAssessed = (goals: readonly Pick<Goal, 'status'>[]): boolean => goals.some((goal) => goal.status !== undefined);

/** "a", "a och b", "a, b och c". */
export function joinSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}
