import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { BodyPictures } from '../../src/images/body-pictures.js';
import type { ImageStatus } from '../../src/images/inspect.js';
import { contentImagePath, contentImages } from '../../src/markdown/body-images.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { select } from '../support/hast.js';

/*
 * The Markdown stage's part of images in text: alt text or the "dekorativ" mark, located where
 * the image is written, and each image of the content folder marked with its file; then the
 * graph's part, the <picture> and the problems of files that cannot be shown.
 */

const parse = (markdown: string, contentPath = 'nyheter/x.md') => parseMarkdown(markdown, `content/${contentPath}`, contentPath);
const images = (tree: Root) => select(tree, (element) => element.tagName === 'img');

describe('the path an editor writes', () => {
  it('is the path inside the content folder, like image.src, or relative to the Markdown file with ./ and ../', () => {
    expect(contentImagePath('bilder/foto.jpg', 'nyheter/x.md')).toEqual({ path: 'bilder/foto.jpg' });
    expect(contentImagePath('/bilder/foto.jpg', 'nyheter/x.md')).toEqual({ path: 'bilder/foto.jpg' });
    expect(contentImagePath('../bilder/foto.jpg', 'nyheter/x.md')).toEqual({ path: 'bilder/foto.jpg' });
    expect(contentImagePath('../../bilder/foto.jpg', 'verksamhetsberattelse/2020/mal-01.md')).toEqual({ path: 'bilder/foto.jpg' });
    expect(contentImagePath('./foto.jpg', 'nyheter/x.md')).toEqual({ path: 'nyheter/foto.jpg' });
    expect(contentImagePath('bilder/min%20bild.jpg')).toEqual({ path: 'bilder/min bild.jpg' });
  });

  it('leaves addresses elsewhere alone and knows one that leads out of the content folder', () => {
    expect(contentImagePath('https://bilder.example/a.jpg')).toBeUndefined();
    expect(contentImagePath('//bilder.example/a.jpg')).toBeUndefined();
    expect(contentImagePath('data:image/png;base64,AAAA')).toBeUndefined();
    expect(contentImagePath('../../hemlig.jpg', 'nyheter/x.md')).toEqual({});
    expect(contentImagePath('../hemlig.jpg', 'tillganglighet.md')).toEqual({});
    expect(contentImagePath('bilder/../../hemlig.jpg', 'nyheter/x.md')).toEqual({});
  });
});

describe('alt text', () => {
  it('is required: an image without it is missing-alt at its line and column', () => {
    const { findings } = parse('Första stycket.\n\nText och ![](bilder/foto.jpg) mitt i.\n');
    expect(findings).toEqual([{ ruleId: 'missing-alt', reason: expect.stringContaining('![](bilder/foto.jpg "dekorativ")'), line: 3, column: 10 }]);
  });

  it('counts blank alt text as none', () => {
    expect(parse('![   ](bilder/foto.jpg)').findings.map((finding) => finding.ruleId)).toEqual(['missing-alt']);
  });

  it('may be left out of an image marked "dekorativ", which gets alt="" and no title', () => {
    const { tree, findings } = parse('![](bilder/foto.jpg "dekorativ")\n\n![](bilder/ram.jpg " Dekorativ ")');
    expect(findings).toEqual([]);
    for (const img of images(tree)) {
      expect(img.properties.alt).toBe('');
      expect(img.properties.title).toBeUndefined();
    }
  });

  it('must not be given to an image marked "dekorativ"', () => {
    const { findings } = parse('\n![Ett foto](bilder/foto.jpg "dekorativ")');
    expect(findings).toEqual([{ ruleId: 'invalid-value', reason: expect.stringContaining('"Ett foto"'), line: 2, column: 1 }]);
  });

  it('keeps any other title as the image\'s title', () => {
    const [img] = images(parse('![Ett foto](bilder/foto.jpg "Sommaren 2020")').tree);
    expect(img!.properties).toMatchObject({ alt: 'Ett foto', title: 'Sommaren 2020' });
  });

  it('works the same for an image by reference, whose title is its definition\'s', () => {
    const { tree, findings } = parse('![][ram] och ![Ett foto][foto] och ![][saknar]\n\n[ram]: bilder/ram.jpg "dekorativ"\n[foto]: bilder/foto.jpg\n[saknar]: bilder/saknar.jpg\n');
    expect(findings).toEqual([{ ruleId: 'missing-alt', reason: expect.stringContaining('bilder/saknar.jpg'), line: 1, column: 36 }]);
    expect(images(tree).map((img) => [img.properties.alt, img.properties.title])).toEqual([
      ['', undefined],
      ['Ett foto', undefined],
      ['', undefined],
    ]);
  });

  it('is required of an image written in HTML too, where alt="" marks decoration', () => {
    const { findings } = parse('<img src="bilder/a.jpg">\n\n<img src="bilder/b.jpg" alt="">\n\n<p><img src="bilder/c.jpg" alt="Ett foto"></p>\n');
    expect(findings).toEqual([{ ruleId: 'missing-alt', reason: expect.stringContaining('alt=""'), line: 1, column: 1 }]);
  });

  it('is required of an image from another site as well', () => {
    expect(parse('![](https://bilder.example/a.jpg)').findings.map((finding) => finding.ruleId)).toEqual(['missing-alt']);
  });
});

