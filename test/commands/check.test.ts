import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonReport } from '../../src/commands/check.js';
import { problem } from '../../src/content/problems.js';
import { runCli, snapshot, useFixtureCopies } from '../support/cli.js';

/** A temporary copy of the basic fixture; commands run in its parent, so paths print as content/…. */
const site = useFixtureCopies('basic');

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  await writeFile(file, text.replace(from, to));
}

describe('jsonReport', () => {
  it('maps messages to { file, line, column, rule, message }, null where a message has no place', () => {
    const located = problem('content/a.md', 'invalid-date', 'Fel datum.', { line: 3, column: 7 });
    const whole = problem('content/site.yaml', 'missing-field', 'Saknas.');
    expect(jsonReport([located, whole])).toEqual({
      ok: false,
      problems: [
        { file: 'content/a.md', line: 3, column: 7, rule: 'invalid-date', message: 'Fel datum.' },
        { file: 'content/site.yaml', line: null, column: null, rule: 'missing-field', message: 'Saknas.' },
      ],
      warnings: [],
    });
    expect(jsonReport([])).toEqual({ ok: true, problems: [], warnings: [] });
  });
});

describe('verksam check (command line)', () => {
  it('passes valid content, as text and as JSON, and writes nothing anywhere', async () => {
    const { content, cwd } = await site();
    const before = await snapshot(cwd);
    const text = await runCli(['check', '--content', 'content', '--now', '2026-06-01'], cwd);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^verksam: innehållet är giltigt och alla interna länkar fungerar \(2 mål, 2 projekt, 2 nyheter, \d+ sidor\)/);
    const json = await runCli(['check', '--content', 'content', '--format', 'json', '--now', '2026-06-01'], cwd);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, problems: [], warnings: [] });
    expect(await snapshot(cwd)).toEqual(before);
    expect(await readdir(cwd)).toEqual(['content']);
    expect(await readdir(join(content, 'nyheter'))).toHaveLength(3);
  });

  it('reports every content problem as JSON with file, line, column and rule, and nothing else on stdout', async () => {
    const { content, cwd } = await site();
    await edit(join(content, 'nyheter', 'lasning-startar.md'), 'date: 2020-09-01', 'date: 2020-02-30');
    await edit(join(content, 'projekt', 'gammalt.md'), 'status: avslutat', 'status: klart');
    const before = await snapshot(cwd);
    const result = await runCli(['check', '--content', 'content', '--format', 'json'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { ok: boolean; problems: Record<string, unknown>[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        file: 'content/nyheter/lasning-startar.md',
        line: 3,
        column: 7,
        rule: 'invalid-date',
        message: expect.stringContaining('Fältet "date": hittade "2020-02-30"'),
      },
      {
        file: 'content/projekt/gammalt.md',
        line: 5,
        column: 9,
        rule: 'invalid-value',
        message: expect.stringContaining('Fältet "status": hittade "klart"'),
      },
    ]);
    expect(await snapshot(cwd)).toEqual(before);

    const text = await runCli(['check', '--content', 'content'], cwd);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^content\/nyheter\/lasning-startar\.md:3:7 {2}fel {2}Fältet "date"/);
    expect(text.stderr).toContain('2 problem hittades.');
  });

  it('shows the warnings it already knows together with the problems, after them, and still fails', async () => {
    const { content, cwd } = await site();
    await edit(join(content, 'nyheter', 'lasning-startar.md'), 'date: 2020-09-01', 'date: 2020-02-30');
    // a stray file: a warning the editor would otherwise meet only after fixing the date
    await writeFile(join(content, 'anteckningar.txt'), 'Att göra\n');
    // a valid file's own warning (an empty section), kept with the parsed file
    await writeFile(join(content, 'projekt', 'gammalt.md'), `${await readFile(join(content, 'projekt', 'gammalt.md'), 'utf8')}\n## Tomt avsnitt\n`);
    const text = await runCli(['check', '--content', 'content'], cwd);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    const [problems, warnings] = text.stderr.split('Varningar (stoppar inte bygget):\n');
    expect(problems).toMatch(/^content\/nyheter\/lasning-startar\.md:3:7 {2}fel {2}Fältet "date"/);
    expect(problems).toContain('1 problem hittades.');
    expect(warnings).toMatch(/^content\/anteckningar\.txt {2}varning {2}Filen "anteckningar\.txt" läses inte av verksam/);
    expect(warnings).toMatch(/\ncontent\/projekt\/gammalt\.md:\d+:1 {2}varning {2}Rubriken "Tomt avsnitt" har ingen text under sig/);

    const json = await runCli(['check', '--content', 'content', '--format', 'json'], cwd);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; problems: { rule: string }[]; warnings: { file: string; rule: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems.map((found) => found.rule)).toEqual(['invalid-date']);
    expect(report.warnings).toEqual([
      expect.objectContaining({ file: 'content/anteckningar.txt', rule: 'unread-folder' }),
      expect.objectContaining({ file: 'content/projekt/gammalt.md', rule: 'empty-section' }),
    ]);
  });

  it('finds a broken internal link in Markdown, at its Markdown line, as build does', async () => {
    const { content, cwd } = await site();
    await edit(join(content, 'nyheter', 'lasning-startar.md'), '(/omraden/skola/)', '(/omraden/skolan/)');
    const before = await snapshot(cwd);
    const result = await runCli(['check', '--content', 'content', '--format', 'json'], cwd);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      problems: [
        {
          file: 'content/nyheter/lasning-startar.md',
          line: 14,
          column: expect.any(Number),
          rule: 'broken-link',
          message: 'Länken "/omraden/skolan/" leder till en sida som inte finns på webbplatsen; menade du /omraden/skola/?',
        },
      ],
      warnings: [],
    });
    expect(await snapshot(cwd)).toEqual(before);
  });

  it('explains a wrong --format or a missing content folder with exit code 2', async () => {
    const { cwd } = await site();
    const [format, missing] = await Promise.all([
      runCli(['check', '--content', 'content', '--format', 'xml'], cwd),
      runCli(['check', '--content', 'saknas', '--format', 'json'], cwd),
    ]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format kan vara text eller json, inte "xml".');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('Innehållsmappen "saknas" finns inte');
  });
});
