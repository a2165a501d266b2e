import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { slugify } from '../../src/format/slug.js';
import { checkOutputPaths } from '../../src/routes/collisions.js';
import type { Route } from '../../src/routes/routes.js';
import { outputFile, urls } from '../../src/routes/urls.js';

/*
 * What must hold for every page address: a page is written inside the output folder, or the
 * build stops with a located message before writing anything. No address, however it is made,
 * reaches a file outside the folder.
 */

const outDir = resolve('/srv/verksam/site');

/** A route with just what the output check reads. */
const routeAt = (path: string): Route => ({ path, sources: ['content/projekt/x.md'] }) as unknown as Route;

/** Whether writing `path`'s file would stay strictly inside the output folder. */
function staysInside(path: string): boolean {
  const target = resolve(outDir, outputFile(path));
  const fromOut = relative(outDir, target);
  return fromOut !== '' && fromOut !== '..' && !fromOut.startsWith(`..${sep}`) && !isAbsolute(fromOut);
}

/** Pieces of paths that have escaped folders somewhere. */
const tricky = fc.constantFrom('..', '.', '', '/', '//', '\\', '..\\', '%2e%2e', '%2f', '\0', '~', 'C:', 'a', 'nyheter', '2021', 'index.html', ' ', '…', '..%2f');
const rawPath = fc.oneof(
  fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join('/')),
  fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 6 }).map((parts) => `/${parts.join('/')}/`),
  fc.string({ unit: 'binary' }),
);

describe('output paths, for every address', () => {
  test.prop([rawPath], { numRuns: 1000, examples: [['.'], ['/.'], ['/../'], ['..%2f']] })('are inside the output folder, or reported before anything is written', (path) => {
    const messages = checkOutputPaths([routeAt(path)]);
    if (messages.length === 0) expect(staysInside(path), `${JSON.stringify(path)} → ${outputFile(path)}`).toBe(true);
    else expect(messages.map((message) => message.ruleId)).toEqual(['unsafe-output-path']);
  });

  test.prop([fc.string({ unit: 'binary' }), fc.integer({ min: 1900, max: 2100 })], { numRuns: 500 })(
    'made from any title by slugging, are inside the output folder whenever the slug is not empty',
    (title, year) => {
      const slug = slugify(title);
      fc.pre(slug !== '');
      const paths = [urls.project({ slug }), urls.area({ slug }), urls.newsletter({ slug }), urls.newsItem({ slug, year })];
      expect(checkOutputPaths(paths.map(routeAt))).toEqual([]);
      for (const path of paths) expect(staysInside(path), path).toBe(true);
    },
  );
});
