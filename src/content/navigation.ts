/** One link of the site's main menu. */
export interface NavigationItem {
  title: string;
  url: string;
}

/** A free page that asks for a place in the menu (`menu: 3`: third, counted from 1). */
export interface MenuPage extends NavigationItem {
  menu: number;
}

/**
 * The main menu: site.yaml's `navigation` in its order, with each page that asks for a place
 * put at that place (`menu: 1` first). A place past the end puts the page last, after any page
 * with a smaller number. Positions are expected distinct (the graph refuses two pages asking for
 * the same one), so every page ends up exactly where it asked to be whenever the menu is long
 * enough: pages are placed smallest number first, and a later one never moves an earlier one.
 */
export function mergeNavigation(items: readonly NavigationItem[], pages: readonly MenuPage[]): NavigationItem[] {
  const menu = items.map(({ title, url }) => ({ title, url }));
  for (const page of [...pages].sort((a, b) => a.menu - b.menu)) {
    menu.splice(Math.min(page.menu - 1, menu.length), 0, { title: page.title, url: page.url });
  }
  return menu;
}
