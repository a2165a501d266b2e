import type { Element } from 'hast';
import type { KeyFigure } from '../../src/content/schemas.js';
import { formatNumber } from '../../src/format/dates.js';
import { BarChart } from './charts.js';
import { ScrollTable } from './scroll-table.js';

/** "2 500 personer" */
const withUnit = (value: number, unit: string | undefined) => `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;

/** The change from the year before in per cent, as stated or as computed from last year's value. */
export function changePercent(figure: KeyFigure): number | undefined {
  if (figure.change !== undefined) return figure.change;
  if (figure.previous === undefined || figure.previous === 0) return undefined;
  return Math.round(((figure.value - figure.previous) / figure.previous) * 1000) / 10;
}

/** "+13,6 %", "-2 %" (a hyphen-minus, which screen readers say as "minus"). */
export function formatChange(percent: number): string {
  return `${percent > 0 ? '+' : ''}${formatNumber(percent)} %`;
}

/** The change in words: "en ökning med 13,6 %". */
function changeInWords(percent: number): string {
  if (percent === 0) return 'oförändrat';
  return `${percent > 0 ? 'en ökning' : 'en minskning'} med ${formatNumber(Math.abs(percent))} %`;
}

/**
 * The charts a goal's key figures make sense as: figures with the same unit side by side, and
 * each figure that has last year's value against it. A lone figure is not a chart.
 */
export function keyFigureCharts(figures: readonly KeyFigure[], year: number, goalLabel: string, idPrefix: string): Element[] {
  const charts: Element[] = [];
  const byUnit = new Map<string, KeyFigure[]>();
  for (const figure of figures) byUnit.set(figure.unit ?? '', [...(byUnit.get(figure.unit ?? '') ?? []), figure]);
  let number = 0;
  for (const [unit, group] of byUnit) {
    if (group.length < 2) continue;
    const title = `${goalLabel} ${year}${unit ? `, antal ${unit}` : ''}`;
    charts.push(
      BarChart({
        id: `${idPrefix}diagram-${++number}`,
        title,
        description: `${group.map((figure) => `${figure.label}: ${withUnit(figure.value, figure.unit)}`).join('; ')}.`,
        bars: group.map((figure) => ({ label: figure.label, value: figure.value, valueText: withUnit(figure.value, figure.unit) })),
      }),
    );
  }
  for (const figure of figures) {
    if (figure.previous === undefined) continue;
    const change = changePercent(figure);
    charts.push(
      BarChart({
        id: `${idPrefix}diagram-${++number}`,
        title: `${figure.label}, ${year - 1} och ${year}`,
        description: `${year - 1}: ${withUnit(figure.previous, figure.unit)}. ${year}: ${withUnit(figure.value, figure.unit)}${change === undefined ? '' : `, ${changeInWords(change)}`}.`,
        bars: [
          { label: String(year - 1), value: figure.previous, valueText: withUnit(figure.previous, figure.unit), className: 'chart__bar--previous' },
          { label: String(year), value: figure.value, valueText: withUnit(figure.value, figure.unit) },
        ],
      }),
    );
  }
  return charts;
}

/**
 * A goal's key figures: charts where a comparison means something, then every figure in a
 * table — value, the year before and the change — in Swedish number format.
 */
export function KeyFigures(
  figures: readonly KeyFigure[],
  headingLevel: 2 | 3 | 4,
  year: number,
  label: string,
  options: { goalLabel: string; idPrefix: string; headingId?: string },
): Element | null {
  if (figures.length === 0) return null;
  const hasPrevious = figures.some((figure) => figure.previous !== undefined);
  const hasChange = figures.some((figure) => changePercent(figure) !== undefined);
  return (
    <section class="key-figures" data-pagefind-ignore="">
      {
        {
          type: 'element',
          tagName: `h${headingLevel}`,
          properties: options.headingId ? { id: options.headingId } : {},
          children: [{ type: 'text', value: 'Nyckeltal' }],
        } as Element
      }
      {keyFigureCharts(figures, year, options.goalLabel, options.idPrefix)}
      {ScrollTable(
        label,
        (
          <table class="reflow">
            <thead>
              <tr>
                <th scope="col">Nyckeltal</th>
                <th scope="col">{String(year)}</th>
                {hasPrevious ? <th scope="col">{String(year - 1)}</th> : null}
                {hasChange ? <th scope="col">Förändring</th> : null}
              </tr>
            </thead>
            <tbody>
              {figures.map((figure) => {
                const change = changePercent(figure);
                return (
                  <tr>
                    <th scope="row">{figure.label}</th>
                    <td class="num" data-label={String(year)}>
                      {withUnit(figure.value, figure.unit)}
                    </td>
                    {hasPrevious ? (
                      <td class="num" data-label={String(year - 1)}>
                        {figure.previous === undefined ? '–' : withUnit(figure.previous, figure.unit)}
                      </td>
                    ) : null}
                    {hasChange ? (
                      <td class="num" data-label="Förändring">
                        {change === undefined ? '–' : formatChange(change)}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) as Element,
      )}
    </section>
  ) as Element;
}
