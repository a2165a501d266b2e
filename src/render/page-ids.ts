import type { Element, Root } from 'hast';
import { rewrite } from './rewrite.js';
import { eachPageElement } from '../markdown/walk.js';

/*
 * One id, one element, on every page. A page's ids come from two sources that know nothing of
 * each other: its template ("sidans-innehall" for the skip link, "mal-1" for every link to goal
 * 1 in the report) and the content bodies placed in it (rehype-slug's heading ids, footnotes),
 * each unique only within its own body. So every element of a body carries its body's scope
 * (set by placeBody), and once the page is whole the template's ids win: a body's id that the
 * template or an earlier body already uses gets a suffix, and the body's own same-page links
 * and ARIA references follow it. Links from the template never point into a body, so they keep
 * reaching the template's targets.
 */

declare module 'hast' {
  interface ElementData {
    /** Which placed content body the element belongs to; absent for the template's elements. */
    idScope?: number;
  }
}

let scopes = 0;

/** A scope for one placed body: its ids and its links to them are renamed together. */
export function newIdScope(): number {
  return ++scopes;
}

/** Whether an element of a content body takes part in ids: it has one, or refers to one. */
export function refersToIds(node: Element): boolean {
  const { id, href, ariaDescribedBy, ariaLabelledBy, htmlFor } = node.properties;
  return (
    typeof id === 'string' ||
    (typeof href === 'string' && href.startsWith('#')) ||
    ariaDescribedBy !== undefined ||
    ariaLabelledBy !== undefined ||
    htmlFor !== undefined
  );
}

const referenceProperties = ['ariaDescribedBy', 'ariaLabelledBy', 'htmlFor'] as const;

/**
 * The page with every id unique: the template's ids as they are, a content id that clashes
 * renamed to the first free "<id>-<n>". A page without clashes comes back as it was.
 */
export function uniquePageIds(tree: Root): Root {
  const templateIds = new Set<string>();
  const everyId = new Set<string>();
  eachPageElement(tree, (node) => {
    const id = node.properties.id;
    if (typeof id !== 'string') return;
    everyId.add(id);
    if (node.data?.idScope === undefined) templateIds.add(id);
  });

  const claimed = new Set(templateIds);
  /** scope → its ids that were renamed, old → new (the first element of that id in the scope). */
  const renames = new Map<number, Map<string, string>>();
  const renamedElements = new Map<Element, string>();
  eachPageElement(tree, (node) => {
    const scope = node.data?.idScope;
    const id = node.properties.id;
    if (scope === undefined || typeof id !== 'string') return;
    if (!claimed.has(id)) {
      claimed.add(id);
      return;
    }
    let n = 1;
    while (everyId.has(`${id}-${n}`) || claimed.has(`${id}-${n}`)) n++;
    const unique = `${id}-${n}`;
    claimed.add(unique);
    renamedElements.set(node, unique);
    const scoped = renames.get(scope) ?? new Map<string, string>();
    renames.set(scope, scoped);
    // a second element with the same id in one body: its links already went to the first
    if (!scoped.has(id)) scoped.set(id, unique);
  });
  if (renamedElements.size === 0) return tree;

  return rewrite(tree, (node) => {
    const scope = node.data?.idScope;
    if (scope === undefined) return undefined;
    const scoped = renames.get(scope);
    const properties: Element['properties'] = {};
    const renamed = renamedElements.get(node);
    if (renamed !== undefined) properties.id = renamed;
    if (scoped) {
      const href = node.properties.href;
      const target = typeof href === 'string' && href.startsWith('#') ? fragmentId(href.slice(1)) : undefined;
      if (target !== undefined && scoped.has(target)) properties.href = `#${encodeURIComponent(scoped.get(target)!)}`;
      for (const name of referenceProperties) {
        const value = node.properties[name];
        if (Array.isArray(value) && value.some((id) => scoped.has(String(id)))) {
          properties[name] = value.map((id) => scoped.get(String(id)) ?? id);
        }
      }
    }
    return Object.keys(properties).length > 0 ? { ...node, properties: { ...node.properties, ...properties } } : undefined;
  });
}

/** The id a fragment names ("m%C3%A5l" → "mål"); a stray % names the id as written. */
function fragmentId(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
