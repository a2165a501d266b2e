import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { commands, options, type CommandName } from '../../src/cli/table.js';
import { nearestWord, typingDistance } from '../../src/format/nearest-word.js';
import { fixture, root, runCli, snapshot, tempDir, useFixtureCopies, type CliResult } from '../support/cli.js';

const cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const basicCopy = useFixtureCopies('basic');

/** A copy of the basic fixture a test may break, and an output folder beside it. */
async function brokenCopy(): Promise<{ content: string; out: string }> {
  const { content, cwd } = await basicCopy();
  return { content, out: join(cwd, 'dist') };
}

describe('verksam build', () => {
  it('replaces the output folder as a whole: no stale page survives', async () => {
    const { content, out } = await brokenCopy();
    expect((await runCli(['build', '--content', content, '--out', out, '--no-pdf'])).code).toBe(0);
    await writeFile(join(out, 'gammal-sida.html'), 'stale');
    await rm(join(content, 'nyheter', 'sakerhet.md'));
    const second = await runCli(['build', '--content', content, '--out', out, '--no-pdf']);
    expect(second.code).toBe(0);
    expect(existsSync(join(out, 'gammal-sida.html'))).toBe(false);
    expect(existsSync(join(out, 'nyheter', '2021', 'sakerhet', 'index.html'))).toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    // no staging or backup folders are left beside the output (the previous site is removed in the background)
    await expect.poll(async () => (await readdir(dirname(out))).sort(), { timeout: 15_000 }).toEqual(['content', 'dist']);
  });

  it('reports every problem of every file at once with file:line:column and leaves the old site byte-identical', async () => {
    const { content, out } = await brokenCopy();
    expect((await runCli(['build', '--content', content, '--out', out, '--no-pdf'])).code).toBe(0);
    const before = await snapshot(out);
    const contentBefore = { ...(await snapshot(content)) };

    const news = join(content, 'nyheter', 'lasning-startar.md');
    await writeFile(news, (await readFile(news, 'utf8')).replace('date: 2020-09-01', 'date: 2020-02-30').replace('lead:', 'ingress:'));
    const project = join(content, 'projekt', 'gammalt.md');
    await writeFile(project, (await readFile(project, 'utf8')).replace('status: avslutat', 'status: klart'));

    const result = await runCli(['build', '--content', content, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/nyheter\/lasning-startar\.md:3:7 {2}fel {2}Fältet "date": hittade "2020-02-30"; förväntat ett datum som finns/);
    expect(result.stderr).toMatch(/lasning-startar\.md:6:1 {2}fel {2}Okänt fält "ingress"\. Menade du "lead"\?/);
    expect(result.stderr).toMatch(/lasning-startar\.md:\d+:\d+ {2}fel {2}Fältet "lead" saknas/);
    expect(result.stderr).toMatch(/gammalt\.md:5:9 {2}fel {2}Fältet "status": hittade "klart"; förväntat ett av: pagaende, avslutat/);
    expect(result.stderr).toContain('4 problem hittades');
    expect(await snapshot(out)).toEqual(before);
    expect((await readdir(dirname(out))).sort()).toEqual(['content', 'dist']);
    // the build never touches content, even when it fails
    const after = await snapshot(content);
    expect(Object.keys(after).sort()).toEqual(Object.keys(contentBefore).sort());
  });

  it('fails on an unknown reference, naming the file and line of the list item', async () => {
    const { content, out } = await brokenCopy();
    const news = join(content, 'nyheter', 'lasning-startar.md');
    await writeFile(news, (await readFile(news, 'utf8')).replace('projects: [lasframmjande]', 'projects: [lasframmjande, okant-projekt]'));
    const result = await runCli(['build', '--content', content, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/lasning-startar\.md:5:27 {2}fel {2}Fältet "projects\[1\]": okänt projekt "okant-projekt"/);
    expect(existsSync(out)).toBe(false);
  });

  it('fails on a broken internal link in Markdown, naming the Markdown file and line', async () => {
    const { content, out } = await brokenCopy();
    const news = join(content, 'nyheter', 'lasning-startar.md');
    await writeFile(news, (await readFile(news, 'utf8')).replace('(/omraden/skola/)', '(/omraden/skolan/)'));
    const result = await runCli(['build', '--content', content, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/lasning-startar\.md:14:\d+ {2}fel {2}Länken "\/omraden\/skolan\/" leder till en sida som inte finns på webbplatsen; menade du \/omraden\/skola\/\?/);
    expect(result.stderr).toContain('[broken-link]');
  });

  it('refuses ---js front matter without running it', async () => {
    const { content, out } = await brokenCopy();
    const marker = join(dirname(content), 'pwned');
    await writeFile(
      join(content, 'nyheter', 'elak.md'),
      `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'x') }\n---\nText\n`,
    );
    const result = await runCli(['build', '--content', content, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/elak\.md:1:1 {2}fel {2}Front matter på språket "js" är inte tillåtet/);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses an output folder inside the content folder', async () => {
    const { content } = await brokenCopy();
    const result = await runCli(['build', '--content', content, '--out', join(content, 'dist')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ligger i innehållsmappen');
    expect(existsSync(join(content, 'dist'))).toBe(false);
  });

  it('explains bad arguments with exit code 2', async () => {
    const unknown = await runCli(['bygg']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Okänt kommando "bygg"');
    const badUrl = await runCli(['build', '--base-url', 'kfkl.se']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('--base-url');
  });
});

describe('verksam build in a log (not a terminal)', () => {
  it('prints no progress line, and ends with a summary of what the build did', async () => {
    const { content, cwd } = await basicCopy();
    const dist = join(cwd, 'dist');
    const first = await runCli(['build', '--content', content, '--out', dist, '--no-pdf'], cwd);
    expect(first.code).toBe(0);
    expect(first.stdout + first.stderr).not.toContain('\r');
    expect(first.stdout).toMatch(/^verksam: \d+ sidor skrevs till .* på [\d,]+ s\.$/m);
    const pages = Number(/(\d+) sidor skrevs/.exec(first.stdout)![1]);
    const summary = (result: CliResult) => result.stdout.trim().split('\n').at(-1);
    expect(summary(first)).toMatch(new RegExp(`^verksam: klart: ${pages} sidor \\(${pages} nya eller ändrade, 0 oförändrade\\), sökindexet gjordes, ingen PDF, 0 varningar, [\\d,]+ s\\.$`));
    // nothing changed: every page is left as it was and the index is taken from the cache
    const second = await runCli(['build', '--content', content, '--out', dist, '--no-pdf'], cwd);
    expect(second.code).toBe(0);
    expect(second.stdout + second.stderr).not.toContain('\r');
    expect(summary(second)).toMatch(new RegExp(`^verksam: klart: ${pages} sidor \\(0 nya eller ändrade, ${pages} oförändrade\\), sökindexet återanvändes, ingen PDF, 0 varningar, [\\d,]+ s\\.$`));
  });
});

describe('verksam build and the PDF edition', () => {
  const pdf = join('verksamhetsberattelse', '2020', 'verksamhetsberattelse-2020.pdf');

  it('writes no PDF and no link to one with --no-pdf', async () => {
    const { content, out } = await brokenCopy();
    const result = await runCli(['build', '--content', content, '--out', out, '--no-pdf']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(existsSync(join(out, pdf))).toBe(false);
    expect(await readFile(join(out, 'verksamhetsberattelse', '2020', 'index.html'), 'utf8')).not.toContain('.pdf');
  });

  it('says in one line that Chromium is missing, and builds the site without the PDF', async () => {
    const { content, out } = await brokenCopy();
    const result = await runCli(['build', '--content', content, '--out', out], undefined, { VERKSAM_CHROMIUM: '/finns/inte/chromium' });
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      'verksam: ingen PDF av verksamhetsberättelsen: Chromium finns inte (/finns/inte/chromium). Installera det med apt-get install chromium, eller bygg med --no-pdf.',
    ]);
    expect(result.stdout).toMatch(/sidor skrevs till/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, pdf))).toBe(false);
    expect(await readFile(join(out, 'verksamhetsberattelse', '2020', 'index.html'), 'utf8')).not.toContain('.pdf');
  });

  it('refuses --no-pdf for a command that makes no PDF', async () => {
    const result = await runCli(['check', '--no-pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Flaggan --no-pdf gäller inte för "verksam check"');
  });
});

describe('verksam check', () => {
  it('validates without writing anything', async () => {
    const dir = await tempDir();
    cleanup.push(dir);
    const ok = await runCli(['check', '--content', fixture('basic')], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('innehållet är giltigt');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('verksam refuses bad arguments with a sentence and exit code 2', () => {
  it('refuses a --base-url that is not an http(s) address, without a stack trace', async () => {
    const result = await runCli(['build', '--base-url', 'ftp://exempel.se/', '--no-pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--base-url');
    expect(result.stderr).toContain('https://');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a --now or --date that is no date in the calendar', async () => {
    const now = await runCli(['check', '--now', '9999-99-99']);
    expect(now.code).toBe(2);
    expect(now.stderr).toContain('--now');
    expect(now.stderr).toContain('9999-99-99');
    const dir = await tempDir();
    cleanup.push(dir);
    const date = await runCli(['new', 'nyhet', 'En nyhet', '--content', join(dir, 'content'), '--date', '2021-02-30'], dir);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--date');
    expect(await readdir(dir)).toEqual([]);
  });

  it('lists the exit codes in the usage text', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Slutkoder:/);
    expect(result.stdout).toMatch(/^\s+3\s+internt fel/m);
  });
});

describe('verksam --version', () => {
  it("prints the version in verksam's own package.json, not the one in the folder it runs in", async () => {
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const dir = await tempDir();
    cleanup.push(dir);
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'en-annan', version: '9.9.9' }));
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag], dir);
      expect(result.code, flag).toBe(0);
      expect(result.stdout, flag).toBe(`${version}\n`);
      expect(result.stderr, flag).toBe('');
    }
  });
});

/** The flags a help text lists: the first word of each line under "Flaggor:". */
function flagsInHelp(help: string): string[] {
  const section = help.split('\nFlaggor:\n')[1]?.split('\n\n')[0] ?? '';
  return section.split('\n').map((line) => /^\s+(?:-\w, )?--([a-z-]+)/.exec(line)?.[1] ?? `unreadable line: ${line}`);
}

/** Runs the command line in this process, to ask it about many flags quickly; what it printed, and its exit code. */
async function mainInProcess(args: readonly string[]): Promise<CliResult> {
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main(args);
    return { code, stdout: out.mock.calls.map((call) => call.join(' ')).join('\n'), stderr: err.mock.calls.map((call) => call.join(' ')).join('\n') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('verksam help', () => {
  const names = Object.keys(commands) as CommandName[];

  it('lists every command with one line, and says how to learn more', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      for (const name of names) expect(result.stdout, name).toMatch(new RegExp(`^  ${name} +[A-ZÅÄÖ].+\\.$`, 'm'));
      expect(result.stdout).toContain('verksam <kommando> --help');
    }
  });

  it.each(names)('verksam %s --help lists exactly the flags the command accepts, with examples and exit codes', async (name) => {
    const help = await runCli([name, '--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(new RegExp(`^verksam ${name}: [A-ZÅÄÖ][^\\n]+\\.\\n`));
    expect(help.stdout).toMatch(/\nExempel:\n {2}verksam /);
    expect(help.stdout).toMatch(/\nSlutkoder:\n {2}0 /);
    expect((await runCli(['help', name])).stdout).toBe(help.stdout);

    // every flag there is, given to the command: accepted (its help is printed) or refused with a sentence naming it
    const accepted: string[] = [];
    for (const [flag, spec] of Object.entries(options)) {
      const result = await mainInProcess([name, spec.type === 'string' ? `--${flag}=x` : `--${flag}`, '--help']);
      if (result.code === 0) accepted.push(flag);
      else {
        expect(result.code, flag).toBe(2);
        expect(result.stderr, flag).toContain(`Flaggan --${flag} gäller inte för "verksam ${name}"`);
      }
    }
    expect(flagsInHelp(help.stdout).sort()).toEqual(accepted.sort());
    // every line under Flaggor says what the flag does
    for (const line of help.stdout.split('\nFlaggor:\n')[1]!.split('\n\n')[0]!.split('\n')) expect(line).toMatch(/^ {2}\S.*\S {2,}\S/);

    const unknown = await mainInProcess([name, '--finns-inte']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`Flaggan --finns-inte finns inte för "verksam ${name}"`);
  });

  it('refuses a flag in a real process too, naming the command and guessing the meant flag', async () => {
    const result = await runCli(['build', '--contnet', 'innehall']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('Flaggan --contnet finns inte för "verksam build". Menade du --content? verksam build --help visar dess flaggor.');
  });
});

describe('an unknown command', () => {
  it('is refused with exit code 2 and the nearest command', async () => {
    for (const [typed, meant] of [['biuld', 'build'], ['serv', 'serve'], ['bygg', 'build'], ['nyhetsbrev', 'newsletter']] as const) {
      const result = await runCli([typed]);
      expect(result.code, typed).toBe(2);
      expect(result.stderr, typed).toContain(`Okänt kommando "${typed}". Menade du ${meant}?`);
      expect(result.stdout, typed).toBe('');
    }
    const far = await runCli(['publicera']);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('Menade du');
    expect(far.stderr).toContain('verksam --help');
    const help = await runCli(['help', 'biuld']);
    expect(help.code).toBe(2);
    expect(help.stderr).toContain('Menade du build?');
  });

  it('is guessed by letters typed wrong, swapped letters counting as one slip', () => {
    expect(typingDistance('biuld', 'build')).toBe(1);
    expect(nearestWord('chekc', ['build', 'check'])).toBe('check');
    expect(nearestWord('newsleter', ['new', 'newsletter'])).toBe('newsletter');
    expect(nearestWord('x', ['new', 'dev'])).toBeUndefined();
    expect(nearestWord('publicera', ['build', 'check', 'serve'])).toBeUndefined();
  });
});

/**
 * A copy of verksam itself (sources, templates, command) sharing its node_modules, which a test
 * may break: a bug in a template must not break commands that do not render.
 */
async function verksamCopy(): Promise<{ dir: string; run: (args: readonly string[], env?: Record<string, string>) => Promise<CliResult> }> {
  const dir = await tempDir('verksam-copy-');
  cleanup.push(dir);
  for (const part of ['src', 'templates', 'bin']) await cp(join(root, part), join(dir, part), { recursive: true });
  for (const file of ['tsconfig.json', 'package.json']) await cp(join(root, file), join(dir, file));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  await mkdir(join(dir, 'work'));
  await cp(fixture('basic'), join(dir, 'work', 'content'), { recursive: true });
  const run = (args: readonly string[], env: Record<string, string> = {}) =>
    new Promise<CliResult>((done) => {
      execFile(process.execPath, [join(dir, 'bin', 'verksam.js'), ...args], { cwd: join(dir, 'work'), env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  return { dir, run };
}

describe('verksam with a syntax error in a template', () => {
  it('still shows help and creates files, and build and check name the template with exit code 3', async () => {
    const { dir, run } = await verksamCopy();
    const template = join(dir, 'templates', 'news.tsx');
    await writeFile(template, (await readFile(template, 'utf8')) + '\nexport const broken = (<div>;\n');

    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Användning:');
    const created = await run(['new', 'nyhet', 'En ny nyhet']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(existsSync(join(dir, 'work', 'content', 'nyheter', 'en-ny-nyhet.md'))).toBe(true);
    const usage = await run(['bygg']);
    expect(usage.code).toBe(2);

    for (const args of [['build', '--no-pdf'], ['check']]) {
      const result = await run(args);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/internt fel/);
      expect(result.stderr).toContain('templates/news.tsx');
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'work', 'dist'))).toBe(false);

    const json = await run(['check', '--format', 'json']);
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout) as { ok: boolean; error?: { kind: string; message: string } };
    expect(report.ok).toBe(false);
    expect(report.error?.kind).toBe('internal');
    expect(report.error?.message).toContain('templates/news.tsx');

    const debug = await run(['check'], { VERKSAM_DEBUG: '1' });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toContain('templates/news.tsx');
    expect(debug.stderr.trim().split('\n').length).toBeGreaterThan(1);
  });
});
