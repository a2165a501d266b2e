import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build.js';
import type { ContentGraph } from '../../src/content/graph.js';
import { checkOutputPaths } from '../../src/routes/collisions.js';
import { groupBy, neighbours, paginate } from '../../src/routes/paginate.js';
import { deriveRoutes, newsPageSize, type Route } from '../../src/routes/routes.js';
import { outputFile } from '../../src/routes/urls.js';
import { area, goal, news, project, removeSites, report, siteYaml, writeSite } from '../content/temp-site.js';

describe('paginate', () => {
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('gives an empty list one empty page', () => {
    expect(paginate([], 20)).toEqual([{ items: [], number: 1, total: 1 }]);
  });

  it('keeps exactly one full page on one page', () => {
    const pages = paginate(numbers(20), 20);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toEqual({ items: numbers(20), number: 1, total: 1 });
  });

  it('starts a second page for the 21st item', () => {
    const pages = paginate(numbers(21), 20);
    expect(pages.map((p) => [p.number, p.total, p.items.length])).toEqual([
      [1, 2, 20],
      [2, 2, 1],
    ]);
    expect(pages[1]!.items).toEqual([21]);
  });

  it('keeps the order of the items across pages, 1-based page numbers', () => {
    const pages = paginate(numbers(45), 20);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages.flatMap((p) => p.items)).toEqual(numbers(45));
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
  });

  it('works with page size 1', () => {
    expect(paginate(['a', 'b'], 1).map((p) => p.items)).toEqual([['a'], ['b']]);
  });

  it('refuses a page size below 1', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], -3)).toThrow(RangeError);
  });
});

describe('neighbours', () => {
  const items = ['a', 'b', 'c'];
  it('gives the first item only a next one', () => {
    expect(neighbours(items, 0)).toEqual({ previous: undefined, next: 'b' });
  });
  it('gives a middle item both', () => {
    expect(neighbours(items, 1)).toEqual({ previous: 'a', next: 'c' });
  });
  it('gives the last item only a previous one', () => {
    expect(neighbours(items, 2)).toEqual({ previous: 'b', next: undefined });
  });
  it('gives a lone item none', () => {
    expect(neighbours(['a'], 0)).toEqual({ previous: undefined, next: undefined });
  });
});

describe('groupBy', () => {
  it('keeps list order within groups and groups in order of first appearance', () => {
    const items = [
      { year: 2021, t: 'a' },
      { year: 2019, t: 'b' },
      { year: 2021, t: 'c' },
      { year: 2020, t: 'd' },
      { year: 2019, t: 'e' },
    ];
    const groups = groupBy(items, (item) => item.year);
    expect([...groups.keys()]).toEqual([2021, 2019, 2020]);
    expect(groups.get(2021)!.map((i) => i.t)).toEqual(['a', 'c']);
    expect(groups.get(2019)!.map((i) => i.t)).toEqual(['b', 'e']);
    expect(groups.get(2020)!.map((i) => i.t)).toEqual(['d']);
  });

  it('gives an empty map for an empty list', () => {
    expect(groupBy([], () => 1).size).toBe(0);
  });
});

