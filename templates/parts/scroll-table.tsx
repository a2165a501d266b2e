import type { Element } from 'hast';

/**
 * A table in a region that scrolls sideways when the screen is narrower than the table. The
 * region is focusable, so a keyboard can scroll it (axe: scrollable-region-focusable), and named
 * after the table, so a screen reader says what it is on reaching it.
 */
export function ScrollTable(label: string, table: Element): Element {
  return (
    <section class="table-scroll" aria-label={label} tabindex="0">
      {table}
    </section>
  ) as Element;
}
