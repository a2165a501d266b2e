import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DiskCache } from '../cache/store.js';
import type { RouteKind } from '../routes/routes.js';
import { urls } from '../routes/urls.js';
import { wellFormed } from './feeds.js';
import type { Extra, ExtraFile } from './index.js';

/*
 * Search: the Pagefind index of the goals, projects, news and newsletters (the pages whose <main>
 * has data-pagefind-body; see templates/layout.tsx), written to /pagefind/, and the search
 * page's script /sok.js. Pagefind reads <html lang="sv">: Swedish stemming, å/ä/ö folded. The
 * index is the slow part of a build, so the preview (and `build --no-search`) leaves it out;
 * the search page then says that `npm run build` makes it.
 */

export const searchScriptPath = fileURLToPath(new URL('../../templates/browser/search.js', import.meta.url));

/** The page kinds in the index. */
export const indexedKinds: readonly RouteKind[] = ['goal', 'project', 'news-item', 'newsletter'];

/** Pagefind's own UI bundles: the search page has its own script, so these are not published. */
const unused = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;

let previous: { key: string; files: ExtraFile[] } | undefined;

/** The search index as the disk cache keeps it. */
interface StoredIndex {
  files: { path: string; base64: string }[];
}

/**
 * Builds the Pagefind index of `pages` (URL path → HTML) in memory. Pagefind cannot add to an
 * index, so any change to an indexed page makes it again; an unchanged site takes it from the
 * cache.
 */
export async function searchIndex(pages: ReadonlyMap<string, string>, cache?: DiskCache): Promise<ExtraFile[]> {
  const hash = createHash('sha1');
  for (const [url, html] of pages) hash.update(url).update('\0').update(html).update('\0');
  const key = hash.digest('hex');
  if (previous?.key === key) return previous.files;
  const address = cache?.address(['search-index', key]);
  const stored = address ? await cache?.get<StoredIndex>(address) : undefined;
  if (stored) {
    const files = stored.files.map((file) => ({ path: file.path, contents: new Uint8Array(Buffer.from(file.base64, 'base64')) }));
    previous = { key, files };
    return files;
  }
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'sv' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const [url, content] of pages) {
      // Pagefind reads its input as JSON, which cannot carry an unpaired surrogate
      const added = await index.addHTMLFile({ url, content: wellFormed(content) });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
    }
    const written = await index.getFiles();
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const folder = urls.searchIndex().replace(/^\//, '');
    const files = written.files
      .filter((file) => !unused.test(file.path))
      .map((file) => ({ path: `${folder}${file.path}`, contents: new Uint8Array(file.content) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    previous = { key, files };
    if (address) await cache?.put(address, { files: files.map((file) => ({ path: file.path, base64: Buffer.from(file.contents).toString('base64') })) } satisfies StoredIndex);
    return files;
  } finally {
    await pagefind.close();
  }
}

export const search: Extra = async ({ routes, pages, search, cache }) => {
  const script: ExtraFile = { path: urls.searchScript().replace(/^\//, ''), contents: await readFile(searchScriptPath, 'utf8') };
  if (!search) return [script];
  const indexed = new Map<string, string>();
  for (const route of routes) {
    const html = pages.get(route.path);
    if (html !== undefined && indexedKinds.includes(route.kind)) indexed.set(route.path, html);
  }
  return [script, ...(await searchIndex(indexed, cache))];
};
