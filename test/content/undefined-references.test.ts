import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/commands/check.js';
import { findUndefinedReferences } from '../../src/content/undefined-references.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { fixture } from '../support/cli.js';
import { area, goal, news, project, removeSites, report, siteYaml, writeSite } from './temp-site.js';

/*
 * `[text][saknas]` and `![bild][saknas]` with no definition are left as text by the Markdown
 * parser and would be published with their brackets: check says so, at the line.
 */

afterEach(removeSites);

const found = (markdown: string) =>
  findUndefinedReferences(parseMarkdown(markdown, 'a.md').tree, markdown).map(({ written, label, image, place }) => `${place?.line}:${place?.column} ${image ? 'bild' : 'länk'} ${label} ${written}`);

describe('findUndefinedReferences', () => {
  it('finds a link and an image by a name nothing defines, at their line and column', () => {
    expect(found('Läs [rapporten][saknas] här.\n\nOch ![en bild][foto] och [så här][].\n')).toEqual([
      '1:5 länk saknas [rapporten][saknas]',
      '3:5 bild foto ![en bild][foto]',
      '3:26 länk så här [så här][]',
    ]);
  });

  it('leaves defined references, code, escaped brackets, footnotes and task lists alone', () => {
    const markdown = [
      'Se [rapporten][r] och ![bild][b].',
      '',
      '`[kod][saknas]` och \\[inte\\]\\[länk\\] och en fotnot[^1].',
      '',
      '```',
      '[i][kodblock]',
      '```',
      '',
      '- [ ] att göra',
      '- [x] gjort',
      '',
      '[r]: https://example.org/',
      '[b]: bilder/b.jpg',
      '[^1]: Fotnoten.',
      '',
    ].join('\n');
    expect(found(markdown)).toEqual([]);
  });
});

describe('verksam check', () => {
  it('warns about a reference without a definition, at its line, and still builds', async () => {
    const accessibility = readFileSync(join(fixture('basic'), 'tillganglighet.md'), 'utf8');
    const dir = await writeSite({
      'site.yaml': `${siteYaml}navigation:\n  - title: Projekt\n    url: /projekt/\n`,
      'tillganglighet.md': accessibility,
      'omraden/a.md': area('A', 1),
      'verksamhetsberattelse/2020/index.md': report(2020),
      'verksamhetsberattelse/2020/mal-01.md': goal({ number: 1, area: 'a' }),
      'projekt/p.md': project({ title: 'P', area: 'a' }),
      'nyheter/n.md': `${news({ title: 'N', date: '2021-05-05', areas: ['a'] })}\nLäs [rapporten][saknas].\n`,
    });
    const result = await checkContent({ contentDir: dir, cwd: dir, today: '2021-06-01' });
    expect(result.ok).toBe(true);
    const warnings = result.ok ? result.warnings : [];
    expect(warnings.map((warning) => `${warning.file}:${warning.line}:${warning.column} ${warning.ruleId}`)).toEqual(['nyheter/n.md:9:5 undefined-reference']);
    expect(warnings[0]!.reason).toMatch(/^Hänvisningen \[saknas\] har ingen definition/);
  });
});
