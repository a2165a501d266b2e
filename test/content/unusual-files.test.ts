import { execFileSync } from 'node:child_process';
import { mkdir, open, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useFixtureCopies } from '../support/cli.js';

/*
 * Files an editor (or an editor's tools) may leave in the content folder that are not plain
 * content: each must be reported as a problem of that file, at its line, in the same run as
 * every other problem, and never stall or crash the check.
 */

const site = useFixtureCopies('basic');

interface Problem {
  file: string;
  line: number | null;
  column: number | null;
  rule: string;
  message: string;
}

async function check(cwd: string): Promise<{ code: number; problems: Problem[]; stderr: string }> {
  const result = await runCli(['check', '--content', 'content', '--format', 'json', '--now', '2026-06-01'], cwd);
  const report = JSON.parse(result.stdout) as { problems: Problem[] };
  return { code: result.code, problems: report.problems, stderr: result.stderr };
}

const frontMatter = '---\ntitle: Nyhet\ndate: 2021-03-01\nareas: []\nlead: Ingress.\n---\n';
/** The first body line of a news item written with `frontMatter`. */
const bodyLine = 7;

describe('a file that would cost the build too much', () => {
  it('reports thousands of nested quotes and lists at their line, with every other problem in the same run', async () => {
    const { content, cwd } = await site();
    await writeFile(join(content, 'nyheter', 'citat.md'), `${frontMatter}Inledning.\n\n${'>'.repeat(10_000)} djupt\n`);
    await writeFile(join(content, 'nyheter', 'lista.md'), `${frontMatter}${'- '.repeat(5_000)}djupt\n`);
    const date = join(content, 'nyheter', 'lasning-startar.md');
    await writeFile(date, (await readFile(date, 'utf8')).replace('date: 2020-09-01', 'date: 2020-02-30'));

    const { code, problems } = await check(cwd);
    expect(code).toBe(1);
    expect(problems.map(({ file, line, rule }) => `${file}:${line} ${rule}`)).toEqual([
      `content/nyheter/citat.md:${bodyLine + 2} too-deeply-nested`,
      'content/nyheter/lasning-startar.md:3 invalid-date',
      `content/nyheter/lista.md:${bodyLine} too-deeply-nested`,
    ]);
    expect(problems[0]!.message).toContain('nivåer av citat (>) och listor');
  });

  it('reports a long line of unmatched brackets at its line instead of parsing it for minutes', async () => {
    const { content, cwd } = await site();
    await writeFile(join(content, 'nyheter', 'hakparenteser.md'), `${frontMatter}Text.\n\n${'['.repeat(40_000)}${']'.repeat(40_000)}\n`);
    const { code, problems } = await check(cwd);
    expect(code).toBe(1);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/nyheter/hakparenteser.md', line: bodyLine + 2, column: 1, rule: 'too-complex-markdown' }),
    ]);
    expect(problems[0]!.message).toMatch(/har 80\s000 av tecknen \[ \] \* _ ~/);
  });

  it('refuses a 50 MB file without reading it whole, naming the line where it passes 1 MB', async () => {
    const { content, cwd } = await site();
    // one long line, written in pieces so the test itself never holds 50 MB
    const file = await open(join(content, 'nyheter', 'enorm.md'), 'w');
    await file.write(frontMatter);
    const piece = 'a'.repeat(1024 * 1024);
    for (let written = 0; written < 50; written++) await file.write(piece);
    await file.close();

    const { code, problems } = await check(cwd);
    expect(code).toBe(1);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/nyheter/enorm.md', line: bodyLine, rule: 'file-too-large' })]);
    expect(problems[0]!.message).toMatch(/^Filen är 50 MB, mer än gränsen 1 MB för en innehållsfil; gränsen passeras på rad 7\./);
  });
});

describe('a file that is not UTF-8', () => {
  it('is refused at the first line that is not, with the word as it was meant and what to do', async () => {
    const { content, cwd } = await site();
    const latin1 = Buffer.from(`${frontMatter}Första raden är bra.\nMen här står Läsår i Latin-1.\n`.replace('Läsår', '\u0000'), 'utf8');
    const at = latin1.indexOf(0);
    // "Läsår" as a Windows editor saves it in Latin-1: one byte per letter
    const file = Buffer.concat([latin1.subarray(0, at), Buffer.from('L\xe4s\xe5r', 'latin1'), latin1.subarray(at + 1)]);
    await writeFile(join(content, 'nyheter', 'latin1.md'), file);

    const { code, problems } = await check(cwd);
    expect(code).toBe(1);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/nyheter/latin1.md', line: bodyLine + 1, column: 15, rule: 'invalid-encoding' })]);
    expect(problems[0]!.message).toContain('"Läsår"');
    expect(problems[0]!.message).toContain('Spara filen som UTF-8');
  });
});