describe('deriveRoutes on a site with 45 news items', () => {
  let graph: ContentGraph;
  let routes: Route[];

  beforeAll(async () => {
    const files: Record<string, string> = {
      'site.yaml': siteYaml,
      'omraden/media.md': area('AV-Media', 1),
      'omraden/arbete.md': area('Arbetsmarknad', 2),
      'projekt/casypot.md': project({ title: 'CaSYPoT', area: 'media' }),
      'verksamhetsberattelse/2019/index.md': report(2019),
      'verksamhetsberattelse/2019/mal-01.md': goal({ number: 1, area: 'media' }),
      'verksamhetsberattelse/2019/mal-02.md': goal({ number: 2, area: 'arbete' }),
      'verksamhetsberattelse/2019/mal-10.md': goal({ number: 10, area: 'arbete' }),
      'nyheter/utkast.md': news({ title: 'Utkast', date: '2021-12-31', draft: true }),
      'nyhetsbrev/nr-1.md': '---\nnumber: 1\ndate: 2021-06-10\ntitle: Nr 1\narticles: [nyhet-2021-01]\n---\nLedare.\n',
    };
    // 25 items in 2021 (two archive pages), 12 in 2020, 8 in 2019; some in sub-folders of nyheter/
    const years = [...Array(25).fill(2021), ...Array(12).fill(2020), ...Array(8).fill(2019)] as number[];
    years.forEach((year, index) => {
      const n = String(index + 1).padStart(2, '0');
      const day = String((index % 28) + 1).padStart(2, '0');
      const folder = index % 3 === 0 ? `nyheter/${year}/` : 'nyheter/';
      files[`${folder}nyhet-${year}-${n}.md`] = news({ title: `Nyhet ${n}`, date: `${year}-03-${day}`, areas: ['media'] });
    });
    const dir = await writeSite(files);
    graph = await loadSite({ contentDir: dir, cwd: dir });
    routes = deriveRoutes(graph);
  });
  afterAll(removeSites);

  const paths = () => routes.map((route) => route.path);
  const of = <K extends Route['kind']>(kind: K) => routes.filter((route): route is Extract<Route, { kind: K }> => route.kind === kind);

  it('uses 20 news items per archive page', () => {
    expect(newsPageSize).toBe(20);
  });

  it('has one archive start page, /nyheter/, with the 20 newest items and no count pages', () => {
    const start = of('news');
    expect(start.map((route) => route.path)).toEqual(['/nyheter/']);
    const latest = start[0]!.latest;
    expect(latest).toHaveLength(20);
    expect(latest.map((item) => item.date)).toEqual([...latest.map((item) => item.date)].sort().reverse());
    expect(latest.every((item) => item.year === 2021)).toBe(true);
    expect(start[0]!.years).toEqual([2021, 2020, 2019]);
    expect(paths().some((path) => path.startsWith('/nyheter/sida/'))).toBe(false);
  });

  it('leads on from the start page to the year page holding the 21st newest item', () => {
    // the 21st item of 2021 is on 2021's second page
    expect(of('news')[0]!.older).toEqual({ year: 2021, page: 2 });
  });

  it('paginates each year within the year: /nyheter/<year>/, then /nyheter/<year>/sida/2/', () => {
    const years = of('news-year');
    expect(years.map((route) => route.path)).toEqual(['/nyheter/2021/', '/nyheter/2021/sida/2/', '/nyheter/2020/', '/nyheter/2019/']);
    expect(years.map((route) => route.page.items.length)).toEqual([20, 5, 12, 8]);
    expect(years.map((route) => [route.page.number, route.page.total])).toEqual([
      [1, 2],
      [2, 2],
      [1, 1],
      [1, 1],
    ]);
    for (const route of years) {
      expect(route.page.items.every((item) => item.year === route.year)).toBe(true);
      expect(route.years).toEqual([2021, 2020, 2019]);
    }
    expect(paths()).not.toContain('/nyheter/2021/sida/1/');
    expect(paths()).not.toContain('/nyheter/2021/sida/3/');
  });

  it("leads from a year's last page to the next older year, and from its first page to the newer year's last page", () => {
    const places = of('news-year').map((route) => [route.path, route.newer, route.older]);
    expect(places).toEqual([
      ['/nyheter/2021/', undefined, undefined],
      ['/nyheter/2021/sida/2/', undefined, { year: 2020, page: 1 }],
      ['/nyheter/2020/', { year: 2021, page: 2 }, { year: 2019, page: 1 }],
      ['/nyheter/2019/', { year: 2020, page: 1 }, undefined],
    ]);
  });

  it('lists every published item once across the year pages, newest first', () => {
    const listed = of('news-year').flatMap((route) => route.page.items);
    expect(listed.map((item) => item.slug)).toEqual(graph.news.map((item) => item.slug));
    expect(listed).toHaveLength(45);
  });

  it('gives each published news item /nyheter/<year>/<file name>/, whatever its folder', () => {
    const items = of('news-item');
    expect(items).toHaveLength(45);
    for (const route of items) expect(route.path).toBe(`/nyheter/${route.item.date.slice(0, 4)}/${route.item.slug}/`);
    expect(paths()).toContain('/nyheter/2021/nyhet-2021-01/');
    expect(paths()).toContain('/nyheter/2019/nyhet-2019-45/');
    const inFolder = items.find((route) => route.item.slug === 'nyhet-2021-01')!;
    expect(inFolder.sources).toEqual(['nyheter/2021/nyhet-2021-01.md']);
  });

  it('makes no page for a draft', () => {
    expect(paths().some((path) => path.includes('utkast'))).toBe(false);
  });

  it('gives goals /verksamhetsberattelse/<year>/mal-<n>/ with the number, not the file name', () => {
    const goals = of('goal');
    expect(goals.map((route) => route.path)).toEqual([
      '/verksamhetsberattelse/2019/mal-1/',
      '/verksamhetsberattelse/2019/mal-2/',
      '/verksamhetsberattelse/2019/mal-10/',
    ]);
    expect(goals.map((route) => [route.previous?.number, route.next?.number])).toEqual([
      [undefined, 2],
      [1, 10],
      [2, undefined],
    ]);
    expect(goals[0]!.sources).toEqual(['verksamhetsberattelse/2019/mal-01.md']);
  });

  it('has every other page kind at its address', () => {
    for (const path of ['/', '/omraden/', '/omraden/media/', '/omraden/arbete/', '/verksamhetsberattelse/', '/verksamhetsberattelse/2019/', '/projekt/', '/projekt/casypot/', '/nyhetsbrev/', '/nyhetsbrev/nr-1/', '/404.html']) {
      expect(paths()).toContain(path);
    }
  });

  it('gives every route a unique path and a unique output file', () => {
    expect(new Set(paths()).size).toBe(routes.length);
    expect(new Set(paths().map(outputFile)).size).toBe(routes.length);
    expect(checkOutputPaths(routes)).toEqual([]);
  });

  it('uses only lowercase ASCII addresses', () => {
    for (const path of paths()) expect(path).toMatch(/^\/[a-z0-9\-/]*(\.html)?$/);
  });
});

