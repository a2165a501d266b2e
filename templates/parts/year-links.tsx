import type { Element } from 'hast';
import { urls } from '../../src/routes/urls.js';

/**
 * Links to each year's news archive. The current year is marked: as the page itself on the year's
 * first page, as the set the page belongs to on its later pages.
 */
export function YearLinks(years: readonly number[], current?: { year: number; page: number }): Element | null {
  if (years.length === 0) return null;
  return (
    <nav class="year-links" aria-label="Nyheter per år">
      <ul>
        {years.map((year) => (
          <li>
            <a href={urls.newsYear(year)} aria-current={year === current?.year ? (current.page === 1 ? 'page' : 'true') : undefined}>
              {String(year)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  ) as Element;
}
