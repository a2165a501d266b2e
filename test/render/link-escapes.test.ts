import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useFixtureCopies } from '../support/cli.js';

/*
 * A stray % in a link (issue 11, defect 5): "/nyheter/100%zz/" is no address, since % must be
 * followed by two hex digits. It is the editor's mistake, so it is reported like any broken
 * link, at its line in the Markdown file; it used to crash check and build with a URIError.
 */

const site = useFixtureCopies('basic');
const file = 'content/nyheter/lasning-startar.md';

/** The basic fixture with two links with a stray %, one in the path and one in the fragment, on the file's last line. */
async function siteWithStrayPercent(): Promise<{ cwd: string; line: number }> {
  const { cwd } = await site();
  const path = join(cwd, file);
  const text = await readFile(path, 'utf8');
  const added = `${text.endsWith('\n') ? '' : '\n'}\nLäs mer [här](/nyheter/100%zz/) och [där](/omraden/skola/#del%zz).\n`;
  await writeFile(path, text + added);
  return { cwd, line: (text + added).trimEnd().split('\n').length };
}

const problemText = (href: string) => expect.stringMatching(new RegExp(`^Länken "${href.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" har ett ogiltigt %-tecken`));

describe('a link with a stray %', () => {
  it('is a located problem in `check --format json`, not a crash', async () => {
    const { cwd, line } = await siteWithStrayPercent();
    const result = await runCli(['check', '--content', 'content', '--format', 'json'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; problems: { file: string; line: number; column: number; rule: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { file, line, column: 9, rule: 'broken-link', message: problemText('/nyheter/100%zz/') },
      { file, line, column: 37, rule: 'broken-link', message: problemText('/omraden/skola/#del%zz') },
    ]);
  });

  it('is a located problem in `check` and `build`, with no stack trace', async () => {
    const { cwd, line } = await siteWithStrayPercent();
    for (const args of [['check', '--content', 'content'], ['build', '--content', 'content', '--out', 'dist', '--no-pdf', '--no-search', '--no-cache']]) {
      const result = await runCli(args, cwd);
      const output = result.stdout + result.stderr;
      expect(result.code, args[0]).toBe(1);
      expect(output).toContain(`${file}:${line}:9  fel  Länken "/nyheter/100%zz/" har ett ogiltigt %-tecken`);
      expect(output).toContain(`${file}:${line}:37  fel  Länken "/omraden/skola/#del%zz" har ett ogiltigt %-tecken`);
      expect(output).not.toMatch(/URIError|\n\s+at /);
    }
  });
});

describe('a link that is no address at all', () => {
  it('is a located problem, not a crash', async () => {
    const { cwd } = await site();
    const area = 'content/omraden/skola.md';
    const path = join(cwd, area);
    const text = await readFile(path, 'utf8');
    // "/\[" reads as "//[": a host no URL parser accepts
    const added = `${text.endsWith('\n') ? '' : '\n'}\nSe <a href="/\\[x">här</a>.\n`;
    await writeFile(path, text + added);
    const line = (text + added).trimEnd().split('\n').length;
    const result = await runCli(['check', '--content', 'content', '--format', 'json'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).problems).toEqual([
      { file: area, line, column: 4, rule: 'broken-link', message: 'Länken "/\\[x" är ingen giltig webbadress; rätta adressen eller ta bort länken.' },
    ]);
  });
});
