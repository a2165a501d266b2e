import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, type SiteBuild } from '../../src/build.js';
import { reservedFolders } from '../../src/routes/collisions.js';
import { fixture } from '../support/cli.js';
import { select } from '../support/hast.js';
import { area, contentError, news, places, removeSites, siteYaml, writeSite } from '../content/temp-site.js';

/*
 * Free pages (content/sidor/<slug>.md) end to end: built from real files at /<slug>/, placed in
 * the menu where they ask, refused where verksam makes its own pages, checked like every file.
 */

afterAll(removeSites);

const yamlWithMenu = `${siteYaml}navigation:
  - { title: Nyheter, url: /nyheter/ }
  - { title: Projekt, url: /projekt/ }
  - { title: Områden, url: /omraden/ }
`;

const page = (fields: Record<string, string | number>, body = 'Text.\n') =>
  `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n${body}`;

const build = (dir: string) => buildSite({ contentDir: dir, cwd: dir, search: false, today: '2026-01-01' });

function html(site: SiteBuild, path: string): Root {
  const file = site.files.find((item) => item.path === path);
  if (!file) throw new Error(`no ${path}`);
  return fromHtml(String(file.contents)) as Root;
}

const menuOf = (tree: Root) =>
  select(tree, (element) => element.tagName === 'nav' && element.properties.ariaLabel === 'Huvudmeny').flatMap((nav) =>
    select(nav, (element) => element.tagName === 'a').map((link) => `${toString(link)} ${String(link.properties.href)}`),
  );

