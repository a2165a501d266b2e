import type { Element } from 'hast';
import type { IndicatorStatus } from '../../src/content/assessment.js';
import type { Goal, Indicator } from '../../src/content/graph.js';
import type { IndicatorResult } from '../../src/content/schemas.js';
import { formatNumber } from '../../src/format/dates.js';
import { StatusBadge } from './common.js';

/** "129 personer", "80 %": a number the Swedish way, with its unit. */
export function measure(value: number, unit: string | undefined): string {
  if (!unit) return formatNumber(value);
  return unit === '%' ? `${formatNumber(value)}\u00a0%` : `${formatNumber(value)} ${unit}`;
}

const resultLabels: Record<IndicatorResult, string> = {
  genomfort: 'Genomfört',
  'delvis-genomfort': 'Delvis genomfört',
  'ej-genomfort': 'Ej genomfört',
};

/** How an indicator moved since the year before, for the better or the worse, in words and a symbol. */
export function trend(indicator: Indicator, year: number): { symbol: string; words: string } | undefined {
  const now = indicator.series.find((value) => value.year === year);
  const before = indicator.series.filter((value) => value.year < year).at(-1);
  if (!now || !before) return undefined;
  if (now.value === before.value) return { symbol: '→', words: `Oförändrat sedan ${before.year}` };
  const up = now.value > before.value;
  const better = up === (indicator.better === 'higher');
  return { symbol: up ? '↑' : '↓', words: `${better ? 'Bättre' : 'Sämre'} än ${before.year}` };
}

function IndicatorStatusText(status: IndicatorStatus | undefined): Element | string {
  return status ? StatusBadge({ status }) : 'Ej bedömd';
}

/**
 * A goal's indicators as a table: what is measured, the target, this year's outcome and the
 * earlier years', the trend and the assessment in words and symbols, and the comment. On a phone
 * each row is a card and each value carries its column's name (style.css), so nothing is off
 * screen. A plan year has targets and no outcomes yet.
 */
export function IndicatorTable(goal: Goal, caption: string): Element {
  const year = goal.report.year;
  const plan = goal.report.plan;
  const earlierYears = [...new Set(goal.indicators.flatMap((indicator) => indicator.series.filter((value) => value.year < year).map((value) => value.year)))].sort();
  const anyComment = goal.indicators.some((indicator) => indicator.comment || indicator.source);
  const outcomeLabel = `Utfall ${year}`;
  return (
    <table class="indicator-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Indikator</th>
          <th scope="col">Målvärde</th>
          {plan ? null : <th scope="col">{outcomeLabel}</th>}
          {earlierYears.map((earlier) => (
            <th scope="col">{`Utfall ${earlier}`}</th>
          ))}
          {plan ? null : <th scope="col">Trend</th>}
          {plan ? null : <th scope="col">Bedömning</th>}
          {anyComment ? <th scope="col">Kommentar</th> : null}
        </tr>
      </thead>
      <tbody>
        {goal.indicators.map((indicator) => {
          const moved = trend(indicator, year);
          return (
            <tr>
              <th scope="row">{indicator.text}</th>
              <td data-label="Målvärde">
                {indicator.target === undefined ? 'Anges inte' : typeof indicator.target === 'number' ? measure(indicator.target, indicator.unit) : indicator.target}
              </td>
              {plan ? null : (
                <td data-label={outcomeLabel}>
                  {indicator.outcome !== undefined
                    ? measure(indicator.outcome, indicator.unit)
                    : indicator.result
                      ? resultLabels[indicator.result]
                      : 'Anges inte'}
                </td>
              )}
              {earlierYears.map((earlier) => {
                const value = indicator.series.find((item) => item.year === earlier);
                return <td data-label={`Utfall ${earlier}`}>{value ? measure(value.value, indicator.unit) : '–'}</td>;
              })}
              {plan ? null : (
                <td data-label="Trend">
                  {moved ? [<span aria-hidden="true">{moved.symbol}</span>, ' ', moved.words] : '–'}
                </td>
              )}
              {plan ? null : (
                <td data-label="Bedömning">
                  {IndicatorStatusText(indicator.assessment?.status)}
                  {indicator.assessment?.by === 'indicators' ? <span class="meta"> (beräknad)</span> : null}
                </td>
              )}
              {anyComment ? (
                <td data-label="Kommentar">
                  {indicator.comment ?? ''}
                  {indicator.source ? <span class="meta">{`${indicator.comment ? ' ' : ''}Källa: ${indicator.source}`}</span> : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  ) as Element;
}
