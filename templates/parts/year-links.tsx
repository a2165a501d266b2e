import type { Element } from 'hast';
import { urls } from '../../src/routes/urls.js';

/** Links to each year's news archive; the current year is marked. */
export function YearLinks(years: readonly number[], current?: number): Element | null {
  if (years.length === 0) return null;
  return (
    <nav class="year-links" aria-label="Nyheter per år">
      <ul>
        {years.map((year) => (
          <li>
            <a href={urls.newsYear(year)} aria-current={year === current ? 'page' : undefined}>
              {String(year)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  ) as Element;
}
