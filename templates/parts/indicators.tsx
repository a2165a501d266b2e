import type { Element } from 'hast';
import type { IndicatorStatus } from '../../src/content/assessment.js';
import type { Goal, Indicator } from '../../src/content/graph.js';
import type { IndicatorResult } from '../../src/content/schemas.js';
import { formatNumber } from '../../src/format/dates.js';
import { BarChart } from './charts.js';
import { StatusBadge } from './common.js';
import { ScrollTable } from './scroll-table.js';

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

export type Direction = 'better' | 'worse' | 'unchanged';

/** Whether a value moved for the better, given which way is better. */
export function direction(before: number, now: number, better: Indicator['better']): Direction {
  if (now === before) return 'unchanged';
  return now > before === (better === 'higher') ? 'better' : 'worse';
}

/** The arrow for a change: which way the value went (the words say whether that is good). */
export const arrow = (before: number, now: number): string => (now === before ? '→' : now > before ? '↑' : '↓');

/** How an indicator moved since the year before, for the better or the worse, in words and a symbol. */
export function trend(indicator: Indicator, year: number): { symbol: string; words: string } | undefined {
  const now = indicator.series.find((value) => value.year === year);
  const before = indicator.series.filter((value) => value.year < year).at(-1);
  if (!now || !before) return undefined;
  const moved = direction(before.value, now.value, indicator.better);
  const words = moved === 'unchanged' ? `Oförändrat sedan ${before.year}` : `${moved === 'better' ? 'Bättre' : 'Sämre'} än ${before.year}`;
  return { symbol: arrow(before.value, now.value), words };
}

/** An indicator's values up to the report's year: what its page can say of it. */
const seriesUntil = (indicator: Indicator, year: number) => indicator.series.filter((value) => value.year <= year);

/**
 * One trend chart per indicator with at least two values up to the report's year: never two
 * measures on one axis. Each chart says every value in words; the indicator table before the
 * charts holds the same values as numbers.
 */
export function IndicatorCharts(goal: Goal, headingLevel: number, idPrefix: string): Element | null {
  const year = goal.report.year;
  const charted = goal.indicators.map((indicator, index) => ({ indicator, index, values: seriesUntil(indicator, year) })).filter(({ values }) => values.length >= 2);
  if (charted.length === 0) return null;
  const heading: Element = { type: 'element', tagName: `h${Math.min(6, headingLevel)}`, properties: {}, children: [{ type: 'text', value: 'Indikatorerna över tid' }] };
  return (
    <div class="indicator-charts">
      {heading}
      {charted.map(({ indicator, index, values }) => {
        const target = typeof indicator.target === 'number' ? ` Målvärde: ${measure(indicator.target, indicator.unit)}.` : '';
        return BarChart({
          id: `${idPrefix}indikator-${index + 1}`,
          title: `${indicator.text}, ${values[0]!.year}–${values.at(-1)!.year}`,
          description: `${values.map((value) => `${value.year}: ${measure(value.value, indicator.unit)}`).join('. ')}.${target} ${indicator.better === 'higher' ? 'Högre' : 'Lägre'} värde är bättre.`,
          bars: values.map((value) => ({
            label: String(value.year),
            value: value.value,
            valueText: measure(value.value, indicator.unit),
            className: value.year === year ? undefined : 'chart__bar--previous',
          })),
        });
      })}
    </div>
  ) as Element;
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
  return ScrollTable(caption, Table(goal, caption));
}

function Table(goal: Goal, caption: string): Element {
  const year = goal.report.year;
  const plan = goal.report.plan;
  const earlierYears = [...new Set(goal.indicators.flatMap((indicator) => indicator.series.filter((value) => value.year < year).map((value) => value.year)))].sort((a, b) => b - a);
  const anyComment = goal.indicators.some((indicator) => indicator.comment || indicator.source);
  const outcomeLabel = `Utfall ${year}`;
  // a trend needs two years: a column of dashes says nothing
  const anyTrend = !plan && goal.indicators.some((indicator) => trend(indicator, year) !== undefined);
  return (
    <table class="indicator-table reflow">
      {/* the section's heading says it above the table; the caption names the table for screen readers */}
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Indikator</th>
          <th scope="col">Målvärde</th>
          {plan ? null : <th scope="col">{outcomeLabel}</th>}
          {earlierYears.map((earlier) => (
            <th scope="col">{`Utfall ${earlier}`}</th>
          ))}
          {anyTrend ? <th scope="col">Trend</th> : null}
          {plan ? null : <th scope="col">Bedömning</th>}
          {anyComment ? <th scope="col">Kommentar</th> : null}
        </tr>
      </thead>
      <tbody>
        {goal.indicators.map((indicator) => {
          const moved = trend(indicator, year);
          // an outcome another year's file gives for this year is this year's outcome too
          const outcome = indicator.outcome ?? indicator.series.find((value) => value.year === year)?.value;
          return (
            <tr>
              <th scope="row">{indicator.text}</th>
              <td data-label="Målvärde">
                {indicator.target === undefined ? 'Anges inte' : typeof indicator.target === 'number' ? measure(indicator.target, indicator.unit) : indicator.target}
              </td>
              {plan ? null : (
                <td data-label={outcomeLabel}>
                  {outcome !== undefined
                    ? measure(outcome, indicator.unit)
                    : indicator.result
                      ? resultLabels[indicator.result]
                      : 'Anges inte'}
                </td>
              )}
              {earlierYears.map((earlier) => {
                const value = indicator.series.find((item) => item.year === earlier);
                return <td data-label={`Utfall ${earlier}`}>{value ? measure(value.value, indicator.unit) : '–'}</td>;
              })}
              {anyTrend ? (
                <td data-label="Trend">
                  {moved ? [<span aria-hidden="true">{moved.symbol}</span>, ' ', moved.words] : '–'}
                </td>
              ) : null}
              {plan ? null : (
                <td data-label="Bedömning">
                  {IndicatorStatusText(indicator.assessment?.status)}
                  {indicator.assessment?.by === 'indicators' ? <span class="meta"> (beräknad)</span> : null}
                </td>
              )}
              {anyComment ? (
                <td data-label="Kommentar">
                  {indicator.comment ?? (indicator.source ? '' : '–')}
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
