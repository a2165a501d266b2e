import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, loadSite, type SiteBuild } from '../../src/build.js';
import { imageLimits, inspectImage, unreadableImage } from '../../src/images/inspect.js';
import { imagePlan, widthsFor } from '../../src/images/variants.js';
import { BuildSession } from '../../src/session/session.js';
import { copyContent, fixture } from '../support/cli.js';
import { area, contentError, news, places, removeSites, siteYaml, writeSite } from './temp-site.js';
import { select } from '../support/hast.js';

/*
 * Images of news, projects and areas: required alt text (empty only when decorative), every
 * size and format made with sharp, width and height on the page, and a missing, unreadable or
 * huge file reported at the content file's line.
 */

let site: SiteBuild;
const file = (path: string) => site.files.find((item) => item.path === path);
const page = (path: string) => fromHtml(String(file(path)?.contents)) as Root;

beforeAll(async () => {
  site = await buildSite({ contentDir: fixture('basic') });
});
afterAll(removeSites);

const imageSite = (image: string, extra: Record<string, string> = {}) =>
  writeSite({
    'site.yaml': siteYaml,
    'omraden/a.md': area('A', 1),
    'nyheter/bild.md': news({ title: 'Bild', date: '2021-05-05', areas: ['a'] }).replace('lead: Ingress.', `lead: Ingress.\nimage:\n${image}`),
    ...extra,
  });

describe('responsive images', () => {
  it('offers each width up to the image\'s own, never wider', () => {
    expect(widthsFor(3000)).toEqual([480, 800, 1200, 1600]);
    expect(widthsFor(1600)).toEqual([480, 800, 1200, 1600]);
    expect(widthsFor(960)).toEqual([480, 800, 960]);
    expect(widthsFor(300)).toEqual([300]);
  });

  it('makes every variant in AVIF, WebP and JPEG at the planned size, without metadata', async () => {
    const news = page('nyheter/2020/lasning-startar/index.html');
    const [img] = select(news, (element) => element.tagName === 'img' && String(element.properties.src).startsWith('/bilder/'));
    const plan = imagePlan({ contentPath: 'bilder/bokhylla.jpg', width: 960, height: 600, hash: String(img!.properties.src).split('-')[1]! });
    for (const [format, variants] of Object.entries(plan.variants)) {
      expect(variants.map((variant) => variant.width)).toEqual([480, 800, 960]);
      for (const variant of variants) {
        const made = file(variant.url.slice(1));
        expect(made, variant.url).toBeDefined();
        const info = await sharp(made!.contents as Uint8Array).metadata();
        expect(info.format, variant.url).toBe(format === 'jpeg' ? 'jpeg' : format === 'avif' ? 'heif' : 'webp');
        expect([info.width, info.height], variant.url).toEqual([variant.width, variant.height]);
        expect(info.exif, variant.url).toBeUndefined();
      }
    }
  });

  it('writes <picture> with AVIF and WebP sources, a JPEG <img> with width, height and alt, eager at the top of its page', () => {
    const tree = page('nyheter/2020/lasning-startar/index.html');
    const [picture] = select(tree, (element) => element.tagName === 'picture');
    const sources = select(picture!, (element) => element.tagName === 'source');
    expect(sources.map((source) => source.properties.type)).toEqual(['image/avif', 'image/webp']);
    for (const source of sources) expect(String(source.properties.srcSet)).toMatch(/^\/bilder\/bokhylla-[0-9a-f]{10}-480\.\w+ 480w, .+ 800w, .+ 960w$/);
    const [img] = select(picture!, (element) => element.tagName === 'img');
    expect(img!.properties).toMatchObject({
      width: 960,
      height: 600,
      alt: 'Tecknade bokryggar i olika höjd mot en blå och orange bakgrund.',
      loading: 'eager',
    });
    expect(String(img!.properties.src)).toMatch(/^\/bilder\/bokhylla-[0-9a-f]{10}-960\.jpg$/);
    const [caption] = select(tree, (element) => element.tagName === 'figcaption');
    expect(caption?.children).toEqual([{ type: 'text', value: 'Bokhyllan i projektets läsrum.', position: expect.anything() }]);
  });

  it('loads a news card\'s image lazily (below the fold), and gives a decorative image empty alt text', () => {
    const [card] = select(page('nyheter/index.html'), (element) => element.tagName === 'img' && String(element.properties.src).startsWith('/bilder/'));
    expect(card!.properties.loading).toBe('lazy');
    const [decorative] = select(page('omraden/miljo/index.html'), (element) => element.tagName === 'img' && String(element.properties.src).startsWith('/bilder/'));
    expect(decorative!.properties.alt).toBe('');
    expect(decorative!.properties).toMatchObject({ width: 640, height: 240 });
  });

  it('keeps every variant inside a sub-path site', async () => {
    const sub = await buildSite({ contentDir: fixture('basic'), baseUrl: 'https://org.github.io/repo/' });
    const html = String(sub.files.find((item) => item.path === 'nyheter/2020/lasning-startar/index.html')?.contents);
    const urls = [...html.matchAll(/\/[\w/-]*bilder\/bokhylla-[0-9a-f]{10}-\d+\.\w+/g)].map((match) => match[0]);
    expect(urls.length).toBeGreaterThan(9);
    for (const url of urls) expect(url.startsWith('/repo/bilder/'), url).toBe(true);
  });

  it('renders a page again when its image changes, with new addresses', async () => {
    const content = await copyContent(fixture('basic'));
    try {
      const session = new BuildSession({ contentDir: content, cwd: dirname(content), drafts: false, today: '2026-06-01' });
      await session.update();
      const before = String(session.outputFiles.get('nyheter/2020/lasning-startar/index.html'));
      await copyFile(join(content, 'bilder', 'monster.png'), join(content, 'bilder', 'bokhylla.jpg'));
      const result = await session.update(['bilder/bokhylla.jpg']);
      expect(result.messages).toEqual([]);
      expect(result.changed).toContain('nyheter/2020/lasning-startar/index.html');
      expect(result.changed.filter((path) => path.includes('mal-'))).toEqual([]);
      const after = String(session.outputFiles.get('nyheter/2020/lasning-startar/index.html'));
      expect(after).not.toBe(before);
      expect(after).toContain('width="640" height="240"');
      expect(result.removed.some((path) => path.startsWith('bilder/bokhylla-'))).toBe(true);
    } finally {
      await rm(dirname(content), { recursive: true, force: true });
    }
  });
});

