import { cp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DiskCache } from '../../src/cache/store.js';
import { root, runCli, snapshot, useFixtureCopies, type CliResult } from '../support/cli.js';
import { readPdf } from '../pdf/pdf-reader.js';

/*
 * The build cache (.cache/verksam) must be invisible in the result: a build with it, cold or
 * warm, after one change or with the cache damaged, writes exactly the site a build without it
 * writes, and reports problems at the same places.
 */

const newCopy = useFixtureCopies('basic');
/** Exempelförbundet has a year of news with two archive pages. */
const newExempel = useFixtureCopies('exempel');

/**
 * Builds `content` in `cwd`, with VERKSAM_TIMINGS to see how many pages were rendered and
 * whether the newsletter's email was taken from the cache.
 */
async function build(cwd: string, out: string, ...flags: string[]): Promise<CliResult & { rendered: number; total: number; emails: string; feeds: string }> {
  const args = flags.includes('--pdf') ? flags.filter((flag) => flag !== '--pdf') : ['--no-pdf', ...flags];
  const result = await runCli(['build', '--content', 'content', '--out', out, ...args], cwd, { VERKSAM_TIMINGS: '1' });
  expect(result.stderr + result.stdout, 'build failed').toMatch(/sidor skrevs/);
  const counts = /render (\d+) of (\d+) pages/.exec(result.stderr);
  const emails = /newsletter-email \(([^)]*)\)/.exec(result.stderr)?.[1] ?? '';
  const feeds = /feeds \(([^)]*)\)/.exec(result.stderr)?.[1] ?? '';
  return { ...result, rendered: Number(counts?.[1]), total: Number(counts?.[2]), emails, feeds };
}

const pdfFile = join('verksamhetsberattelse', '2020', 'verksamhetsberattelse-2020.pdf');
/** The line a build prints for the report's PDF. */
const pdfLine = (result: CliResult) => result.stdout.split('\n').find((line) => line.includes('verksamhetsberattelse-2020.pdf')) ?? '';
const reusedPdf = /verksamhetsberattelse-2020\.pdf \([^)]*\) skrevs, återanvänd: inget den skrivs ut från har ändrats\./;
/** The PDF's text, page by page. */
const pdfWords = async (out: string) => readPdf(await readFile(join(out, pdfFile))).pages.flatMap((page) => page.lines).join('\n');

