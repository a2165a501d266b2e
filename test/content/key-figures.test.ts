import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, loadSite } from '../../src/build.js';
import { fixture } from '../support/cli.js';
import { BarChart, wrapLabel } from '../../templates/parts/charts.js';
import { changePercent, formatChange, keyFigureCharts } from '../../templates/parts/key-figures.js';
import { area, contentError, places, removeSites, report, siteYaml, writeSite } from './temp-site.js';

/* Key figures: last year's value or the stated change, and the charts made of them. */

afterAll(removeSites);

const goalWith = (figures: string) =>
  `---\nnumber: 1\narea: a\nstatement: Mål 1.\nkeyFigures:\n${figures}\n---\n## Aktiviteter\n\nA.\n\n## Indikatorer\n\nI.\n\n## Uppföljning\n\nU.\n`;

describe('key figures', () => {
  it('take either last year\'s value or the change in per cent, not both', async () => {
    const dir = await writeSite({
      'site.yaml': siteYaml,
      'omraden/a.md': area('A', 1),
      'verksamhetsberattelse/2019/index.md': report(2019),
      'verksamhetsberattelse/2019/mal-01.md': goalWith('  - label: Film\n    value: 100\n    previous: 90\n    change: 11'),
    });
    expect(places((await contentError(() => loadSite({ contentDir: dir, cwd: dir }))).messages)).toEqual(['verksamhetsberattelse/2019/mal-01.md:9:13 invalid-value']);
  });

  it('give the change as stated, or as computed from last year, in Swedish format', () => {
    expect(changePercent({ label: 'x', value: 2500, previous: 2200 })).toBe(13.6);
    expect(changePercent({ label: 'x', value: 255680, change: 4.3 })).toBe(4.3);
    expect(changePercent({ label: 'x', value: 5 })).toBeUndefined();
    expect(formatChange(4.3)).toBe('+4,3 %');
    expect(formatChange(-2)).toBe('-2 %');
  });

  it('make a chart of figures that share a unit, and one per figure with last year\'s value; a lone figure is no chart', () => {
    const charts = keyFigureCharts(
      [
        { label: 'Pedagoger', value: 2500, unit: 'personer', previous: 2200 },
        { label: 'Besökare', value: 190, unit: 'personer' },
        { label: 'Nyhetsbrev', value: 10, unit: 'st' },
      ],
      2019,
      'Mål 3',
      'x-',
    );
    const titles = charts.map((chart) => /<title[^>]*>([^<]*)<\/title>/.exec(toHtml(chart))?.[1]);
    expect(titles).toEqual(['Mål 3 2019, antal personer', 'Pedagoger, 2018 och 2019']);
  });
});

describe('a report\'s own key figures', () => {
  it('show on the report page under "Nyckeltal", linked from its contents, with a chart against last year', async () => {
    const site = await buildSite({ contentDir: fixture('basic') });
    const html = String(site.files.find((file) => file.path === 'verksamhetsberattelse/2020/index.html')?.contents);
    expect(html).toContain('<a href="#nyckeltal-for-aret">Nyckeltal</a>');
    expect(html).toContain('<h2 id="nyckeltal-for-aret">Nyckeltal</h2>');
    expect(html).toContain('<title id="aret-diagram-1-titel">Deltagare på förbundets kurser, 2019 och 2020</title>');
    expect(html).toMatch(/<th scope="row">Medlemskommuner<\/th><td class="num"[^>]*>12 kommuner<\/td>/);
  });
});

describe('bar charts', () => {
  it('wrap long labels at spaces', () => {
    expect(wrapLabel('Deltagare på temadagen om digital pedagogik för förskolan (cirka): 230 personer')).toEqual([
      'Deltagare på temadagen om digital',
      'pedagogik för förskolan (cirka): 230',
      'personer',
    ]);
    expect(wrapLabel('Kort')).toEqual(['Kort']);
  });

  it('are SVG images with a title, a description and every value as text; bars in per cent of the largest', () => {
    const html = toHtml(
      BarChart({
        id: 'd',
        title: 'Titel',
        description: 'A: 10 st; B: 0 st; C: 1 st.',
        bars: [
          { label: 'A', value: 10, valueText: '10 st' },
          { label: 'B', value: 0, valueText: '0 st' },
          { label: 'C', value: 0.01, valueText: '1 st' },
        ],
      }),
    );
    expect(html).toMatch(/<svg class="chart__svg" role="img" width="100%" height="\d+" aria-labelledby="d-titel" aria-describedby="d-beskrivning">/);
    expect(html).toContain('<title id="d-titel">Titel</title><desc id="d-beskrivning">A: 10 st; B: 0 st; C: 1 st.</desc>');
    expect([...html.matchAll(/width="([\d.]+%)"/g)].map((match) => match[1])).toEqual(['100%', '100%', '0%', '0.5%']);
    for (const text of ['A: 10 st', 'B: 0 st', 'C: 1 st']) expect(html).toContain(text);
  });
});
