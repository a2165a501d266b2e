import type { Element } from 'hast';
import type { Page } from '../../src/routes/paginate.js';

/** Numbered page links with previous/next; the current page is marked for screen readers. */
export function Pagination(page: Page<unknown>, url: (number: number) => string): Element | null {
  if (page.total <= 1) return null;
  const numbers = Array.from({ length: page.total }, (_, index) => index + 1);
  return (
    <nav class="pagination" aria-label="Sidor">
      <ul>
        {page.number > 1 ? (
          <li>
            <a href={url(page.number - 1)} rel="prev">
              Föregående sida
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
        {page.number < page.total ? (
          <li>
            <a href={url(page.number + 1)} rel="next">
              Nästa sida
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  ) as Element;
}
