import type { GoalStatus, IndicatorData, ReportSettings } from './schemas.js';

/*
 * Whether a goal or an indicator was met. Either the organisation says so (a `status` field), or,
 * when the organisation has chosen a rule for it once (site.yaml: report.assessment), it is
 * computed from the indicators' targets and outcomes. Pages always say which; nothing is ever
 * assessed that neither the organisation nor its rule assessed.
 */

export type IndicatorStatus = Exclude<GoalStatus, 'pagaende'>;

/** Who assessed: the organisation in its text, or the rule from the indicators. */
export type AssessedBy = 'organisation' | 'indicators';

export interface IndicatorAssessment {
  status: IndicatorStatus;
  by: AssessedBy;
}

export interface GoalAssessment {
  status: GoalStatus;
  by: AssessedBy;
  /** For a computed status: how many indicators were assessed, of how many. */
  assessed?: number;
  of?: number;
}

type Rule = ReportSettings['assessment'];

/** An indicator's status: the organisation's, else the rule's where the figures allow one. */
export function assessIndicator(indicator: IndicatorData, rule: Rule): IndicatorAssessment | undefined {
  if (indicator.status) return { status: indicator.status, by: 'organisation' };
  if (rule.rule !== 'computed') return undefined;
  if (indicator.result) {
    const status = indicator.result === 'genomfort' ? 'uppfyllt' : indicator.result === 'delvis-genomfort' ? 'delvis-uppfyllt' : 'ej-uppfyllt';
    return { status, by: 'indicators' };
  }
  if (typeof indicator.target !== 'number' || indicator.outcome === undefined) return undefined;
  const share = reached(indicator.target, indicator.outcome, indicator.better);
  if (share === undefined) return undefined;
  const status = share * 100 >= rule.met ? 'uppfyllt' : share * 100 >= rule.partly ? 'delvis-uppfyllt' : 'ej-uppfyllt';
  return { status, by: 'indicators' };
}

/** How much of the target an outcome reaches, 1 being all of it; for "lower is better", the other way round. */
export function reached(target: number, outcome: number, better: 'higher' | 'lower'): number | undefined {
  if (better === 'higher') return target === 0 ? (outcome >= 0 ? 1 : 0) : outcome / target;
  if (outcome <= target) return 1;
  return outcome === 0 ? undefined : target / outcome;
}

/**
 * A goal's status: the organisation's, else (under a computed rule) from its indicators'
 * statuses: all met is met, none met and none partly is not met, anything between is partly.
 */
export function assessGoal(stated: GoalStatus | undefined, indicators: readonly (IndicatorAssessment | undefined)[], rule: Rule): GoalAssessment | undefined {
  if (stated) return { status: stated, by: 'organisation' };
  if (rule.rule !== 'computed') return undefined;
  const known = indicators.filter((indicator): indicator is IndicatorAssessment => indicator !== undefined);
  if (known.length === 0) return undefined;
  const status = known.every(({ status }) => status === 'uppfyllt')
    ? 'uppfyllt'
    : known.every(({ status }) => status === 'ej-uppfyllt')
      ? 'ej-uppfyllt'
      : 'delvis-uppfyllt';
  return { status, by: 'indicators', assessed: known.length, of: indicators.length };
}
