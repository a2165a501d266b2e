import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { build, loadSite } from '../../src/build.js';
import { BuildSession } from '../../src/session/session.js';
import { formatHtmlIssues, validateHtmlFiles } from '../support/html-validate.js';
import { select } from '../support/hast.js';
import { area, contentError, news, places, project, removeSites, report, siteYaml, writeSite } from './temp-site.js';

/*
 * `![alt](bilder/foto.jpg)` in any text, end to end on a site written to disk with real image
 * files: the page shows the site's responsive <picture>, the build writes every variant, a
 * missing alt text or file is an error at the image's line, and the preview follows a changed
 * image file.
 */

afterAll(removeSites);

/** A real JPEG of the given size, in one colour. */
const jpeg = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a7' } }).jpeg().toBuffer();

const withBody = (text: string, body: string) => text.replace(/\n---\n[\s\S]*$/, `\n---\n${body}`);

async function imageSite(files: Record<string, string>, given?: Record<string, Buffer>): Promise<string> {
  const images = given ?? { 'bilder/foto.jpg': await jpeg(1000, 500) };
  const dir = await writeSite({ 'site.yaml': siteYaml, 'omraden/a.md': area('A', 1), ...files });
  for (const [path, bytes] of Object.entries(images)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  return dir;
}

const problemsOf = async (dir: string) => places((await contentError(() => loadSite({ contentDir: dir, cwd: dir }))).messages);

describe('an image in a text, built', () => {
  it('is a <picture> inside its paragraph, every variant written, and the page valid HTML', async () => {
    const dir = await imageSite({
      'nyheter/bild.md': withBody(news({ title: 'Bild', date: '2021-05-05', areas: ['a'] }), 'Innan.\n\n![Barn som läser i biblioteket.](bilder/foto.jpg)\n'),
      'projekt/p.md': withBody(project({ title: 'P', area: 'a' }), 'Text ![](../bilder/foto.jpg "dekorativ") och mer.\n'),
      'verksamhetsberattelse/2020/index.md': report(2020),
      'verksamhetsberattelse/2020/mal-01.md':
        '---\nnumber: 1\narea: a\nstatement: Mål 1.\nstatus: uppfyllt\n---\n## Aktiviteter\n\n![Kursdeltagare vid ett bord.](../../bilder/foto.jpg)\n\n## Indikatorer\n\nI.\n\n## Uppföljning\n\nU.\n',
    });
    const outDir = join(dir, '..', `${dir.split('/').pop()}-dist`);
    try {
      await build({ contentDir: dir, cwd: dir, outDir, pdf: false, cacheDir: undefined, today: '2026-01-01' });
      const page = async (path: string) => fromHtml(await readFile(join(outDir, path), 'utf8')) as Root;

      const newsPage = await page('nyheter/2021/bild/index.html');
      const [paragraph] = select(newsPage, (element) => element.tagName === 'p' && select(element, (child) => child.tagName === 'picture').length > 0);
      const [img] = select(paragraph!, (element) => element.tagName === 'img');
      expect(img!.properties).toMatchObject({ alt: 'Barn som läser i biblioteket.', width: 1000, height: 500, loading: 'lazy' });
      const sources = select(paragraph!, (element) => element.tagName === 'source');
      expect(sources.map((source) => source.properties.type)).toEqual(['image/avif', 'image/webp']);
      // every address the picture names is a file of the built site, of the size it says
      const urls = [String(img!.properties.src), ...[img!, ...sources].flatMap((element) => String(element.properties.srcSet).split(', ').map((candidate) => candidate.split(' ')[0]!))];
      expect(new Set(urls).size).toBe(9);
      for (const url of urls) expect(existsSync(join(outDir, url)), url).toBe(true);
      const fallback = await sharp(await readFile(join(outDir, String(img!.properties.src)))).metadata();
      expect([fallback.width, fallback.height, fallback.format]).toEqual([1000, 500, 'jpeg']);

      const [decorative] = select(await page('projekt/p/index.html'), (element) => element.tagName === 'img' && String(element.properties.src).startsWith('/bilder/'));
      expect(decorative!.properties.alt).toBe('');
      for (const path of ['verksamhetsberattelse/2020/mal-1/index.html', 'verksamhetsberattelse/2020/index.html']) {
        const [goalImage] = select(await page(path), (element) => element.tagName === 'img' && String(element.properties.src).startsWith('/bilder/'));
        expect(goalImage?.properties.alt, path).toBe('Kursdeltagare vid ett bord.');
      }

      const pages = ['nyheter/2021/bild/index.html', 'projekt/p/index.html', 'verksamhetsberattelse/2020/mal-1/index.html'].map((path) => join(outDir, path));
      const issues = await validateHtmlFiles(pages, outDir);
      expect(issues, formatHtmlIssues(issues)).toEqual([]);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('makes no variants of an image only a draft shows', async () => {
    const draft = news({ title: 'Utkast', date: '2021-05-05', areas: ['a'], draft: true });
    const dir = await imageSite({ 'nyheter/utkast.md': withBody(draft, '![Ett foto.](bilder/foto.jpg)\n') });
    const built = new BuildSession({ contentDir: dir, cwd: dir, drafts: false, today: '2026-01-01', search: false });
    expect((await built.update()).messages).toEqual([]);
    expect([...built.outputFiles.keys()].filter((path) => path.startsWith('bilder/'))).toEqual([]);
    const preview = new BuildSession({ contentDir: dir, cwd: dir, drafts: true, today: '2026-01-01', search: false, mode: 'dev' });
    expect((await preview.update()).messages).toEqual([]);
    expect([...preview.outputFiles.keys()].filter((path) => path.startsWith('bilder/foto-'))).toHaveLength(9);
  });
});

describe('an image in a text that cannot be shown', () => {
  it('without alt text is missing-alt at the image\'s line and column', async () => {
    const dir = await imageSite({ 'nyheter/bild.md': withBody(news({ title: 'Bild', date: '2021-05-05', areas: ['a'] }), 'Innan.\n\nEfter bilden ![](bilder/foto.jpg)\n') });
    expect(await problemsOf(dir)).toEqual(['nyheter/bild.md:9:14 missing-alt']);
  });

  it('naming a file that does not exist is invalid-image at its line, beside every other problem of the file', async () => {
    const text = withBody(news({ title: 'Bild', date: '2021-05-05', areas: ['a'] }), '![Ett foto.](bilder/saknas.jpg)\n').replace('lead: Ingress.\n', '');
    const dir = await imageSite({ 'nyheter/bild.md': text });
    expect(await problemsOf(dir)).toEqual(['nyheter/bild.md:2:1 missing-field', 'nyheter/bild.md:6:1 invalid-image']);
  });

  it('whose address is taken away as unsafe (data:, javascript:) or missing is invalid-image at its line, never an image without an address', async () => {
    const body = 'Text.\n\n![Ett foto.](data:image/png;base64,AAAA)\n\n![Skript.](javascript:alert(1))\n\n<img alt="Inget" src="javascript:alert(1)" onerror="alert(1)">\n\n<img alt="Ingen adress">\n';
    const dir = await imageSite({ 'omraden/b.md': withBody(area('B', 2), body) });
    const error = await contentError(() => loadSite({ contentDir: dir, cwd: dir }));
    expect(places(error.messages)).toEqual(['omraden/b.md:8:1 invalid-image', 'omraden/b.md:10:1 invalid-image', 'omraden/b.md:12:1 invalid-image', 'omraden/b.md:14:1 invalid-image']);
    expect(error.messages[0]!.reason).toContain('bilder/');
  });

  it('that is not a readable image is invalid-image at its line (a too large one is refused by the same inspection as in front matter)', async () => {
    const dir = await imageSite(
      { 'omraden/b.md': withBody(area('B', 2), 'Text.\n\n![Ett foto.](bilder/trasig.jpg)\n') },
      { 'bilder/trasig.jpg': Buffer.from('inte en bild') },
    );
    expect(await problemsOf(dir)).toEqual(['omraden/b.md:8:1 invalid-image']);
  });
});

describe('the preview, when an image a text shows changes', () => {
  it('renders the page again with the new size, and a build from the disk cache agrees', async () => {
    const dir = await imageSite({ 'nyheter/bild.md': withBody(news({ title: 'Bild', date: '2021-05-05', areas: ['a'] }), '![Ett foto.](bilder/foto.jpg)\n') });
    const cacheDir = join(dir, '..', `${dir.split('/').pop()}-cache`);
    try {
      const options = { contentDir: dir, cwd: dir, drafts: false, today: '2026-01-01', search: false, cacheDir };
      const preview = new BuildSession({ ...options, mode: 'dev' as const });
      await preview.update();
      const first = new BuildSession(options);
      await first.update();
      await first.persist();
      expect(String(preview.outputFiles.get('nyheter/2021/bild/index.html'))).toContain('width="1000" height="500"');

      await writeFile(join(dir, 'bilder/foto.jpg'), await jpeg(600, 900));
      const result = await preview.update(['bilder/foto.jpg']);
      expect(result.messages).toEqual([]);
      expect(result.changed).toContain('nyheter/2021/bild/index.html');
      expect(String(preview.outputFiles.get('nyheter/2021/bild/index.html'))).toContain('width="600" height="900"');

      const cached = new BuildSession({ ...options, cacheReadOnly: true });
      await cached.update();
      const fresh = new BuildSession({ ...options, cacheDir: undefined });
      await fresh.update();
      expect(String(cached.outputFiles.get('nyheter/2021/bild/index.html'))).toBe(String(fresh.outputFiles.get('nyheter/2021/bild/index.html')));
      expect(String(fresh.outputFiles.get('nyheter/2021/bild/index.html'))).toContain('width="600" height="900"');
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('checks an image the text newly names, though only the text changed', async () => {
    const dir = await imageSite({ 'nyheter/bild.md': withBody(news({ title: 'Bild', date: '2021-05-05', areas: ['a'] }), 'Text.\n') });
    const preview = new BuildSession({ contentDir: dir, cwd: dir, drafts: true, today: '2026-01-01', search: false, mode: 'dev' });
    expect((await preview.update()).messages).toEqual([]);
    const path = join(dir, 'nyheter/bild.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('Text.\n', 'Text.\n\n![Ett foto.](bilder/saknas.jpg)\n'));
    expect(places((await preview.update(['nyheter/bild.md'])).messages)).toEqual([`${path.slice(dir.length + 1)}:9:1 invalid-image`]);
    await writeFile(path, (await readFile(path, 'utf8')).replace('saknas.jpg', 'foto.jpg'));
    const result = await preview.update(['nyheter/bild.md']);
    expect(result.messages).toEqual([]);
    expect(String(preview.outputFiles.get('nyheter/2021/bild/index.html'))).toContain('width="1000" height="500"');
    expect(result.changed.filter((file) => file.startsWith('bilder/foto-'))).toHaveLength(9);
  });
});
