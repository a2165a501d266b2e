import { describe, expect, it } from 'vitest';
import { SearchIndexer } from '../../src/extras/search.js';

/*
 * Pagefind runs one service process per Node process, shared by every index made in it. Two
 * builds in one process (a test's two sites, the preview beside a build) each make an index;
 * one finishing must not stop the other's.
 */

/** A page as the session hands it over: UTF-8 bytes. */
const page = (title: string) =>
  Buffer.from(`<!doctype html><html lang="sv"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Text om ${title}.</p></main></body></html>`);

describe('two search indexes in one process', () => {
  it('both finish, whichever finishes first', async () => {
    const first = new SearchIndexer(undefined, {});
    const second = new SearchIndexer(undefined, {});
    first.add('/nyheter/forsta/', page('Första'), true);
    second.add('/nyheter/andra/', page('Andra'), true);
    const firstFiles = await first.files();
    second.add('/nyheter/tredje/', page('Tredje'), true);
    const secondFiles = await second.files();
    expect(firstFiles.some((file) => file.path === 'pagefind/pagefind.js')).toBe(true);
    expect(secondFiles.some((file) => file.path === 'pagefind/pagefind.js')).toBe(true);
    const fragments = (files: typeof firstFiles) => files.filter((file) => file.path.startsWith('pagefind/fragment/')).length;
    expect(fragments(firstFiles)).toBe(1);
    expect(fragments(secondFiles)).toBe(2);
  });

  it('lets a third index start after the others were disposed of', async () => {
    const disposed = new SearchIndexer(undefined, {});
    disposed.add('/a/', page('A'), true);
    const kept = new SearchIndexer(undefined, {});
    kept.add('/b/', page('B'), true);
    await disposed.dispose();
    await disposed.dispose();
    const files = await kept.files();
    await kept.dispose();
    expect(files.some((file) => file.path.startsWith('pagefind/fragment/'))).toBe(true);
    const later = new SearchIndexer(undefined, {});
    later.add('/c/', page('C'), true);
    expect((await later.files()).some((file) => file.path.startsWith('pagefind/fragment/'))).toBe(true);
  });
});