describe('a free page', () => {
  it('is built at /<slug>/ with its title, lead, text, breadcrumbs, and in the sitemap; the menu has each page that asks, at its place', async () => {
    const dir = await writeSite({
      'site.yaml': yamlWithMenu,
      'omraden/skola.md': area('Skola', 1),
      'sidor/om-oss.md': page({ title: 'Om oss', lead: 'Förbundet i korthet.', menu: 2 }, '## Vårt uppdrag\n\nVi samordnar [länets](/omraden/skola/) skolor.\n'),
      'sidor/kontakt.md': page({ title: 'Kontakt', lead: 'Så når du oss.', menu: 9 }),
      'sidor/styrelse.md': page({ title: 'Styrelse', lead: 'Styrelsens ledamöter.' }),
      'nyheter/nyhet.md': news({ title: 'En nyhet', date: '2021-01-01' }).replace('Brödtext.', 'Läs [om oss](/om-oss/) och om [styrelsen](/styrelse/).'),
    });
    const site = await build(dir);
    const about = html(site, 'om-oss/index.html');
    expect(toString(select(about, (element) => element.tagName === 'title')[0]!)).toBe('Om oss – Testförbundet');
    expect(toString(select(about, (element) => element.tagName === 'h1')[0]!)).toBe('Om oss');
    const main = toString(select(about, (element) => element.tagName === 'main')[0]!);
    expect(main).toContain('Förbundet i korthet.');
    expect(main).toContain('Vi samordnar länets skolor.');
    // the body's ## heading stays an h2 under the page's h1
    expect(select(about, (element) => element.tagName === 'h2').map((heading) => toString(heading))).toContain('Vårt uppdrag');
    const crumbs = select(about, (element) => element.tagName === 'nav' && element.properties.ariaLabel === 'Du är här');
    expect(toString(crumbs[0]!)).toBe('StartOm oss');
    const description = select(about, (element) => element.tagName === 'meta' && element.properties.name === 'description')[0];
    expect(description?.properties.content).toBe('Förbundet i korthet.');
    expect(String(site.files.find((file) => file.path === 'sitemap.xml')!.contents)).toContain('<loc>https://test.example/om-oss/</loc>');

    // menu: 2 is second, menu: 9 (past the end) last, a page without menu not in the menu; on every page
    const expected = ['Nyheter /nyheter/', 'Om oss /om-oss/', 'Projekt /projekt/', 'Områden /omraden/', 'Kontakt /kontakt/'];
    for (const path of ['index.html', 'om-oss/index.html', 'styrelse/index.html', 'nyheter/2021/nyhet/index.html']) expect(menuOf(html(site, path)), path).toEqual(expected);
    expect(html(site, 'om-oss/index.html')).toSatisfy((tree: Root) =>
      select(tree, (element) => element.tagName === 'a' && element.properties.href === '/om-oss/').some((link) => link.properties.ariaCurrent === 'page'),
    );
  });

  it('is searched, as "Sida"', async () => {
    const dir = await writeSite({ 'site.yaml': siteYaml, 'sidor/om-oss.md': page({ title: 'Om oss', lead: 'Om förbundet.' }) });
    const site = await build(dir);
    const main = select(html(site, 'om-oss/index.html'), (element) => element.tagName === 'main')[0]!;
    expect(main.properties.dataPagefindFilter).toBe('kind:Sida');
    expect(toString(html(site, 'sok/index.html'))).toContain('Sidor');
  });

  it('may not take an address verksam makes: each such page is an error at its file, with the rule id', async () => {
    const dir = await writeSite({
      'site.yaml': `${siteYaml}report:\n  path: arsredovisning\n`,
      'sidor/nyheter.md': page({ title: 'Nyheter', lead: 'L.' }),
      'sidor/sok.md': page({ title: 'Sök', lead: 'L.' }),
      'sidor/bilder.md': page({ title: 'Bilder', lead: 'L.' }),
      'sidor/filer.md': page({ title: 'Filer', lead: 'L.' }),
      'sidor/tillganglighet.md': page({ title: 'Tillgänglighet', lead: 'L.' }),
      'sidor/arsredovisning.md': page({ title: 'Årsredovisning', lead: 'L.' }),
      'sidor/om-oss.md': page({ title: 'Om oss', lead: 'L.' }),
    });
    const error = await contentError(() => build(dir));
    expect(places(error.messages).map((place) => place.replace(`${dir}/`, ''))).toEqual([
      'sidor/arsredovisning.md:1:1 reserved-address',
      'sidor/bilder.md:1:1 reserved-address',
      'sidor/filer.md:1:1 reserved-address',
      'sidor/nyheter.md:1:1 reserved-address',
      'sidor/sok.md:1:1 reserved-address',
      'sidor/tillganglighet.md:1:1 reserved-address',
    ]);
    expect(error.messages.find((message) => String(message.file).endsWith('nyheter.md'))!.reason).toContain('/nyheter/');
  });

  it('is validated like every file: field, line and rule for each problem', async () => {
    const dir = await writeSite({
      'site.yaml': `${siteYaml}navigation:\n  - { title: Om oss, url: /om-oss/ }\n`,
      'sidor/utan-ingress.md': page({ title: 'Utan ingress' }),
      'sidor/fel-meny.md': page({ title: 'Fel', lead: 'L.', menu: '"tre"' }),
      'sidor/noll.md': page({ title: 'Noll', lead: 'L.', menu: 0 }),
      'sidor/forsta.md': page({ title: 'Första', lead: 'L.', menu: 1 }),
      'sidor/ocksa-forsta.md': page({ title: 'Också första', lead: 'L.', menu: 1 }),
      'sidor/om-oss.md': page({ title: 'Om oss', lead: 'L.', menu: 2 }),
      'sidor/Styrelse.md': page({ title: 'Styrelse', lead: 'L.' }),
      'sidor/under/mapp.md': page({ title: 'Mapp', lead: 'L.' }),
    });
    const error = await contentError(() => build(dir));
    expect(places(error.messages).map((place) => place.replace(`${dir}/`, ''))).toEqual([
      'sidor/fel-meny.md:4:7 invalid-value',
      'sidor/noll.md:4:7 invalid-value',
      'sidor/ocksa-forsta.md:4:7 duplicate-entry',
      'sidor/om-oss.md:4:7 duplicate-entry',
      'sidor/Styrelse.md:1:1 invalid-slug',
      'sidor/under/mapp.md:-:- unexpected-file',
      'sidor/utan-ingress.md:2:1 missing-field',
    ]);
    const reasons = error.messages.map((message) => message.reason).join('\n');
    expect(reasons).toContain('"styrelse.md"');
    expect(reasons).toContain('plats 1 i menyn har redan sidan');
    expect(reasons).toContain('står redan i menyn genom navigation i site.yaml');
  });
});

describe('the addresses free pages may not take', () => {
  it('cover every folder a build writes to', async () => {
    const site = await buildSite({ contentDir: fixture('basic'), search: true, today: '2026-01-01' });
    const pages = new Set(site.graph.pages.map((item) => item.slug));
    expect(pages.size).toBeGreaterThan(0);
    const generated = new Set([...reservedFolders, site.graph.site.report.path]);
    const folders = new Set(site.files.map((file) => file.path.split('/')[0]!).filter((first, index) => site.files[index]!.path.includes('/')));
    for (const folder of folders) if (!pages.has(folder)) expect(generated, folder).toContain(folder);
  });
});
