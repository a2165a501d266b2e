import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type SiteBuild } from '../../src/build.js';
import { scriptSafeJson } from '../../templates/parts/json-ld.js';
import { fixture } from '../support/cli.js';
import { area, news, removeSites, siteYaml, writeSite } from '../content/temp-site.js';
import { select } from '../support/hast.js';

/*
 * What a page tells machines about itself: Open Graph and Twitter card tags, and schema.org
 * structured data as JSON-LD that parses as JSON and can never end its <script> early.
 */

let site: SiteBuild;
const page = (files: SiteBuild['files'], path: string) => {
  const file = files.find((item) => item.path === path);
  if (!file) throw new Error(`no ${path}`);
  return fromHtml(String(file.contents)) as Root;
};
const jsonLd = (tree: Root) =>
  select(tree, (element) => element.tagName === 'script' && element.properties.type === 'application/ld+json').map(
    (element) => JSON.parse(toString(element)) as Record<string, unknown>,
  );
const meta = (tree: Root, key: string) =>
  select(tree, (element) => element.tagName === 'meta' && (element.properties.property === key || element.properties.name === key)).map((element) =>
    String(element.properties.content),
  );

beforeAll(async () => {
  site = await buildSite({ contentDir: fixture('basic') });
});
afterAll(removeSites);

describe('JSON-LD', () => {
  it('is JSON on every page that has it, with a schema.org context', () => {
    let count = 0;
    for (const file of site.files.filter((item) => item.path.endsWith('.html') && !item.path.endsWith('email.html'))) {
      for (const data of jsonLd(page(site.files, file.path))) {
        count++;
        expect(data['@context'], file.path).toBe('https://schema.org');
        expect(typeof data['@type'], file.path).toBe('string');
      }
    }
    expect(count).toBeGreaterThanOrEqual(4);
  });

  it('describes the organisation on the start page', () => {
    expect(jsonLd(page(site.files, 'index.html'))).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Testförbundet',
        url: 'https://test.example/',
        email: 'info@test.example',
        telephone: '010-123 45 67',
        description: 'En liten webbplats som visar varje sorts sida.',
        address: 'Box 1, 123 45 Teststad',
      },
    ]);
  });

  it('describes a news item as a NewsArticle with absolute URLs and its image', () => {
    const [article] = jsonLd(page(site.files, 'nyheter/2020/lasning-startar/index.html'));
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Läsningen startar',
      description: 'Projektet Läsfrämjande har startat.',
      datePublished: '2020-09-01',
      inLanguage: 'sv',
      url: 'https://test.example/nyheter/2020/lasning-startar/',
      about: ['Skola'],
      publisher: { '@type': 'Organization', name: 'Testförbundet' },
    });
    expect((article!.image as string[])[0]).toMatch(/^https:\/\/test\.example\/bilder\/bokhylla-[0-9a-f]{10}-960\.jpg$/);
  });

  it('describes an annual report as a Report', () => {
    expect(jsonLd(page(site.files, 'verksamhetsberattelse/2020/index.html'))[0]).toMatchObject({
      '@type': 'Report',
      name: 'Verksamhetsberättelse 2020',
      datePublished: '2021-03-15',
      url: 'https://test.example/verksamhetsberattelse/2020/',
    });
  });

  it('escapes "<", ">" and "&" so no text can close the script element', () => {
    const hostile = '</script><script>alert(1)</script> & <!-- \u2028';
    const json = scriptSafeJson({ headline: hostile });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ headline: hostile });
  });

  it('keeps a hostile title inside the JSON on the built page', async () => {
    const title = '</script><script>window.pwned=1</script><!--';
    const dir = await writeSite({
      'site.yaml': siteYaml,
      'omraden/a.md': area('A', 1),
      'nyheter/farlig.md': news({ title: title.replace(/"/g, '\\"'), date: '2021-05-05', areas: ['a'] }),
    });
    const built = await buildSite({ contentDir: dir, cwd: dir });
    const tree = page(built.files, 'nyheter/2021/farlig/index.html');
    const scripts = select(tree, (element) => element.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(jsonLd(tree)[0]!.headline).toBe(title);
  });
});

describe('Open Graph and Twitter cards', () => {
  it('gives every page a title, description, URL (its canonical address), site name and locale', () => {
    for (const file of site.files.filter((item) => item.path.endsWith('.html') && !item.path.endsWith('email.html'))) {
      const tree = page(site.files, file.path);
      const canonical = select(tree, (element) => element.tagName === 'link' && String(element.properties.rel) === 'canonical')[0];
      expect(meta(tree, 'og:url'), file.path).toEqual([String(canonical?.properties.href)]);
      expect(meta(tree, 'og:title')[0], file.path).toBeTruthy();
      expect(meta(tree, 'og:description')[0], file.path).toBeTruthy();
      expect(meta(tree, 'og:site_name'), file.path).toEqual(['Testförbundet']);
      expect(meta(tree, 'og:locale'), file.path).toEqual(['sv_SE']);
      expect(meta(tree, 'twitter:card').length, file.path).toBe(1);
    }
  });

  it('makes a news item an article with its date, and its image a large card with alt text', () => {
    const tree = page(site.files, 'nyheter/2020/lasning-startar/index.html');
    expect(meta(tree, 'og:type')).toEqual(['article']);
    expect(meta(tree, 'article:published_time')).toEqual(['2020-09-01']);
    expect(meta(tree, 'og:image')[0]).toMatch(/^https:\/\/test\.example\/bilder\/bokhylla-[0-9a-f]{10}-960\.jpg$/);
    expect(meta(tree, 'og:image:width')).toEqual(['960']);
    expect(meta(tree, 'og:image:height')).toEqual(['600']);
    expect(meta(tree, 'og:image:alt')).toEqual(['Tecknade bokryggar i olika höjd mot en blå och orange bakgrund.']);
    expect(meta(tree, 'twitter:card')).toEqual(['summary_large_image']);
    const imageFile = new URL(meta(tree, 'og:image')[0]!).pathname.slice(1);
    expect(site.files.some((file) => file.path === imageFile)).toBe(true);
  });

  it('gives a page without an image a small card, and a decorative image no alt text', () => {
    expect(meta(page(site.files, 'projekt/index.html'), 'twitter:card')).toEqual(['summary']);
    expect(meta(page(site.files, 'projekt/index.html'), 'og:type')).toEqual(['website']);
    const miljo = page(site.files, 'omraden/miljo/index.html');
    expect(meta(miljo, 'og:image')).toHaveLength(1);
    expect(meta(miljo, 'og:image:alt')).toEqual([]);
  });
});
