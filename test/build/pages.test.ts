import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type SiteBuild } from '../../src/build.js';
import { fixture } from '../support/cli.js';
import { isEmailFile } from '../support/site-pages.js';
import { select } from '../support/hast.js';

let site: SiteBuild;
const html = (path: string) => {
  const file = site.files.find((item) => item.path === path);
  if (!file) throw new Error(`no page ${path}; pages: ${site.files.map((item) => item.path).join(', ')}`);
  return String(file.contents);
};
const tree = (path: string) => fromHtml(html(path)) as Root;

beforeAll(async () => {
  site = await buildSite({ contentDir: fixture('basic') });
});

describe('every page', () => {
  it('is Swedish, titled "Sida – site", described, canonical, with skip link, landmarks and one h1', () => {
    // web pages, not the newsletter's email version (test/email/ checks that one)
    const pages = site.files.filter((file) => file.path.endsWith('.html') && !isEmailFile(file.path));
    expect(pages.length).toBeGreaterThanOrEqual(18);
    for (const { path } of pages) {
      const page = tree(path);
      const [htmlElement] = select(page, (element) => element.tagName === 'html');
      expect(htmlElement?.properties.lang, path).toBe('sv');
      const title = toString(select(page, (element) => element.tagName === 'title')[0]!);
      expect(title, path).toMatch(path === 'index.html' ? /^Testförbundet$/ : /^.+ – Testförbundet$/);
      const meta = select(page, (element) => element.tagName === 'meta' && element.properties.name === 'description')[0];
      expect(String(meta?.properties.content ?? ''), path).not.toBe('');
      const canonical = select(page, (element) => element.tagName === 'link' && String(element.properties.rel) === 'canonical')[0];
      expect(String(canonical?.properties.href), path).toMatch(/^https:\/\/test\.example\//);
      const skip = select(page, (element) => element.tagName === 'a')[0]!;
      expect(toString(skip), path).toBe('Hoppa till innehållet');
      const main = select(page, (element) => element.tagName === 'main')[0]!;
      expect(`#${main.properties.id}`, path).toBe(skip.properties.href);
      for (const landmark of ['header', 'nav', 'main', 'footer']) {
        expect(select(page, (element) => element.tagName === landmark).length, `${path} <${landmark}>`).toBeGreaterThan(0);
      }
      expect(select(page, (element) => element.tagName === 'h1'), path).toHaveLength(1);
      // the phone number does not wrap: non-breaking hyphen and spaces
      expect(toString(select(page, (element) => element.tagName === 'footer')[0]!), path).toContain('010\u2011123\u00a045\u00a067');
    }
  });

  it('never skips a heading level', () => {
    for (const { path } of site.files.filter((file) => file.path.endsWith('.html'))) {
      const levels = select(tree(path), (element) => /^h[1-6]$/.test(element.tagName)).map((element) => Number(element.tagName[1]));
      levels.reduce((previous, level) => {
        expect(level, `${path}: h${previous} followed by h${level}`).toBeLessThanOrEqual(previous + 1);
        return level;
      }, 0);
    }
  });

  it('has breadcrumbs from the start page to itself, except the start page', () => {
    const crumbs = select(tree('nyheter/2020/lasning-startar/index.html'), (element) => element.tagName === 'nav' && element.properties.ariaLabel === 'Du är här');
    expect(toString(crumbs[0]!)).toBe('StartNyheter2020Läsningen startar');
    const goalCrumbs = select(tree('verksamhetsberattelse/2020/mal-1/index.html'), (element) => element.tagName === 'nav' && element.properties.ariaLabel === 'Du är här');
    expect(toString(goalCrumbs[0]!)).toBe('StartVerksamhetsberättelserVerksamhetsberättelse 2020Mål 1');
    expect(html('index.html')).not.toContain('Du är här');
  });
});

describe('page kinds', () => {
  it('writes each URL of the issue', () => {
    // the search index and image variants are checked in test/extras/ and test/content/images.test.ts
    const paths = site.files
      .map((file) => file.path)
      .filter((path) => !path.startsWith('pagefind/') && !path.startsWith('bilder/'))
      .sort();
    expect(site.files.some((file) => file.path === 'pagefind/pagefind.js')).toBe(true);
    expect(site.files.some((file) => file.path.startsWith('bilder/'))).toBe(true);
    expect(paths).toEqual(
      [
        '404.html',
        'favicon.svg',
        'filer/ansokan.docx',
        'filer/forbundsordning.pdf',
        'index.html',
        'kontakt/index.html',
        'om-oss/index.html',
        'nyheter/atom.xml',
        'nyheter/rss.xml',
        'nyheter/feed.json',
        'omraden/miljo/atom.xml',
        'omraden/miljo/rss.xml',
        'omraden/miljo/feed.json',
        'omraden/skola/atom.xml',
        'omraden/skola/rss.xml',
        'omraden/skola/feed.json',
        'robots.txt',
        'sitemap.xml',
        'sok.js',
        'sok/index.html',
        'tillganglighet/index.html',
        'nyheter/2020/index.html',
        'nyheter/2020/lasning-startar/index.html',
        'nyheter/2021/index.html',
        'nyheter/2021/sakerhet/index.html',
        'nyheter/index.html',
        'nyhetsbrev/2020-1-forsta/email.html',
        'nyhetsbrev/2020-1-forsta/email.txt',
        'nyhetsbrev/2020-1-forsta/index.html',
        'nyhetsbrev/atom.xml',
        'nyhetsbrev/feed.json',
        'nyhetsbrev/index.html',
        'nyhetsbrev/rss.xml',
        'omraden/index.html',
        'omraden/miljo/index.html',
        'omraden/skola/index.html',
        'projekt/gammalt/index.html',
        'projekt/index.html',
        'projekt/lasframmjande/index.html',
        'stil.css',
        'verksamhetsberattelse/2020/index.html',
        'verksamhetsberattelse/2020/mal-1/index.html',
        'verksamhetsberattelse/2020/mal-2/index.html',
        'verksamhetsberattelse/index.html',
      ].sort(),
    );
  });

  it('never publishes a draft, nor links to it', () => {
    for (const file of site.files) expect(String(file.contents), file.path).not.toContain('Hemligt utkast');
  });

  it('shows dates in Swedish with a machine-readable datetime', () => {
    expect(html('nyheter/2020/lasning-startar/index.html')).toContain('<time datetime="2020-09-01">1 september 2020</time>');
  });

  it('shows a goal with area, status in words, key figures and its neighbours', () => {
    const text = toString(tree('verksamhetsberattelse/2020/mal-1/index.html')).replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('Fler elever ska gå ut skolan med fullständiga betyg.');
    expect(text).toContain('Uppfyllt');
    expect(text).toContain('Skola');
    expect(text).toContain('2 500 personer');
    expect(text).toContain('+13,6 %');
    expect(text).toContain('Nästa: Mål 2');
    expect(toString(tree('verksamhetsberattelse/2020/mal-2/index.html'))).toContain('Målet har inte bedömts i rapporten.');
  });

  it('shows the report with contents by area and a status summary per area in numbers and words', () => {
    const page = tree('verksamhetsberattelse/2020/index.html');
    const text = toString(page);
    expect(text).toContain('1 av 2 mål har bedömts: 1 uppfyllt. 1 har inte bedömts.');
    const table = select(page, (element) => element.tagName === 'table' && ((element.properties.className as string[] | undefined) ?? []).includes('status-table'))[0]!;
    expect(toString(table)).toContain('Skola');
    const ids = select(page, (element) => typeof element.properties.id === 'string').map((element) => element.properties.id);
    expect(ids).toContain('mal-1');
    expect(ids).toContain('mal-1-aktiviteter');
    expect(new Set(ids).size).toBe(ids.length);
    // a same-page link inside goal 1's text follows the goal's prefixed ids
    expect(html('verksamhetsberattelse/2020/index.html')).toContain('href="#mal-1-indikatorer"');
  });

  it('derives a project\'s goals and news and an area\'s goals, projects and news', () => {
    const project = toString(tree('projekt/lasframmjande/index.html'));
    expect(project).toContain('Mål 1 (2020)');
    expect(project).toContain('Läsningen startar');
    expect(project).toContain('Europeiska socialfonden (ESF)');
    expect(project).toContain('januari 2020');
    const area = toString(tree('omraden/skola/index.html'));
    expect(area).toContain('Mål 1');
    expect(area).toContain('Läsfrämjande');
    expect(area).toContain('Säkerhet i innehåll');
    expect(area).toContain('Anna Andersson');
  });

  it('lists ongoing projects before finished ones', () => {
    const text = toString(tree('projekt/index.html'));
    expect(text.indexOf('Läsfrämjande')).toBeLessThan(text.indexOf('Gammalt projekt'));
  });

  it('shows a newsletter with its editorial, articles and blocks', () => {
    const text = toString(tree('nyhetsbrev/2020-1-forsta/index.html'));
    expect(text).toContain('Välkommen till brevet.');
    expect(text).toContain('Läsningen startar');
    expect(text).toContain('Kurs A, 1 oktober');
  });
});

describe('raw HTML in content', () => {
  it('is sanitised: no script, style, event handlers or javascript: URLs; a table with lists survives', () => {
    // the page's one script is its structured data (JSON, "<" escaped), never content
    const page = html('nyheter/2021/sakerhet/index.html').replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('alert(');
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).not.toMatch(/javascript:/i);
    expect(page).not.toContain('display: none');
    expect(page).toContain('Klickbar text');
    expect(page).toContain('alt="En bild"');
    expect(page).toMatch(/<td><ul><li>Punkt ett<\/li><li>Punkt två<\/li><\/ul><\/td>/);
  });
});

describe('a site under a sub-path', () => {
  it('keeps every internal link inside the base path', async () => {
    const sub = await buildSite({ contentDir: fixture('basic'), baseUrl: 'https://org.github.io/repo' });
    for (const file of sub.files.filter((item) => item.path.endsWith('.html'))) {
      const hrefs = [...String(file.contents).matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1]!);
      for (const href of hrefs.filter((value) => value.startsWith('/'))) expect(href, file.path).toMatch(/^\/repo\//);
      expect(String(file.contents)).toContain('https://org.github.io/repo/');
    }
  });
});
