import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/content/entries.js';
import { siteSchema } from '../../src/content/schemas.js';
import { root } from '../support/cli.js';
import { codeBlocks, section } from '../support/markdown-doc.js';

/*
 * The editor's guide shows the report model's fields by example; an example that would not
 * build teaches an editor a mistake. These read the examples from README.md itself.
 */

/** The ```yaml blocks of the README section whose heading starts with `heading`. */
async function examples(heading: string): Promise<string[]> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const found = section(readme, heading);
  expect(found, heading).toBeDefined();
  return codeBlocks(found!)
    .filter((block) => block.lang === 'yaml')
    .map((block) => block.text);
}

const goalText = (frontMatter: string) => `---\nnumber: 1\narea: kurs-och-konferens\nstatement: Ett mål.\n${frontMatter}---\n## Aktiviteter\n\nA.\n\n## Uppföljning\n\nU.\n`;
const goal = (text: string) => parseEntry({ path: 'content/verksamhetsberattelse/2019/mal-01.md', contentPath: 'verksamhetsberattelse/2019/mal-01.md', text });

describe("the editor's guide examples of the report model", () => {
  it('gives a valid report, with plan', async () => {
    const [report] = await examples('Report —');
    const { entry, messages } = parseEntry({ path: 'content/verksamhetsberattelse/2019/index.md', contentPath: 'verksamhetsberattelse/2019/index.md', text: report! });
    expect(messages.map((message) => message.reason)).toEqual([]);
    expect(entry?.kind === 'report' && entry.data.plan).toBe(false);
  });

  it('gives a valid goal, with id, indicators and a key figure in decimal comma', async () => {
    const [example] = await examples('Goal —');
    const { entry, messages } = goal(example!);
    expect(messages.map((message) => message.reason)).toEqual([]);
    if (entry?.kind !== 'goal') throw new Error('expected a goal');
    expect(entry.data.id).toBe('motesplatser');
    expect(entry.data.indicators).toHaveLength(1);
    expect(entry.data.keyFigures[1]!.change).toBe(4.3);
  });

  it('gives valid indicators with every field, numbers the Swedish way', async () => {
    const [indicators] = await examples('Indicators');
    const { entry, messages } = goal(goalText(indicators!));
    expect(messages.map((message) => message.reason)).toEqual([]);
    if (entry?.kind !== 'goal') throw new Error('expected a goal');
    const [numbers, words, range] = entry.data.indicators;
    expect(Object.keys(numbers!).sort()).toEqual(['better', 'comment', 'earlier', 'id', 'outcome', 'source', 'target', 'text', 'unit']);
    expect(numbers!.earlier).toEqual({ 2017: 82.5, 2018: 95 });
    expect(words!.result).toBe('delvis-genomfort');
    expect(range).toMatchObject({ target: 'tre till fyra AME-träffar', outcome: 3, status: 'uppfyllt' });
  });

  it("gives site.yaml's report settings: the defaults as they are, and a computed rule", async () => {
    const [defaults, computed] = await examples('Report settings');
    const report = siteSchema.shape.report;
    expect(report.parse((parse(defaults!) as { report: unknown }).report)).toEqual(report.parse(undefined));
    expect(report.parse((parse(computed!) as { report: unknown }).report).assessment).toEqual({ rule: 'computed', met: 100, partly: 80 });
  });
});