describe('the build cache', () => {
  it('cold, warm and after one change, a cached build writes the same bytes as an uncached one and renders only what changed', async () => {
    const { cwd } = await newCopy();
    const fresh = await build(cwd, 'uncached', '--no-cache');
    const expected = await snapshot(join(cwd, 'uncached'));
    await expect(stat(join(cwd, '.cache'))).rejects.toThrow();

    const cold = await build(cwd, 'dist');
    expect(cold.rendered).toBe(fresh.total);
    expect(cold.emails).toBe('0 from the cache, 1 compiled');
    expect(await snapshot(join(cwd, 'dist'))).toEqual(expected);
    const warm = await build(cwd, 'dist');
    expect(warm.rendered).toBe(0);
    expect(warm.emails, 'the email is not made again').toBe('1 from the cache, 0 compiled');
    expect(await snapshot(join(cwd, 'dist'))).toEqual(expected);

    // a news item the newsletter does not carry: its email is taken from the cache
    const news = join(cwd, 'content', 'nyheter', 'sakerhet.md');
    await writeFile(news, `${await readFile(news, 'utf8')}\nEtt tillägg i texten.\n`);
    await build(cwd, 'uncached', '--no-cache');
    const changed = await build(cwd, 'dist');
    expect(changed.rendered).toBeGreaterThan(0);
    expect(changed.rendered).toBeLessThan(changed.total / 2);
    expect(changed.emails).toBe('1 from the cache, 0 compiled');
    expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));
    expect(await readFile(join(cwd, 'dist', 'nyheter', '2021', 'sakerhet', 'index.html'), 'utf8')).toContain('Ett tillägg i texten.');

    // one it carries: the email is made anew, with the new lead
    const article = join(cwd, 'content', 'nyheter', 'lasning-startar.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('lead: Projektet Läsfrämjande har startat.', 'lead: Projektet Läsfrämjande har nu startat.'));
    await build(cwd, 'uncached', '--no-cache');
    const inLetter = await build(cwd, 'dist');
    expect(inLetter.emails).toBe('0 from the cache, 1 compiled');
    expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));
    expect(await readFile(join(cwd, 'dist', 'nyhetsbrev', '2020-1-forsta', 'email.html'), 'utf8')).toContain('Projektet Läsfrämjande har nu startat.');
  });

  it('after a news item moves within its year and to another year, writes the archive an uncached build writes', async () => {
    const { cwd } = await newExempel();
    await build(cwd, 'dist');
    const item = join(cwd, 'content', 'nyheter', '2025', 'nya-oppettider-i-kundtjansten.md');
    const original = await readFile(item, 'utf8');
    // from 2025's first archive page to its second, then into 2024
    for (const date of ['2025-01-01', '2024-01-01']) {
      await writeFile(item, original.replace(/^date: .*$/m, `date: ${date}`));
      await build(cwd, 'uncached', '--no-cache');
      const moved = await build(cwd, 'dist');
      expect(moved.rendered).toBeLessThan(moved.total / 2);
      expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));
    }
    expect(await readFile(join(cwd, 'dist', 'nyheter', '2024', 'index.html'), 'utf8')).toContain('/nyheter/2024/nya-oppettider-i-kundtjansten/');
  });

  it('prints the report anew only when what it is printed from changed, and the PDF is the one an uncached build prints', async () => {
    const { cwd } = await newCopy();
    const uncached = await build(cwd, 'uncached', '--pdf', '--no-cache');
    expect(pdfLine(uncached)).not.toMatch(reusedPdf);
    const cold = await build(cwd, 'dist', '--pdf');
    expect(pdfLine(cold), 'a cold cache has no print').not.toMatch(reusedPdf);
    expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));
    const warm = await build(cwd, 'dist', '--pdf');
    expect(pdfLine(warm), 'nothing changed').toMatch(reusedPdf);
    expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));

    // a news item the report does not show
    const news = join(cwd, 'content', 'nyheter', 'sakerhet.md');
    await writeFile(news, `${await readFile(news, 'utf8')}\nEtt tillägg i texten.\n`);
    const afterNews = await build(cwd, 'dist', '--pdf');
    expect(pdfLine(afterNews), 'a news item is not in the report').toMatch(reusedPdf);
    await build(cwd, 'uncached', '--pdf', '--no-cache');
    expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));

    // a goal's text
    const goal = join(cwd, 'content', 'verksamhetsberattelse', '2020', 'mal-01.md');
    await writeFile(goal, (await readFile(goal, 'utf8')).replace('Bakgrunden till målet.', 'Bakgrunden till målet, nu omskriven.'));
    const afterGoal = await build(cwd, 'dist', '--pdf');
    expect(pdfLine(afterGoal)).toMatch(/verksamhetsberattelse-2020\.pdf \([^)]*\) skrevs\.$/);
    expect(await pdfWords(join(cwd, 'dist'))).toContain('Bakgrunden till målet, nu omskriven.');
    expect(await pdfWords(join(cwd, 'uncached')), 'the earlier PDF did not have it').not.toContain('nu omskriven');
  });

  it('takes a feed from the cache only while its items, their texts and the images they show are unchanged', async () => {
    const { cwd } = await newCopy();
    // a news item that shows an image in its text: the feeds carry the text in full
    const news = join(cwd, 'content', 'nyheter', 'sakerhet.md');
    await writeFile(news, `${await readFile(news, 'utf8')}\n![Ett mönster](../bilder/monster.png)\n`);
    const cold = await build(cwd, 'dist');
    expect(cold.feeds).toMatch(/^0 from the cache, [1-9]\d* made$/);
    const warm = await build(cwd, 'dist');
    expect(warm.feeds).toMatch(/^[1-9]\d* from the cache, 0 made$/);
    await build(cwd, 'uncached', '--no-cache');
    expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));

    // the image replaced by a larger one, the text as it was: the item's picture in the feeds changes
    const feed = join(cwd, 'dist', 'nyheter', 'atom.xml');
    const feedBefore = await readFile(feed, 'utf8');
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#336699' } }).png().toFile(join(cwd, 'content', 'bilder', 'monster.png'));
    await build(cwd, 'uncached', '--no-cache');
    const image = await build(cwd, 'dist');
    expect(image.feeds).toMatch(/ [1-9]\d* made$/);
    expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));
    expect(await readFile(feed, 'utf8')).not.toBe(feedBefore);

    // a text edit with the file's size and modification time kept: read by its text, not by its time
    const before = await stat(news);
    const text = await readFile(news, 'utf8');
    await writeFile(news, text.replace('Rå HTML rensas.', 'Rå HTML raderas'));
    await utimes(news, before.atime, before.mtime);
    expect((await stat(news)).size).toBe(before.size);
    await build(cwd, 'uncached', '--no-cache');
    const edited = await build(cwd, 'dist');
    expect(edited.feeds).toMatch(/ [1-9]\d* made$/);
    expect(await snapshot(join(cwd, 'dist'))).toEqual(await snapshot(join(cwd, 'uncached')));
    expect(await readFile(feed, 'utf8')).toContain('Rå HTML raderas');
  });

  it('ignores a damaged cache and builds the same site', async () => {
    const { cwd } = await newCopy();
    await build(cwd, 'dist');
    const expected = await snapshot(join(cwd, 'dist'));
    const entries = await readdir(join(cwd, '.cache'), { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    expect(files.filter((file) => file.endsWith('.pack'))).toHaveLength(5);
    for (const file of files) {
      // every value replaced by something of the wrong shape or cut short, under its right address
      const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
      await writeFile(file, lines.map((line, index) => `${line.slice(0, 64)}\t${['{"kind":"news","body":', '{"html":42}', '{"files":[{}]}', '[]'][index % 4]}\n`).join(''));
    }
    await rm(join(cwd, 'dist'), { recursive: true });
    await build(cwd, 'dist');
    expect(await snapshot(join(cwd, 'dist'))).toEqual(expected);
  });

  it('writes a page again when it was changed by hand in the output folder since the last build', async () => {
    const { cwd } = await newCopy();
    await build(cwd, 'dist');
    const page = join(cwd, 'dist', 'index.html');
    const original = await readFile(page, 'utf8');
    await writeFile(page, original.replace('</main>', '<p>Handredigerat</p></main>'));
    await build(cwd, 'dist');
    expect(await readFile(page, 'utf8')).toBe(original);
  });

  it('points at the same file, line and field when a cached file refers to something that is gone', async () => {
    const { cwd } = await newCopy();
    await build(cwd, 'dist');
    await rm(join(cwd, 'content', 'omraden', 'skola.md'));
    const cached = await runCli(['build', '--no-pdf', '--content', 'content'], cwd);
    const uncached = await runCli(['build', '--no-pdf', '--no-cache', '--content', 'content'], cwd);
    expect(cached.code).toBe(1);
    expect(cached.stderr).toMatch(/content\/nyheter\/lasning-startar\.md:4:\d+/);
    expect(cached.stderr).toBe(uncached.stderr);
  });

  it('forgets the cache of a content folder, and the record of an output folder, that is gone', async () => {
    const { cwd } = await newCopy();
    await cp(join(cwd, 'content'), join(cwd, 'kopia'), { recursive: true });
    await build(cwd, 'dist');
    expect(await runCli(['build', '--no-pdf', '--content', 'kopia', '--out', 'dist2'], cwd)).toMatchObject({ code: 0 });
    const packs = async () => (await readdir(join(cwd, '.cache', 'verksam'))).filter((name) => name.endsWith('.pack'));
    expect(await packs()).toHaveLength(10);
    const manifests = () => readdir(join(cwd, '.cache', 'verksam', 'output'));
    expect(await manifests()).toHaveLength(2);
    await rm(join(cwd, 'kopia'), { recursive: true });
    await rm(join(cwd, 'dist2'), { recursive: true });
    await build(cwd, 'dist');
    expect(await packs()).toHaveLength(5);
    expect(await manifests()).toHaveLength(1);
  });

  it('keeps a pack that is still used, however old, and removes one unused for a month', async () => {
    const { cwd } = await newCopy();
    await build(cwd, 'dist');
    const folder = join(cwd, '.cache', 'verksam');
    const used = (await readdir(folder)).filter((name) => name.endsWith('.pack'));
    const abandoned = join(folder, `entries-${'0'.repeat(16)}.pack`);
    await writeFile(abandoned, '');
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    for (const path of [...used.map((name) => join(folder, name)), abandoned]) await utimes(path, longAgo, longAgo);
    const warm = await build(cwd, 'dist');
    expect(warm.rendered).toBe(0);
    expect((await readdir(folder)).filter((name) => name.endsWith('.pack')).sort()).toEqual(used.sort());
  });

  it('keeps entries of different pipelines apart', () => {
    const one = new DiskCache(join(root, '.cache', 'x'), 'pipeline-1');
    const two = new DiskCache(join(root, '.cache', 'x'), 'pipeline-2');
    expect(one.address(['entry', 'a.md'])).not.toBe(two.address(['entry', 'a.md']));
    expect(one.address(['entry', 'a.md'])).not.toBe(one.address(['entry', 'b.md']));
  });
});
