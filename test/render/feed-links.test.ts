import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type SiteBuild } from '../../src/build.js';
import { fixture } from '../support/cli.js';
import { select } from '../support/hast.js';

/*
 * The visible feed links say in plain Swedish what they do: one link that names what the reader
 * subscribes to and where, a sentence on what a feed reader is, and the other formats after it,
 * not a row of format names ("Atom · RSS · JSON Feed") that most readers do not know.
 */

let site: SiteBuild;

beforeAll(async () => {
  site = await buildSite({ contentDir: fixture('basic') });
});

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function feedLinks(path: string): Element {
  const file = site.files.find((item) => item.path === path);
  if (!file) throw new Error(`no ${path}`);
  const [links] = select(fromHtml(String(file.contents)) as Root, (element) => String(element.properties.className ?? '').split(' ').includes('feed-links'));
  if (!links) throw new Error(`${path} has no feed links`);
  return links;
}

const anchors = (element: Element) =>
  select(element, (child) => child.tagName === 'a').map((a) => ({ text: plain(toString(a)), href: String(a.properties.href) }));

describe('feed links', () => {
  it.each([
    ['nyheter/index.html', 'Prenumerera på nyheterna i din nyhetsläsare (RSS)', '/nyheter/'],
    ['nyhetsbrev/index.html', 'Prenumerera på nya nummer i en flödesläsare (RSS)', '/nyhetsbrev/'],
  ])('%s: one link in words to the RSS feed, what a feed reader is, and the other formats', (path, subscribe, folder) => {
    const links = feedLinks(path);
    const text = plain(toString(links));
    expect(text).not.toMatch(/Atom · RSS/);
    expect(anchors(links)).toEqual([
      { text: subscribe, href: `${folder}rss.xml` },
      { text: 'Atom', href: `${folder}atom.xml` },
      { text: 'JSON Feed', href: `${folder}feed.json` },
    ]);
    expect(text).toContain('En nyhetsläsare, eller flödesläsare, är en app eller webbtjänst som samlar nya texter från webbplatser du följer.');
    expect(text).toMatch(/Samma flöde finns också i formaten Atom och JSON Feed\.$/);
  });

  it("names the area on an area's page", () => {
    const path = site.files.map((file) => file.path).find((file) => /^omraden\/[^/]+\/index\.html$/.test(file) && site.files.some((other) => other.path === file.replace('index.html', 'rss.xml')));
    expect(path).toBeDefined();
    const [subscribe] = anchors(feedLinks(path!));
    expect(subscribe!.text).toMatch(/^Prenumerera på nyheter om .+ i din nyhetsläsare \(RSS\)$/);
    expect(subscribe!.href).toBe(`/${path!.replace('index.html', 'rss.xml')}`);
  });
});
