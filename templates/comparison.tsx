import type { Element, Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import { countStatuses, describeStatuses, joinSwedish, statusOrder } from '../src/render/goal-summary.js';
import type { IndicatorChange, KeyFigureChange, Route } from '../src/routes/routes.js';
import { urls } from '../src/routes/urls.js';
import { formatNumber } from '../src/format/dates.js';
import { Layout } from './layout.js';
import { BarChart } from './parts/charts.js';
import { statusLabels, statusSymbols } from './parts/common.js';
import { arrow, direction, measure, type Direction } from './parts/indicators.js';
import { formatChange } from './parts/key-figures.js';
import { ScrollTable } from './parts/scroll-table.js';

type ComparisonRoute = Extract<Route, { kind: 'comparison' }>;

const directionWords: Record<Direction, string> = { better: 'Bättre', worse: 'Sämre', unchanged: 'Oförändrat' };

/** "3 indikatorer blev bättre", in words that agree with the count. */
function count(number: number, singular: string, plural: string): string {
  return `${number} ${number === 1 ? singular : plural}`;
}

/** Goal statuses of both years: the counts side by side, as a chart and as a table. */
function Statuses({ report, previous, statuses, previousStatuses }: ComparisonRoute): Element[] {
  const now = countStatuses(statuses);
  const before = countStatuses(previousStatuses);
  const used = statusOrder.filter((status) => now[status] > 0 || before[status] > 0);
  const caption = `Antal mål per status ${previous.year} och ${report.year}`;
  const assessed = statuses.some((goal) => goal.status) || previousStatuses.some((goal) => goal.status);
  return [
    (<p>{`${previous.year}: ${describeStatuses(previousStatuses)}`}</p>) as Element,
    (<p>{`${report.year}: ${describeStatuses(statuses)}`}</p>) as Element,
    assessed
      ? BarChart({
          id: 'maluppfyllelse-diagram',
          title: caption,
          description: used.map((status) => `${statusLabels[status]}: ${before[status]} mål ${previous.year}, ${now[status]} mål ${report.year}`).join('. ') + '.',
          bars: used.flatMap((status) => [
            { label: `${statusLabels[status]} ${previous.year}`, symbol: statusSymbols[status], value: before[status], valueText: `${before[status]} mål`, className: 'chart__bar--previous' },
            { label: `${statusLabels[status]} ${report.year}`, symbol: statusSymbols[status], value: now[status], valueText: `${now[status]} mål`, className: `chart__bar--${status}` },
          ]),
        })
      : null,
    (
      ScrollTable(
        caption,
        (
          <table class="reflow">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">{String(previous.year)}</th>
                <th scope="col">{String(report.year)}</th>
              </tr>
            </thead>
            <tbody>
              {used.map((status) => (
                <tr>
                  <th scope="row">
                    <span aria-hidden="true">{statusSymbols[status]}</span> {statusLabels[status]}
                  </th>
                  <td class="num" data-label={String(previous.year)}>
                    {String(before[status])}
                  </td>
                  <td class="num" data-label={String(report.year)}>
                    {String(now[status])}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Alla mål</th>
                <td class="num" data-label={String(previous.year)}>
                  {String(previousStatuses.length)}
                </td>
                <td class="num" data-label={String(report.year)}>
                  {String(statuses.length)}
                </td>
              </tr>
            </tfoot>
          </table>
        ) as Element,
      )
    ) as Element,
  ].filter((node): node is Element => node !== null);
}

/** The indicators measured both years: how many got better, worse or stayed, and each one's values. */
function Indicators({ report, previous, indicators, unmatched }: ComparisonRoute): Element[] {
  const moved = indicators.map((indicator) => ({ indicator, way: direction(indicator.before, indicator.now, indicator.better) }));
  const of = (way: Direction) => moved.filter((item) => item.way === way).length;
  const summary =
    indicators.length === 0
      ? `Ingen indikator har ett utfall för både ${previous.year} och ${report.year}.`
      : `Av ${count(indicators.length, 'indikator', 'indikatorer')} med utfall båda åren blev ${joinSwedish([
          `${of('better')} bättre`,
          `${of('worse')} sämre`,
        ])}; ${of('unchanged')} ${of('unchanged') === 1 ? 'är oförändrad' : 'är oförändrade'}.`;
  const missing = unmatched > 0 ? ` ${count(unmatched, 'indikator', 'indikatorer')} saknar utfall för något av åren och jämförs inte.` : '';
  const caption = `Indikatorer ${previous.year} och ${report.year}`;
  return [
    (<p>{summary + missing}</p>) as Element,
    indicators.length === 0
      ? null
      : ((
          ScrollTable(
            caption,
            (
              <table class="reflow">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">Indikator</th>
                    <th scope="col">Mål</th>
                    <th scope="col">{`Utfall ${previous.year}`}</th>
                    <th scope="col">{`Utfall ${report.year}`}</th>
                    <th scope="col">Utveckling</th>
                  </tr>
                </thead>
                <tbody>
                  {moved.map(({ indicator, way }) => IndicatorRow(indicator, way, previous.year, report.year))}
                </tbody>
              </table>
            ) as Element,
          )
        ) as Element),
  ].filter((node): node is Element => node !== null);
}

function IndicatorRow(indicator: IndicatorChange, way: Direction, before: number, now: number): Element {
  return (
    <tr>
      <th scope="row">{indicator.text}</th>
      <td class="nowrap" data-label="Mål">
        <a href={urls.goal(indicator.goal)}>{`Mål ${indicator.goal.number}`}</a>
      </td>
      <td class="num" data-label={`Utfall ${before}`}>
        {measure(indicator.before, indicator.unit)}
      </td>
      <td class="num" data-label={`Utfall ${now}`}>
        {measure(indicator.now, indicator.unit)}
      </td>
      <td class="nowrap" data-label="Utveckling">
        <span aria-hidden="true">{arrow(indicator.before, indicator.now)}</span> {directionWords[way]}
      </td>
    </tr>
  ) as Element;
}

/** The report's key figures against the previous report's. */
function KeyFigureTable(figures: readonly KeyFigureChange[], before: number, now: number): Element {
  const withUnit = (value: number, unit: string | undefined) => `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
  const caption = `Nyckeltal ${before} och ${now}`;
  return (
    ScrollTable(
      caption,
      (
        <table class="reflow">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Nyckeltal</th>
              <th scope="col">{String(before)}</th>
              <th scope="col">{String(now)}</th>
              <th scope="col">Förändring</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((figure) => {
              const change = figure.before === undefined || figure.before === 0 ? undefined : Math.round(((figure.now - figure.before) / figure.before) * 1000) / 10;
              return (
                <tr>
                  <th scope="row">{figure.label}</th>
                  <td class="num" data-label={String(before)}>
                    {figure.before === undefined ? 'Anges inte' : withUnit(figure.before, figure.unit)}
                  </td>
                  <td class="num" data-label={String(now)}>
                    {withUnit(figure.now, figure.unit)}
                  </td>
                  <td class="num" data-label="Förändring">
                    {change === undefined ? '–' : formatChange(change)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) as Element,
    )
  ) as Element;
}

/**
 * A report against the previous one: goal fulfilment both years, the indicators measured both
 * years (better, worse, unchanged) and the key figures. Every number is in a table; the chart
 * of statuses says all it shows in words.
 */
export function ComparisonPage(route: ComparisonRoute, ctx: PageContext): Root {
  const { report, previous, keyFigures } = route;
  const title = `${report.title} jämförd med ${previous.year}`;
  return Layout({
    ctx,
    title,
    crumb: `Jämförelse med ${previous.year}`,
    description: `${report.title} för ${ctx.site.organisation} jämförd med ${previous.year}: måluppfyllelse, indikatorer och nyckeltal båda åren.`,
    breadcrumbs: [
      { title: ctx.site.report.plural, url: urls.reports(ctx.site) },
      { title: report.title, url: urls.report(report) },
    ],
    children: [
      <p class="lead">
        {`Hur ${report.year} gick jämfört med ${previous.year}. Läs mer i `}
        <a href={urls.report(report)}>{report.title}</a>
        {' och '}
        <a href={urls.report(previous)}>{previous.title}</a>.
      </p>,
      <section aria-labelledby="maluppfyllelse">
        <h2 id="maluppfyllelse">Måluppfyllelse</h2>
        {Statuses(route)}
      </section>,
      <section aria-labelledby="indikatorer">
        <h2 id="indikatorer">Indikatorer</h2>
        {Indicators(route)}
      </section>,
      keyFigures.length > 0 ? (
        <section aria-labelledby="nyckeltal">
          <h2 id="nyckeltal">Nyckeltal</h2>
          {KeyFigureTable(keyFigures, previous.year, report.year)}
        </section>
      ) : null,
    ],
  });
}
