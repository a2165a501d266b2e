import type { Element } from 'hast';
import type { Page } from '../../src/routes/paginate.js';

/** A link past the ends of a numbered series: the archive going on into another year. */
export interface Beyond {
  href: string;
  label: string;
}

/**
 * Numbered page links with previous/next; the current page is marked for screen readers. Past the
 * first or last page, `beyond` leads on to where the reader goes next (the next newer or older
 * year), so that the series reads as one.
 */
export function Pagination(page: Page<unknown>, url: (number: number) => string, beyond: { previous?: Beyond; next?: Beyond } = {}): Element | null {
  const previous = page.number > 1 ? { href: url(page.number - 1), label: 'Föregående sida' } : beyond.previous;
  const next = page.number < page.total ? { href: url(page.number + 1), label: 'Nästa sida' } : beyond.next;
  if (page.total <= 1 && !previous && !next) return null;
  const numbers = page.total > 1 ? Array.from({ length: page.total }, (_, index) => index + 1) : [];
  return (
    <nav class="pagination" aria-label="Sidor">
      <ul>
        {previous ? (
          <li>
            <a href={previous.href} rel="prev">
              {previous.label}
            </a>
          </li>
        ) : null}
        {numbers.map((number) => (
          <li>
            <a href={url(number)} aria-current={number === page.number ? 'page' : undefined} aria-label={`Sida ${number}`}>
              {String(number)}
            </a>
          </li>
        ))}
        {next ? (
          <li>
            <a href={next.href} rel="next">
              {next.label}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  ) as Element;
}
