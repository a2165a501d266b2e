import { basename, dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build.js';
import type { ContentGraph } from '../../src/content/graph.js';
import { area, contentError, goal, news, places, project, removeSites, report, siteYaml, writeSite } from './temp-site.js';

/*
 * The content graph through loadSite on small content folders on disk: references resolved
 * and checked, back-links derived, lists sorted, everything frozen.
 */

afterEach(removeSites);

async function load(files: Record<string, string>): Promise<ContentGraph> {
  const dir = await writeSite(files);
  return loadSite({ contentDir: dir, cwd: dir });
}

async function failure(files: Record<string, string>) {
  const dir = await writeSite(files);
  return contentError(() => loadSite({ contentDir: dir, cwd: dir }));
}

const base = {
  'site.yaml': siteYaml,
  'omraden/arbete.md': area('Arbetsmarknad', 2),
  'omraden/media.md': area('AV-Media', 1),
};

describe('unknown references', () => {
  it('names file:line:column of the exact list item of an unknown area', async () => {
    const error = await failure({
      ...base,
      'nyheter/miljo.md': ['---', 'title: Miljö', 'areas:', '  - media', '  - miljo', 'date: 2021-01-01', 'lead: L', '---', ''].join('\n'),
    });
    expect(error.stage).toBe('content');
    expect(places(error.messages)).toEqual(['nyheter/miljo.md:5:5 unknown-reference']);
    const reason = error.messages[0]!.reason;
    expect(reason).toContain('areas[1]');
    expect(reason).toContain('"miljo"');
    // the known areas are listed so the editor can correct the slug
    expect(reason).toContain('arbete');
    expect(reason).toContain('media');
  });

  it('names the line of an unknown project in a news item (flow list)', async () => {
    const error = await failure({
      ...base,
      'projekt/casypot.md': project({ title: 'CaSYPoT', area: 'arbete' }),
      'nyheter/n.md': ['---', 'title: N', 'date: 2021-01-01', 'projects: [casypot, caspot]', 'lead: L', '---', ''].join('\n'),
    });
    expect(places(error.messages)).toEqual(['nyheter/n.md:4:21 unknown-reference']);
    expect(error.messages[0]!.reason).toContain('projects[1]');
  });

  it("names the line of a project's unknown area", async () => {
    const error = await failure({ ...base, 'projekt/p.md': project({ title: 'P', area: 'miljo' }) });
    expect(places(error.messages)).toEqual(['projekt/p.md:3:7 unknown-reference']);
  });

  it("names the line of a goal's unknown area and unknown project", async () => {
    const error = await failure({
      ...base,
      'verksamhetsberattelse/2019/index.md': report(2019),
      'verksamhetsberattelse/2019/mal-01.md': [
        '---',
        'number: 1',
        'area: skola',
        'statement: S.',
        'projects:',
        '  - finns-inte',
        '---',
        '## Aktiviteter',
        '## Indikatorer',
        '## Uppföljning',
        '',
      ].join('\n'),
    });
    expect(places(error.messages)).toEqual([
      'verksamhetsberattelse/2019/mal-01.md:3:7 unknown-reference',
      'verksamhetsberattelse/2019/mal-01.md:6:5 unknown-reference',
    ]);
  });

  it("names the line of a newsletter's unknown article", async () => {
    const error = await failure({
      ...base,
      'nyheter/finns.md': news({ title: 'Finns', date: '2021-01-01' }),
      'nyhetsbrev/nr-1.md': ['---', 'number: 1', 'date: 2021-02-01', 'title: Nr 1', 'articles:', '  - finns', '  - finns-inte', '---', 'Ledare.', ''].join('\n'),
    });
    expect(places(error.messages)).toEqual(['nyhetsbrev/nr-1.md:7:5 unknown-reference']);
  });

  it('reports every problem of every file together in one error', async () => {
    const error = await failure({
      ...base,
      'nyheter/a.md': news({ title: 'A', date: '2021-01-01', areas: ['okand'] }),
      'nyheter/b.md': news({ title: 'B', date: '2021-01-02', areas: ['media', 'annan'], projects: ['saknas'] }),
      'projekt/p.md': project({ title: 'P', area: 'fel' }),
    });
    expect(places(error.messages)).toEqual([
      'nyheter/a.md:4:9 unknown-reference',
      'nyheter/b.md:4:16 unknown-reference',
      'nyheter/b.md:5:12 unknown-reference',
      'projekt/p.md:3:7 unknown-reference',
    ]);
  });

  it('reports the field problems of several files together in one error', async () => {
    const error = await failure({
      ...base,
      'nyheter/a.md': news({ title: 'A', date: '2021-02-30' }),
      'omraden/skola.md': '---\ntitle: Skola\nsummary: S\norder: först\n---\n',
    });
    expect(error.stage).toBe('content');
    expect(places(error.messages)).toEqual(['nyheter/a.md:3:7 invalid-date', 'omraden/skola.md:4:8 invalid-value']);
  });

  it('reports a wrong date and an unknown area in the same file together, as the README shows', async () => {
    // README: the editor's guide shows an invalid date and an unknown area of one
    // file in one listing.
    const error = await failure({
      ...base,
      'nyheter/nya-miljoprojekt.md': ['---', 'title: Nya miljöprojekt', 'date: 2021-02-30', 'areas:', '- miljo', 'lead: L', '---', ''].join('\n'),
    });
    expect(places(error.messages)).toEqual(['nyheter/nya-miljoprojekt.md:3:7 invalid-date', 'nyheter/nya-miljoprojekt.md:5:3 unknown-reference']);
  });

  it('does not call a project unknown because the project has a problem of its own', async () => {
    // casypot.md exists; only its area is wrong. The goal and the news item that name it
    // must not be told that casypot does not exist.
    const error = await failure({
      ...base,
      'projekt/casypot.md': project({ title: 'CaSYPoT', area: 'miljo' }),
      'verksamhetsberattelse/2019/index.md': report(2019),
      'verksamhetsberattelse/2019/mal-01.md': goal({ number: 1, area: 'media', projects: ['casypot'] }),
      'nyheter/n.md': news({ title: 'N', date: '2021-01-01', projects: ['casypot'] }),
    });
    expect(places(error.messages)).toEqual(['projekt/casypot.md:3:7 unknown-reference']);
  });

  it('does not call a news item unknown in a newsletter because the item has a problem of its own', async () => {
    const error = await failure({
      ...base,
      'nyheter/n.md': news({ title: 'N', date: '2021-01-01', areas: ['miljo'] }),
      'nyhetsbrev/nr-1.md': ['---', 'number: 1', 'date: 2021-02-01', 'title: Nr 1', 'articles: [n]', '---', 'Ledare.', ''].join('\n'),
    });
    expect(places(error.messages)).toEqual(['nyheter/n.md:4:9 unknown-reference']);
  });

  it('names files relative to the working directory', async () => {
    const dir = await writeSite({ ...base, 'projekt/p.md': project({ title: 'P', area: 'fel' }) });
    const error = await contentError(() => loadSite({ contentDir: dir, cwd: dirname(dir) }));
    expect(places(error.messages)).toEqual([`${basename(dir)}/projekt/p.md:3:7 unknown-reference`]);
  });
});

describe('duplicates and missing files', () => {
  it('refuses two goals with the same number in one report, naming both files', async () => {
    const error = await failure({
      ...base,
      'verksamhetsberattelse/2019/index.md': report(2019),
      'verksamhetsberattelse/2019/mal-01.md': goal({ number: 1, area: 'arbete' }),
      'verksamhetsberattelse/2019/mal-1.md': goal({ number: 1, area: 'media' }),
    });
    expect(error.messages).toHaveLength(1);
    const [message] = error.messages;
    expect(message!.ruleId).toBe('duplicate-entry');
    const named = `${message!.file} ${message!.reason}`;
    expect(named).toContain('verksamhetsberattelse/2019/mal-01.md');
    expect(named).toContain('verksamhetsberattelse/2019/mal-1.md');
    // at the number field of the file that is reported
    expect([message!.line, message!.column]).toEqual([2, 9]);
  });

  it('allows the same goal number in different years', async () => {
    const graph = await load({
      ...base,
      'verksamhetsberattelse/2019/index.md': report(2019),
      'verksamhetsberattelse/2020/index.md': report(2020),
      'verksamhetsberattelse/2019/mal-01.md': goal({ number: 1, area: 'arbete' }),
      'verksamhetsberattelse/2020/mal-01.md': goal({ number: 1, area: 'arbete' }),
    });
    expect(graph.goals.map((g) => `${g.report.year}/${g.number}`)).toEqual(['2020/1', '2019/1']);
  });

  it('refuses two news items with the same file name in different folders', async () => {
    const error = await failure({
      ...base,
      'nyheter/a/x.md': news({ title: 'X1', date: '2021-01-01' }),
      'nyheter/b/x.md': news({ title: 'X2', date: '2021-06-01' }),
    });
    expect(error.messages).toHaveLength(1);
    const [message] = error.messages;
    expect(message!.ruleId).toBe('duplicate-entry');
    const named = `${message!.file} ${message!.reason}`;
    expect(named).toContain('nyheter/a/x.md');
    expect(named).toContain('nyheter/b/x.md');
  });

  it("reports a goal whose report's index.md is missing", async () => {
    const error = await failure({ ...base, 'verksamhetsberattelse/2019/mal-01.md': goal({ number: 1, area: 'arbete' }) });
    expect(error.messages).toHaveLength(1);
    const [message] = error.messages;
    expect(message!.file).toBe('verksamhetsberattelse/2019/mal-01.md');
    expect(message!.ruleId).toBe('unknown-reference');
    expect(message!.reason).toContain('verksamhetsberattelse/2019/index.md');
  });

  it('reports a content folder without site.yaml', async () => {
    const error = await failure({ 'omraden/arbete.md': area('Arbetsmarknad', 1) });
    expect(error.messages.map((m) => m.ruleId)).toEqual(['missing-field']);
    expect(`${error.messages[0]!.file} ${error.messages[0]!.reason}`).toContain('site.yaml');
  });
});

describe('back-links are derived', () => {
  const files = {
    ...base,
    'projekt/casypot.md': project({ title: 'CaSYPoT', area: 'media' }),
    'projekt/ensam.md': project({ title: 'Ensam', area: 'arbete' }),
    'verksamhetsberattelse/2019/index.md': report(2019),
    'verksamhetsberattelse/2019/mal-10.md': goal({ number: 10, area: 'media', projects: ['casypot'] }),
    'verksamhetsberattelse/2019/mal-02.md': goal({ number: 2, area: 'media', projects: ['casypot'] }),
    'verksamhetsberattelse/2019/mal-03.md': goal({ number: 3, area: 'arbete' }),
    'nyheter/gammal.md': news({ title: 'Gammal', date: '2020-05-01', areas: ['media'], projects: ['casypot'] }),
    'nyheter/ny.md': news({ title: 'Ny', date: '2021-05-05', areas: ['media', 'arbete'], projects: ['casypot'] }),
    'nyheter/utkast.md': news({ title: 'Utkast', date: '2022-01-01', areas: ['media'], projects: ['casypot'], draft: true }),
    'nyhetsbrev/nr-1.md': ['---', 'number: 1', 'date: 2021-06-01', 'title: Nr 1', 'articles: [ny]', '---', 'Ledare.', ''].join('\n'),
  };

  it("gives a project the goals that name it, by number, though the project names none", async () => {
    const graph = await load(files);
    const casypot = graph.projects.find((p) => p.slug === 'casypot')!;
    expect(casypot.goals.map((g) => g.number)).toEqual([2, 10]);
    expect(casypot.goals.every((g) => g.projects.includes(casypot))).toBe(true);
    expect(graph.projects.find((p) => p.slug === 'ensam')!.goals).toEqual([]);
  });

  it('gives a project its published news, newest first, without drafts', async () => {
    const graph = await load(files);
    const casypot = graph.projects.find((p) => p.slug === 'casypot')!;
    expect(casypot.news.map((n) => n.slug)).toEqual(['ny', 'gammal']);
    expect(graph.projects.find((p) => p.slug === 'ensam')!.news).toEqual([]);
  });

  it('gives each area its goals, projects and news', async () => {
    const graph = await load(files);
    const media = graph.areas.find((a) => a.slug === 'media')!;
    const arbete = graph.areas.find((a) => a.slug === 'arbete')!;
    expect(media.goals.map((g) => g.number)).toEqual([2, 10]);
    expect(media.projects.map((p) => p.slug)).toEqual(['casypot']);
    expect(media.news.map((n) => n.slug)).toEqual(['ny', 'gammal']);
    expect(arbete.goals.map((g) => g.number)).toEqual([3]);
    expect(arbete.projects.map((p) => p.slug)).toEqual(['ensam']);
    expect(arbete.news.map((n) => n.slug)).toEqual(['ny']);
  });

  it('resolves references to the objects themselves', async () => {
    const graph = await load(files);
    const media = graph.areas.find((a) => a.slug === 'media')!;
    const goal2 = graph.goals.find((g) => g.number === 2)!;
    expect(goal2.area).toBe(media);
    expect(goal2.report).toBe(graph.reports[0]);
    expect(graph.projects.find((p) => p.slug === 'casypot')!.area).toBe(media);
    expect(graph.news.find((n) => n.slug === 'ny')!.areas.map((a) => a.slug)).toEqual(['media', 'arbete']);
  });

  it('leaves drafts out of every list', async () => {
    const graph = await load(files);
    const everywhere = [
      ...graph.news,
      ...graph.areas.flatMap((a) => a.news),
      ...graph.projects.flatMap((p) => p.news),
      ...graph.newsletters.flatMap((n) => n.articles),
    ];
    expect(everywhere.map((n) => n.slug)).not.toContain('utkast');
    expect(graph.news.map((n) => n.slug)).toEqual(['ny', 'gammal']);
  });

  it('gives a news item the newsletters it appears in', async () => {
    const graph = await load(files);
    expect(graph.news.find((n) => n.slug === 'ny')!.newsletters.map((n) => n.slug)).toEqual(['nr-1']);
    expect(graph.news.find((n) => n.slug === 'gammal')!.newsletters).toEqual([]);
  });

  it('takes a news item\'s year from its date', async () => {
    const graph = await load(files);
    expect(graph.news.map((n) => n.year)).toEqual([2021, 2020]);
  });
});

describe('sort orders', () => {
  it('sorts news newest first, ties by Swedish title order (å, ä, ö after z)', async () => {
    const graph = await load({
      ...base,
      'nyheter/a.md': news({ title: 'Ödla', date: '2021-03-01' }),
      'nyheter/b.md': news({ title: 'Zebra', date: '2021-03-01' }),
      'nyheter/c.md': news({ title: 'Äpple', date: '2021-03-01' }),
      'nyheter/d.md': news({ title: 'ankor', date: '2021-03-01' }),
      'nyheter/e.md': news({ title: 'Åska', date: '2021-03-01' }),
      'nyheter/f.md': news({ title: 'Äldst', date: '2019-12-31' }),
      'nyheter/g.md': news({ title: 'Nyast', date: '2021-03-02' }),
    });
    expect(graph.news.map((n) => n.title)).toEqual(['Nyast', 'ankor', 'Zebra', 'Åska', 'Äpple', 'Ödla', 'Äldst']);
  });

  it('sorts projects ongoing first, then by Swedish title', async () => {
    const graph = await load({
      ...base,
      'projekt/a.md': project({ title: 'Öland', area: 'arbete', status: 'pagaende' }),
      'projekt/b.md': project({ title: 'Alfa', area: 'arbete', status: 'avslutat' }),
      'projekt/c.md': project({ title: 'Beta', area: 'media', status: 'pagaende' }),
      'projekt/d.md': project({ title: 'Zeta', area: 'media', status: 'avslutat' }),
      'projekt/e.md': project({ title: 'Ängar', area: 'arbete', status: 'avslutat' }),
    });
    expect(graph.projects.map((p) => p.title)).toEqual(['Beta', 'Öland', 'Alfa', 'Zeta', 'Ängar']);
    const arbete = graph.areas.find((a) => a.slug === 'arbete')!;
    expect(arbete.projects.map((p) => p.title)).toEqual(['Öland', 'Alfa', 'Ängar']);
  });

  it('sorts areas by order, then title', async () => {
    const graph = await load({
      'site.yaml': siteYaml,
      'omraden/a.md': area('Ödeshög', 1),
      'omraden/b.md': area('Zinkgruvan', 1),
      'omraden/c.md': area('Borgholm', 3),
      'omraden/d.md': area('Kalmar', 2),
      'omraden/e.md': area('Emmaboda', 10),
    });
    expect(graph.areas.map((a) => a.title)).toEqual(['Zinkgruvan', 'Ödeshög', 'Kalmar', 'Borgholm', 'Emmaboda']);
  });

  it('sorts reports newest first and goals by report, then number', async () => {
    const graph = await load({
      ...base,
      'verksamhetsberattelse/2019/index.md': report(2019),
      'verksamhetsberattelse/2020/index.md': report(2020),
      'verksamhetsberattelse/2019/mal-10.md': goal({ number: 10, area: 'arbete' }),
      'verksamhetsberattelse/2019/mal-09.md': goal({ number: 9, area: 'arbete' }),
      'verksamhetsberattelse/2020/mal-02.md': goal({ number: 2, area: 'media' }),
      'verksamhetsberattelse/2020/mal-01.md': goal({ number: 1, area: 'arbete' }),
    });
    expect(graph.reports.map((r) => r.year)).toEqual([2020, 2019]);
    expect(graph.reports[1]!.goals.map((g) => g.number)).toEqual([9, 10]);
    expect(graph.goals.map((g) => `${g.report.year}/${g.number}`)).toEqual(['2020/1', '2020/2', '2019/9', '2019/10']);
    const arbete = graph.areas.find((a) => a.slug === 'arbete')!;
    expect(arbete.goals.map((g) => `${g.report.year}/${g.number}`)).toEqual(['2020/1', '2019/9', '2019/10']);
  });
});

describe('the graph is frozen', () => {
  it('throws on any change, at every depth', async () => {
    const graph = await load({
      ...base,
      'projekt/p.md': project({ title: 'P', area: 'arbete' }),
      'nyheter/n.md': news({ title: 'N', date: '2021-01-01', areas: ['arbete'], projects: ['p'] }),
    });
    // test files are ES modules, so strict mode: writes to frozen objects throw
    expect(Object.isFrozen(graph)).toBe(true);
    expect(() => (graph.news as unknown[]).push(graph.news[0])).toThrow(TypeError);
    expect(() => {
      (graph.site as { title: string }).title = 'Annan';
    }).toThrow(TypeError);
    expect(() => {
      (graph.areas[0] as { title: string }).title = 'Annan';
    }).toThrow(TypeError);
    expect(() => (graph.projects[0]!.news as unknown[]).pop()).toThrow(TypeError);
    expect(() => {
      (graph.areas[0]!.projects as unknown[]).length = 0;
    }).toThrow(TypeError);
    expect(() => graph.news[0]!.body.children.push({ type: 'text', value: 'x' })).toThrow(TypeError);
    expect(graph.site.title).toBe('Testförbundet');
    expect(graph.news).toHaveLength(1);
  });
});