describe('deriveRoutes on a site without news', () => {
  afterAll(removeSites);

  it('still has the archive start page, empty, and no year pages', async () => {
    const dir = await writeSite({ 'site.yaml': siteYaml, 'omraden/a.md': area('A', 1) });
    const routes = deriveRoutes(await loadSite({ contentDir: dir, cwd: dir }));
    const newsPages = routes.filter((route) => route.kind === 'news');
    expect(newsPages.map((route) => route.path)).toEqual(['/nyheter/']);
    expect(newsPages.map((route) => [route.latest, route.older])).toEqual([[[], undefined]]);
    expect(routes.filter((route) => route.kind === 'news-year')).toEqual([]);
    expect(routes.filter((route) => route.kind === 'report')).toEqual([]);
  });
});

describe('checkOutputPaths', () => {
  const page = (path: string, ...sources: string[]): Route => ({ kind: 'not-found', path, sources });

  it('accepts distinct paths', () => {
    expect(checkOutputPaths([page('/'), page('/a/', 'content/a.md'), page('/404.html')])).toEqual([]);
  });

  it('reports two pages with the same address, naming both source files', () => {
    const messages = checkOutputPaths([page('/projekt/x/', 'content/projekt/x.md'), page('/projekt/x/', 'content/projekt/y.md')]);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.ruleId).toBe('duplicate-output');
    const named = `${message!.file} ${message!.reason}`;
    expect(named).toContain('content/projekt/x.md');
    expect(named).toContain('content/projekt/y.md');
    expect(message!.reason).toContain('/projekt/x/');
  });

  it('reports /a/ and /a/index.html as the same output file', () => {
    const messages = checkOutputPaths([page('/a/', 'content/one.md'), page('/a/index.html', 'content/two.md')]);
    expect(messages.map((m) => m.ruleId)).toEqual(['duplicate-output']);
    expect(messages[0]!.reason).toContain('content/one.md');
    expect(messages[0]!.reason).toContain('content/two.md');
  });

  it('names every source file when three pages collide', () => {
    const messages = checkOutputPaths([page('/x/', 'one.md'), page('/x/', 'two.md'), page('/x/', 'three.md')]);
    expect(messages.every((m) => m.ruleId === 'duplicate-output')).toBe(true);
    const text = messages.map((m) => `${m.file} ${m.reason}`).join('\n');
    for (const file of ['one.md', 'two.md', 'three.md']) expect(text).toContain(file);
  });

  it('reports a collision between generated pages without a source', () => {
    const messages = checkOutputPaths([page('/nyheter/'), page('/nyheter/')]);
    expect(messages.map((m) => m.ruleId)).toEqual(['duplicate-output']);
  });

  for (const path of ['/nyheter/../../etc/', '/../utanfor/', '/a/../../b.html', '/nyheter/..', '/./x/', '//etc/passwd', '/a\\b/', '/a\0b/', '/..']) {
    it(`refuses ${JSON.stringify(path)} as unsafe, naming its source`, () => {
      const messages = checkOutputPaths([page(path, 'content/nyheter/x.md')]);
      expect(messages.map((m) => m.ruleId)).toEqual(['unsafe-output-path']);
      expect(messages[0]!.file).toBe('content/nyheter/x.md');
    });
  }
});

describe('outputFile', () => {
  it.each([
    ['/', 'index.html'],
    ['/nyheter/', 'nyheter/index.html'],
    ['/nyheter/2021/sida/2/', 'nyheter/2021/sida/2/index.html'],
    ['/nyheter/2021/50-ar-med-av-media/', 'nyheter/2021/50-ar-med-av-media/index.html'],
    ['/verksamhetsberattelse/2019/mal-1/', 'verksamhetsberattelse/2019/mal-1/index.html'],
    ['/404.html', '404.html'],
    ['/stil.css', 'stil.css'],
  ])('%s → %s', (path, file) => {
    expect(outputFile(path)).toBe(file);
  });
});
