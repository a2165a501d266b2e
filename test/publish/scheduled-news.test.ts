import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, useFixtureCopies } from '../support/cli.js';

/*
 * Publishing on time: a news item dated in the future is nowhere on the site (its page, the
 * year and list pages, the home page, the feeds, the sitemap, the search index) until the day
 * it is dated, and everywhere from that day. The daily run of the Pages workflow builds with
 * that day's date; here `--now` stands for it. (test/session/session.test.ts covers the same
 * rule for the build session; this is the command line and every file of the built site.)
 */

const copy = useFixtureCopies('basic');
const title = 'Nyheten som väntar på sin dag';

/** Every file of a built site: text as read, search fragments unpacked. */
async function siteText(outDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(outDir.length + 1);
    if (relative.endsWith('.pf_fragment')) files.set(relative, gunzipSync(await readFile(path)).toString('utf8'));
    else if (/\.(?:html|xml|json|txt)$/.test(relative)) files.set(relative, await readFile(path, 'utf8'));
  }
  return files;
}

const mentioning = (files: Map<string, string>, text: string) => [...files].filter(([, contents]) => contents.includes(text)).map(([path]) => path).sort();

describe('a news item dated in the future', () => {
  let twoDaysBefore: Map<string, string>;
  let before: Map<string, string>;
  let onTheDay: Map<string, string>;

  beforeAll(async () => {
    const { content, cwd } = await copy();
    await writeFile(
      join(content, 'nyheter', 'vantar.md'),
      `---\ntitle: ${title}\ndate: 2031-05-05\nareas: [skola]\nlead: Den här nyheten publiceras den 5 maj 2031.\n---\nText.\n`,
    );
    for (const [now, out] of [['2031-05-03', 'two-days-before'], ['2031-05-04', 'before'], ['2031-05-05', 'on-the-day']] as const) {
      const result = await runCli(['build', '--content', content, '--out', join(cwd, out), '--now', now, '--no-pdf', '--no-cache'], cwd);
      expect(result.code, result.stderr).toBe(0);
    }
    twoDaysBefore = await siteText(join(cwd, 'two-days-before'));
    before = await siteText(join(cwd, 'before'));
    onTheDay = await siteText(join(cwd, 'on-the-day'));
  });

  it('is on no page, feed, sitemap or search entry the day before', () => {
    expect(mentioning(before, title)).toEqual([]);
    expect(mentioning(before, '/nyheter/2031/')).toEqual([]);
    expect([...before.keys()].some((path) => path.startsWith('nyheter/2031/'))).toBe(false);
  });

  it('is on its page, the lists, the feeds, the sitemap and in the search index on its day', () => {
    const found = mentioning(onTheDay, title);
    for (const path of ['nyheter/2031/vantar/index.html', 'nyheter/2031/index.html', 'nyheter/index.html', 'index.html', 'omraden/skola/index.html', 'nyheter/rss.xml', 'nyheter/atom.xml', 'nyheter/feed.json']) {
      expect(found, path).toContain(path);
    }
    expect(onTheDay.get('sitemap.xml')).toContain('/nyheter/2031/vantar/');
    expect(found.some((path) => path.startsWith('pagefind/fragment/'))).toBe(true);
  });

  it('changes the site digest that tells the daily run to publish', () => {
    expect(onTheDay.get('site-digest.txt')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(onTheDay.get('site-digest.txt')).not.toBe(before.get('site-digest.txt'));
  });

  it('is the same site, digest and all, on a morning when nothing becomes due, so the daily run deploys nothing', () => {
    expect(twoDaysBefore.get('site-digest.txt')).toBe(before.get('site-digest.txt'));
    expect([...twoDaysBefore.keys()].sort()).toEqual([...before.keys()].sort());
  });
});