describe('images of the content folder', () => {
  it('are marked with their file, and images from elsewhere are not', () => {
    const { tree } = parse('![A](bilder/a.jpg) ![B](../bilder/b.png) ![C](https://bilder.example/c.jpg)');
    expect(contentImages(tree).map((img) => img.data?.contentImage)).toEqual([{ path: 'bilder/a.jpg' }, { path: 'bilder/b.png' }]);
  });

  it('are never a script address: the sanitiser removes it before the image is marked', () => {
    const { tree } = parse('![A](javascript:alert(1)) <img src="data:image/svg+xml,<svg onload=alert(1)>" alt="B">');
    expect(contentImages(tree)).toEqual([]);
    expect(toHtml(tree)).not.toMatch(/javascript:|data:/);
  });
});

const file = (contentPath: string, width: number, height: number): ImageStatus => ({
  ok: true,
  file: { contentPath, path: `content/${contentPath}`, absolutePath: `/site/content/${contentPath}`, width, height, format: 'jpeg', hash: '0123456789' },
});

describe('a picture in the text', () => {
  const files = new Map<string, ImageStatus>([
    ['bilder/foto.jpg', file('bilder/foto.jpg', 2000, 1000)],
    ['bilder/trasig.jpg', { ok: false, contentPath: 'bilder/trasig.jpg', reason: 'filen går inte att läsa som bild' }],
  ]);
  const pictures = new BodyPictures(files);

  it('is the site\'s <picture>: AVIF and WebP sources, a JPEG <img> with width, height, alt (escaped) and lazy loading, inside its paragraph', () => {
    const { tree } = parse('Före ![Ett "foto" <b>&</b> mer](bilder/foto.jpg) efter.');
    const placed = pictures.place(tree);
    // written and read back as a browser would: the alt text is the editor's, character for character
    const page = fromHtml(toHtml(placed), { fragment: true });
    expect(select(page, (element) => element.tagName === 'b')).toEqual([]);
    const [paragraph] = select(page, (element) => element.tagName === 'p');
    const [picture] = select(paragraph!, (element) => element.tagName === 'picture');
    expect(select(picture!, (element) => element.tagName === 'source').map((source) => source.properties.type)).toEqual(['image/avif', 'image/webp']);
    const [img] = select(picture!, (element) => element.tagName === 'img');
    expect(img!.properties).toMatchObject({ alt: 'Ett "foto" <b>&</b> mer', width: 1600, height: 800, loading: 'lazy', src: '/bilder/foto-0123456789-1600.jpg' });
    expect(String(img!.properties.srcSet)).toBe('/bilder/foto-0123456789-480.jpg 480w, /bilder/foto-0123456789-800.jpg 800w, /bilder/foto-0123456789-1200.jpg 1200w, /bilder/foto-0123456789-1600.jpg 1600w');
    expect((paragraph!.children[0] as { value: string }).value).toBe('Före ');
  });

  it('leaves the parsed text as it was (it is shared), and a text without images is the same object', () => {
    const { tree } = parse('![Ett foto](bilder/foto.jpg)');
    const before = structuredClone(tree);
    pictures.place(tree);
    expect(tree).toEqual(before);
    const plain = parse('Bara text.').tree;
    expect(pictures.place(plain)).toBe(plain);
  });

  it('names the files it shows, once each', () => {
    const { tree } = parse('![A](bilder/foto.jpg) ![B](/bilder/foto.jpg) ![C](bilder/trasig.jpg)');
    expect(pictures.filesOf(tree).map((found) => found.contentPath)).toEqual(['bilder/foto.jpg']);
  });

  it('cannot be a file that is missing, unreadable, not an image or outside the content folder: invalid-image at its place', () => {
    const { tree } = parse('![A](bilder/saknas.jpg)\n\n![B](bilder/trasig.jpg)\n\n![C](filer/stadgar.pdf)\n\nText ![D](../../hemlig.jpg)\n\n![E](bilder/foto.jpg)\n');
    const problems = pictures.problems('content/nyheter/x.md', tree);
    expect(problems.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '1:1 invalid-image',
      '3:1 invalid-image',
      '5:1 invalid-image',
      '7:6 invalid-image',
    ]);
    expect(problems.map((message) => message.reason)).toEqual([
      expect.stringContaining('finns inte'),
      expect.stringContaining('filen går inte att läsa som bild'),
      expect.stringContaining('ingen bild'),
      expect.stringContaining('utanför innehållsmappen'),
    ]);
  });

  it('keeps the place it was written at on its <img>, for a check of the page to name', () => {
    const { tree } = parse('\n\n![A](bilder/foto.jpg)');
    const [img] = select(pictures.place(tree), (element: Element) => element.tagName === 'img');
    expect(img!.position?.start).toMatchObject({ line: 3, column: 1 });
    expect(img!.data?.origin).toBe('content/nyheter/x.md');
  });
});