describe('files verksam does not read', () => {
  it('names a symbolic link, a Word document, a named pipe and a folder named like a file, each with why', async () => {
    const { content, cwd } = await site();
    const news = join(content, 'nyheter');
    await symlink(join(news, 'sakerhet.md'), join(news, 'lankad.md'));
    await symlink(join(news, 'finns-inte.md'), join(news, 'trasig.md'));
    await writeFile(join(news, 'pressmeddelande.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]));
    execFileSync('mkfifo', [join(news, 'ror.md')]);
    await mkdir(join(news, 'mapp.md'));

    const { code, problems } = await check(cwd);
    expect(code).toBe(1);
    expect(problems.map(({ file, line, rule }) => `${file}:${line} ${rule}`)).toEqual([
      'content/nyheter/lankad.md:null symbolic-link',
      'content/nyheter/mapp.md:null unreadable-file',
      'content/nyheter/pressmeddelande.docx:null unexpected-file',
      'content/nyheter/ror.md:null unreadable-file',
      'content/nyheter/trasig.md:null symbolic-link',
    ]);
    const message = (file: string) => problems.find((problem) => problem.file === `content/nyheter/${file}`)!.message;
    expect(message('lankad.md')).toContain('verksam följer inte länkar');
    expect(message('trasig.md')).toContain('som inte finns');
    expect(message('pressmeddelande.docx')).toContain('verksam läser bara Markdown (.md) och bilder (.jpg, .jpeg, .png, .webp, .avif)');
    expect(message('ror.md')).toContain('ingen vanlig fil');
    expect(message('mapp.md')).toContain('är en mapp, inte en fil');
  });

  it('ends a check of a content folder that cannot be read with a sentence, not an internal error', async () => {
    const { cwd } = await site();
    await writeFile(join(cwd, 'inte-en-mapp'), 'text');
    const result = await runCli(['check', '--content', 'inte-en-mapp'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('verksam: kom inte åt inte-en-mapp: en del av sökvägen är en fil, inte en mapp.');
  });
});

describe('front matter mistakes an editor makes', () => {
  it('says a fence must be exactly three dashes, instead of "title saknas"', async () => {
    const { content, cwd } = await site();
    await writeFile(join(content, 'nyheter', 'fyra.md'), frontMatter.replace(/^---/, '----'));
    await writeFile(join(content, 'nyheter', 'slut.md'), frontMatter.replace(/---\n$/, '-----\n'));
    const { problems } = await check(cwd);
    expect(problems.map(({ file, line, rule }) => `${file}:${line} ${rule}`)).toEqual([
      'content/nyheter/fyra.md:1 missing-front-matter',
      'content/nyheter/slut.md:6 front-matter-syntax',
    ]);
    expect(problems[0]!.message).toContain('exakt tre bindestreck (---), men rad 1 har 4');
    expect(problems[1]!.message).toContain('exakt tre bindestreck (---), men raden är "-----"');
  });

  it('reports an unclosed quote on line 2 at line 2, where the quote opens', async () => {
    const { content, cwd } = await site();
    await writeFile(join(content, 'nyheter', 'citattecken.md'), frontMatter.replace('title: Nyhet', 'title: "Nyhet'));
    const { problems } = await check(cwd);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/nyheter/citattecken.md', line: 2, column: 8, rule: 'front-matter-syntax' })]);
    expect(problems[0]!.message).toContain('saknar ett avslutande citattecken');
  });

  it('refuses the year 0001 as an unlikely year, not as a date that does not exist', async () => {
    const { content, cwd } = await site();
    await writeFile(join(content, 'nyheter', 'ar-ett.md'), frontMatter.replace('date: 2021-03-01', 'date: 0001-03-01'));
    const { problems } = await check(cwd);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/nyheter/ar-ett.md', line: 3, rule: 'invalid-date' })]);
    expect(problems[0]!.message).toBe('Fältet "date": hittade "0001-03-01"; förväntat ett årtal från 1900 till 2099.');
  });
});
