import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.js';
import { buildSite, type SiteBuild } from '../../src/build.js';
import { chromiumPath } from '../../src/browser/chromium.js';
import { DiskCache } from '../../src/cache/store.js';
import { addReportPdfs } from '../../src/pdf/report-pdf.js';
import { fixture, tempDir } from '../support/cli.js';
import { pdfUris, readPdf } from './pdf-reader.js';

/*
 * A print edition comes from the cache only when every file Chromium loaded to print it has the
 * same bytes: the page, and also what the page's HTML does not show, such as its stylesheet.
 * The builds' own tests (test/build/cache.test.ts) change the content; these change the site's
 * files and base URL directly, as no content edit can.
 */

let dir: string;
let site: SiteBuild;
beforeAll(async () => {
  dir = await tempDir('verksam-prints-');
  site = await buildSite({ contentDir: fixture('basic'), cwd: fixture('basic'), search: false, cacheDir: undefined });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** One build's print, with the cache read before and written after, as a build does. */
async function print(built: SiteBuild): Promise<{ reused: boolean; pdf: Buffer }> {
  const disk = new DiskCache(dir, 'the same pipeline');
  const result = await addReportPdfs(built, templates, chromiumPath, disk.view('prints-test', dir));
  disk.save(['prints-test']);
  expect(result.notices).toEqual([]);
  const [made] = result.pdfs;
  const contents = result.files.find((file) => file.path === made?.path)?.contents;
  if (!made || contents === undefined) throw new Error('no PDF was made');
  return { reused: made.reused, pdf: Buffer.from(contents) };
}

const text = (pdf: Buffer) => readPdf(pdf).pages.flatMap((page) => page.lines).join('\n');

describe('the print cache', () => {
  it('prints once and then gives the same bytes from the cache', async () => {
    const first = await print(site);
    expect(first.reused).toBe(false);
    const second = await print(site);
    expect(second.reused).toBe(true);
    expect(Buffer.compare(second.pdf, first.pdf)).toBe(0);
  });

  it('prints anew when the stylesheet changed, though no page did', async () => {
    const restyled = {
      ...site,
      files: site.files.map((file) => (file.path === 'stil.css' ? { ...file, contents: `${String(file.contents)}\nh1::after { content: " med ny stil"; }\n` } : file)),
    };
    expect(restyled.files.some((file) => String(file.contents).includes('med ny stil')), 'the stylesheet is stil.css').toBe(true);
    const changed = await print(restyled);
    expect(changed.reused).toBe(false);
    expect(text(changed.pdf)).toContain('med ny stil');
  });

  it('prints anew for another base URL, and links to it', async () => {
    const moved = await buildSite({ contentDir: fixture('basic'), cwd: fixture('basic'), search: false, cacheDir: undefined, baseUrl: 'https://annan.example/rapport/' });
    const printed = await print(moved);
    expect(printed.reused).toBe(false);
    expect(pdfUris(printed.pdf).some((uri) => uri.startsWith('https://annan.example/rapport/'))).toBe(true);
  });
});
