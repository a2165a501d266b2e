import type { Element } from 'hast';
import type { KeyFigure } from '../../src/content/schemas.js';
import { formatNumber } from '../../src/format/dates.js';

function change(figure: KeyFigure): string {
  if (figure.previous === undefined || figure.previous === 0) return '';
  const percent = ((figure.value - figure.previous) / figure.previous) * 100;
  const sign = percent > 0 ? '+' : '';
  return `${sign}${formatNumber(Math.round(percent * 10) / 10)} %`;
}

/** A goal's key figures as a table: value, the year before and the change, in Swedish format. */
export function KeyFigures(figures: readonly KeyFigure[], headingLevel: 2 | 3 | 4, year: number, label: string): Element | null {
  if (figures.length === 0) return null;
  const hasPrevious = figures.some((figure) => figure.previous !== undefined);
  return (
    <section class="key-figures">
      {{ type: 'element', tagName: `h${headingLevel}`, properties: {}, children: [{ type: 'text', value: 'Nyckeltal' }] } as Element}
      <section class="table-scroll" aria-label={label} tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col">Nyckeltal</th>
              <th scope="col">{String(year)}</th>
              {hasPrevious ? <th scope="col">{String(year - 1)}</th> : null}
              {hasPrevious ? <th scope="col">Förändring</th> : null}
            </tr>
          </thead>
          <tbody>
            {figures.map((figure) => (
              <tr>
                <th scope="row">{figure.label}</th>
                <td class="num">{`${formatNumber(figure.value)}${figure.unit ? ` ${figure.unit}` : ''}`}</td>
                {hasPrevious ? (
                  <td class="num">
                    {figure.previous === undefined ? '–' : `${formatNumber(figure.previous)}${figure.unit ? ` ${figure.unit}` : ''}`}
                  </td>
                ) : null}
                {hasPrevious ? <td class="num">{change(figure) || '–'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  ) as Element;
}
