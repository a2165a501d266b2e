import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BuildSession } from '../../src/session/session.js';
import { copyContent } from '../support/cli.js';
import { elements, parseEmail, urlsOf } from './support.js';

/*
 * The newsletter-email extra inside a build: email.html and email.txt beside the web version
 * of every published issue and of no draft; in the preview (verksam dev) drafts get theirs too,
 * marked; the web version links to its email; and every URL of the email that points into the
 * site leads to a file the build writes (and to an id on it).
 */

const here = dirname(fileURLToPath(import.meta.url));
const contentDir = join(here, 'fixtures', 'site');
const baseUrl = 'https://prov.example/';

const session = (drafts: boolean) => new BuildSession({ contentDir, cwd: dirname(contentDir), drafts, today: '2026-01-01' });

describe('the newsletter-email extra', () => {
  it('writes email.html and email.txt for every published issue, none for a draft', async () => {
    const build = session(false);
    const result = await build.update();
    expect(result.messages).toEqual([]);
    const files = [...build.outputFiles.keys()].filter((path) => path.startsWith('nyhetsbrev/')).sort();
    expect(files).toEqual([
      'nyhetsbrev/2021-1-provnumret/email.html',
      'nyhetsbrev/2021-1-provnumret/email.txt',
      'nyhetsbrev/2021-1-provnumret/index.html',
      'nyhetsbrev/atom.xml',
      'nyhetsbrev/feed.json',
      'nyhetsbrev/index.html',
      'nyhetsbrev/rss.xml',
    ]);
    expect(String(build.outputFiles.get('nyhetsbrev/2021-1-provnumret/index.html'))).toContain('<a href="/nyhetsbrev/2021-1-provnumret/email.html">');
  });

  it('renders a draft’s email in the preview, marked as a draft', async () => {
    const preview = session(true);
    expect((await preview.update()).messages).toEqual([]);
    expect(String(preview.outputFiles.get('nyhetsbrev/2021-2-utkastet/email.html'))).toContain('Utkast – skickas inte förrän draft tas bort.');
    expect(String(preview.outputFiles.get('nyhetsbrev/2021-2-utkastet/email.txt'))).toContain('UTKAST');
  });

  it('links only to files and ids the build writes', async () => {
    const build = session(false);
    await build.update();
    const tree = parseEmail(String(build.outputFiles.get('nyhetsbrev/2021-1-provnumret/email.html')));
    const internal = urlsOf(tree).filter(({ url }) => url.startsWith(baseUrl));
    expect(internal.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const { url } of internal) {
      const { pathname, hash } = new URL(url);
      const file = pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1);
      const contents = build.outputFiles.get(file);
      if (contents === undefined) {
        problems.push(`${url}: no file ${file}`);
        continue;
      }
      if (hash.length > 1) {
        const ids = new Set(elements(parseEmail(String(contents))).map((element) => element.properties.id));
        if (!ids.has(decodeURIComponent(hash.slice(1)))) problems.push(`${url}: no id ${hash} in ${file}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves an unchanged email alone and writes a changed one anew (the preview after a save)', async () => {
    const content = await copyContent(contentDir);
    try {
      const preview = new BuildSession({ contentDir: content, cwd: dirname(content), drafts: true, today: '2026-01-01' });
      await preview.update();
      const issue = 'nyhetsbrev/2021-1-provnumret.md';
      expect((await preview.update([issue])).changed).toEqual([]);
      const file = join(content, issue);
      await writeFile(file, (await readFile(file, 'utf8')).replace('Hälsningar redaktionen', 'Hälsningar från redaktionen'));
      const result = await preview.update([issue]);
      expect(result.changed).toEqual(expect.arrayContaining(['nyhetsbrev/2021-1-provnumret/email.html', 'nyhetsbrev/2021-1-provnumret/email.txt']));
      expect(String(preview.outputFiles.get('nyhetsbrev/2021-1-provnumret/email.txt'))).toContain('Hälsningar från redaktionen');
    } finally {
      await rm(dirname(content), { recursive: true, force: true });
    }
  });

  it('gives the preview, started again with the cache of its last run, the same emails as one without a cache', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'verksam-email-cache-'));
    try {
      const emails = async (cache: string | undefined) => {
        const preview = new BuildSession({ contentDir, cwd: dirname(contentDir), drafts: true, today: '2026-01-01', mode: 'dev', cacheDir: cache });
        expect((await preview.update()).messages).toEqual([]);
        await preview.persist();
        return Object.fromEntries([...preview.outputFiles].filter(([path]) => /\/email\.(html|txt)$/.test(path)));
      };
      const uncached = await emails(undefined);
      expect(Object.keys(uncached)).toHaveLength(4);
      expect(await emails(cacheDir), 'with an empty cache').toEqual(uncached);
      expect(await readdir(cacheDir), 'the emails were kept').toEqual(expect.arrayContaining([expect.stringMatching(/^emails-.*\.pack$/)]));
      expect(await emails(cacheDir), 'with the emails from the cache').toEqual(uncached);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
