import { groupBy, paginate, type Page } from './paginate.js';

/*
 * The news archive is split by year, and paginated within each year: an item's page in the
 * archive depends only on the items of its own year. A count over all news would move every
 * later item one page on when one item's date changes (or one is added), so that one edit
 * re-rendered every archive page between the item's old and new place; by year, an edit touches
 * only the pages of the years involved, and a published page's address keeps showing the same
 * year's items.
 */

/** One page of the archive, as its address names it: /nyheter/<year>/ or /nyheter/<year>/sida/<page>/. */
export interface ArchivePlace {
  year: number;
  page: number;
}

/** One page of a year in the archive, with where the archive goes on beyond the year's pages. */
export interface YearPage<T> {
  year: number;
  /*
   * No count of the year's items: the pages would all change with it, when an item moves into or
   * out of the year, where now only the pages from its place on do (and all of them only when the
   * number of pages changes).
   */
  page: Page<T>;
  /** On a year's first page: the last page of the next newer year (chronologically adjacent). */
  newer?: ArchivePlace;
  /** On a year's last page: the first page of the next older year. */
  older?: ArchivePlace;
}

export interface NewsArchive<T> {
  /** The years with news, newest first. */
  years: number[];
  /** The newest items, for the archive's start page (/nyheter/). */
  latest: T[];
  /** Where the start page goes on: the year page that holds the first item it leaves out. */
  older?: ArchivePlace;
  pages: YearPage<T>[];
}

/**
 * The archive of items listed newest first: the start page's newest `size`, and each year's items
 * `size` to a page. Years without items have no pages.
 */
export function newsArchive<T extends { year: number }>(items: readonly T[], size: number): NewsArchive<T> {
  const byYear = groupBy(items, (item) => item.year);
  const years = [...byYear.keys()];
  const paged = years.map((year) => ({ year, pages: paginate(byYear.get(year)!, size) }));
  const pages: YearPage<T>[] = [];
  paged.forEach(({ year, pages: yearPages }, index) => {
    const newer = paged[index - 1];
    const older = paged[index + 1];
    for (const page of yearPages) {
      pages.push({
        year,
        page,
        newer: page.number === 1 && newer ? { year: newer.year, page: newer.pages.length } : undefined,
        older: page.number === page.total && older ? { year: older.year, page: 1 } : undefined,
      });
    }
  });
  const first = items[size];
  let startOlder: ArchivePlace | undefined;
  if (first) {
    const position = byYear.get(first.year)!.indexOf(first);
    startOlder = { year: first.year, page: Math.floor(position / size) + 1 };
  }
  return { years, latest: items.slice(0, size), older: startOlder, pages };
}
