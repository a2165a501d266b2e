/** One page of a paginated list. Page numbers are 1-based, as readers see them. */
export interface Page<T> {
  items: readonly T[];
  number: number;
  total: number;
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (size < 1) throw new RangeError(`page size must be at least 1, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    number: index + 1,
    total,
  }));
}

/** The neighbours of an item in an ordered list, for "föregående / nästa" links. */
export function neighbours<T>(items: readonly T[], index: number): { previous?: T; next?: T } {
  return { previous: index > 0 ? items[index - 1] : undefined, next: index < items.length - 1 ? items[index + 1] : undefined };
}

/** Groups items by a key, keeping the list's order inside each group and of first appearance. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