describe('images that cannot be used', () => {
  it('requires alt text, unless the image is decorative, which must have none', async () => {
    const missing = await imageSite('  src: bilder/x.png');
    expect(places((await contentError(() => loadSite({ contentDir: missing, cwd: missing }))).messages)).toEqual(['nyheter/bild.md:7:3 missing-alt']);
    const both = await imageSite('  src: bilder/x.png\n  alt: Text\n  decorative: true');
    expect(places((await contentError(() => loadSite({ contentDir: both, cwd: both }))).messages)).toEqual(['nyheter/bild.md:8:8 invalid-value']);
    const blank = await imageSite('  src: bilder/x.png\n  alt: "  "');
    expect(places((await contentError(() => loadSite({ contentDir: blank, cwd: blank }))).messages)).toEqual(['nyheter/bild.md:8:8 missing-alt']);
  });

  it('reports a missing file at image.src, naming the images that exist', async () => {
    const dir = await imageSite('  src: bilder/saknas.jpg\n  alt: Text');
    const error = await contentError(() => loadSite({ contentDir: dir, cwd: dir }));
    expect(places(error.messages)).toEqual(['nyheter/bild.md:7:8 invalid-image']);
    expect(error.messages[0]!.reason).toContain('bilder/saknas.jpg finns inte i innehållsmappen');
  });

  it('reports a file that is not an image, and a truncated JPEG', async () => {
    const jpeg = await readFile(join(fixture('basic'), 'bilder', 'bokhylla.jpg'));
    const dir = await imageSite('  src: bilder/trasig.jpg\n  alt: Text', {
      'bilder/trasig.jpg': 'inte en bild',
      'nyheter/halv.md': news({ title: 'Halv', date: '2021-05-06' }).replace('lead: Ingress.', 'lead: Ingress.\nimage:\n  src: bilder/halv.jpg\n  alt: Text'),
    });
    await writeFile(join(dir, 'bilder', 'halv.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    const error = await contentError(() => loadSite({ contentDir: dir, cwd: dir }));
    expect(places(error.messages).sort()).toEqual(['nyheter/bild.md:7:8 invalid-image', 'nyheter/halv.md:7:8 invalid-image']);
    for (const message of error.messages) expect(message.reason).toContain('går inte att läsa som bild');
    // in Swedish, never sharp's English ("Input buffer contains unsupported image format")
    const [notImage, truncated] = error.messages;
    expect(notImage!.reason).toContain('den är inte en bild i något format som verksam kan läsa');
    expect(truncated!.reason).toContain('den är trasig eller ofullständig');
    for (const message of error.messages) expect(message.reason).not.toMatch(/input|buffer|vips|jpeg image|premature/i);
  });

  it('says in Swedish why sharp could not read an image', () => {
    expect(unreadableImage('Input buffer contains unsupported image format')).toMatch(/^den är inte en bild i något format/);
    expect(unreadableImage('Input Buffer is empty')).toBe('den är tom');
    expect(unreadableImage('Input image exceeds pixel limit')).toBe('den har fler pixlar än gränsen 50 megapixlar');
    expect(unreadableImage('VipsJpeg: premature end of JPEG image')).toMatch(/^den är trasig eller ofullständig/);
    expect(unreadableImage('pngload_buffer: libspng read error')).toMatch(/^den är trasig eller ofullständig/);
  });

  it('refuses an image of more pixels, or more bytes, than the limits', async () => {
    const side = Math.ceil(Math.sqrt(imageLimits.pixels)) + 1;
    const huge = await sharp({ create: { width: side, height: side, channels: 3, background: '#005a8c' } })
      .png({ compressionLevel: 1, palette: true })
      .toBuffer();
    const tooMany = await inspectImage(huge);
    expect('reason' in tooMany && tooMany.reason).toMatch(new RegExp(`${side} × ${side} pixlar`));
    const tooBig = await inspectImage(new Uint8Array(imageLimits.fileBytes + 1));
    expect('reason' in tooBig && tooBig.reason).toContain('mer än gränsen');
    const dir = await imageSite('  src: bilder/stor.png\n  alt: Text', { 'bilder/.keep': '' });
    await writeFile(join(dir, 'bilder', 'stor.png'), huge);
    const error = await contentError(() => loadSite({ contentDir: dir, cwd: dir }));
    expect(places(error.messages)).toEqual(['nyheter/bild.md:7:8 invalid-image']);
    expect(error.messages[0]!.reason).toContain('megapixlar');
  });

  it('refuses a path that leaves the content folder or is not an image file', async () => {
    for (const src of ['../hemlig.jpg', '/etc/bild.jpg', 'bilder/dokument.pdf', 'bilder/../../x.png']) {
      const dir = await imageSite(`  src: "${src}"\n  alt: Text`);
      const error = await contentError(() => loadSite({ contentDir: dir, cwd: dir }));
      expect(places(error.messages), src).toEqual(['nyheter/bild.md:7:8 invalid-value']);
    }
  });
});
