import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { generateSite } from './generate.js';
import { writeEleventySite, writeHugoSite } from './others.js';

/*
 * `npm run bench`: builds the same synthetic news archive with verksam, Eleventy 3 and (when
 * installed) Hugo, alternating between them in one run, and prints medians with min–max and
 * the ratios. Every number is a whole process, as an editor or CI meets it. Also measures the
 * preview: the time from saving one news item to the reload event.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const eleventyDir = join(root, 'scripts', 'bench', 'eleventy');
const verksamBin = join(root, 'bin', 'verksam.js');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    runs: { type: 'string', default: '3' },
    work: { type: 'string', default: join(tmpdir(), 'verksam-bench') },
  },
});
const runs = Number(values.runs);
const sizes = values.quick ? [1000] : [1000, 10000];

interface Sample {
  seconds: number;
  /** Peak resident set size in MiB, where /usr/bin/time can tell. */
  rssMiB?: number;
}

/** Runs a command to completion; wall time from spawn to exit, peak RSS from GNU time. */
function measure(command: string, args: string[], cwd: string): Promise<Sample> {
  const wrapped = gnuTime ? [gnuTime, ['-f', '__rss=%M', command, ...args]] : [command, args];
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(wrapped[0] as string, wrapped[1] as string[], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return fail(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`));
      const rss = /__rss=(\d+)/.exec(stderr)?.[1];
      done({ seconds, rssMiB: rss ? Number(rss) / 1024 : undefined });
    });
  });
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** Starts `verksam dev` and waits for its first page; returns the process, its address and the seconds it took. */
async function startPreview(contentDir: string, port: number): Promise<{ child: ChildProcess; url: string; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [verksamBin, 'dev', '--content', contentDir, '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) done(match[1]!);
    });
    child.on('exit', () => fail(new Error(`dev exited: ${out}`)));
  });
  await (await fetch(url)).text();
  return { child, url, seconds: (performance.now() - started) / 1000 };
}

/**
 * Time from saving a news item to the preview's reload event, and start-up to first page with
 * the cache primed: the preview is started once on the same port (as an editor does every
 * day on 8080) and stopped before the start that is measured.
 */
async function measureDev(contentDir: string, newsFile: string, edits: number): Promise<{ startup: number; save: number[]; retitle: number[] }> {
  const port = await freePort();
  const priming = await startPreview(contentDir, port);
  await new Promise((done) => {
    priming.child.once('exit', done);
    priming.child.kill('SIGTERM');
    setTimeout(() => priming.child.kill('SIGKILL'), 10_000).unref();
  });
  const { child, url, seconds: startup } = await startPreview(contentDir, port);
  try {
    const response = await fetch(new URL('/__verksam/events', url));
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const nextReload = async () => {
      let buffer = '';
      // a preview that never answers fails the bench instead of hanging it
      const timer = setTimeout(() => void reader.cancel(new Error('no reload event within 120 s')), 120_000);
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          clearTimeout(timer);
          throw new Error('the preview closed its event stream (or sent no reload within 120 s)');
        }
        buffer += decoder.decode(value, { stream: true });
        if (/event: reload/.test(buffer)) {
          clearTimeout(timer);
          return;
        }
      }
    };
    const original = await readFile(newsFile, 'utf8');
    const save: number[] = [];
    const retitle: number[] = [];
    for (let index = 0; index < edits; index++) {
      await new Promise((done) => setTimeout(done, 150));
      const body = original.replace(/\n$/, `\n\nRedigering ${index}.\n`);
      const t0 = performance.now();
      await writeFile(newsFile, body);
      await nextReload();
      save.push(performance.now() - t0);
      await new Promise((done) => setTimeout(done, 150));
      const moved = original
        .replace(/^title: (.*)$/m, (_, value: string) => `title: ${JSON.stringify(`Ändrad ${index}: ${parse(value) as string}`)}`)
        .replace(/^date: \d{4}/m, 'date: 2025');
      const t1 = performance.now();
      await writeFile(newsFile, moved);
      await nextReload();
      retitle.push(performance.now() - t1);
      // back to the original, unmeasured, so that the next save is an edit of the text alone
      await new Promise((done) => setTimeout(done, 150));
      await writeFile(newsFile, original);
      await nextReload();
    }
    await writeFile(newsFile, original);
    await reader.cancel();
    return { startup, save, retitle };
  } finally {
    child.kill('SIGTERM');
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary = (samples: Sample[]) => ({
  median: median(samples.map((sample) => sample.seconds)),
  min: Math.min(...samples.map((sample) => sample.seconds)),
  max: Math.max(...samples.map((sample) => sample.seconds)),
  rssMiB: samples.some((sample) => sample.rssMiB) ? Math.max(...samples.map((sample) => sample.rssMiB ?? 0)) : undefined,
});

const results: Record<string, unknown> = {};
if (!existsSync(join(eleventyDir, 'node_modules', '@11ty', 'eleventy'))) {
  console.log('Installing Eleventy for the comparison (scripts/bench/eleventy)…');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: eleventyDir, stdio: 'inherit' });
  if (install.status !== 0) throw new Error('npm ci in scripts/bench/eleventy failed');
}
const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;
if (!hugo) console.log('Hugo is not installed (apt-get install hugo); the Hugo column is left out.');

// The preview with the real content: the target editors feel every day.
{
  const real = join(values.work, 'real', 'content');
  await rm(dirname(real), { recursive: true, force: true });
  await cp(join(root, 'content'), real, { recursive: true });
  const news = join(real, 'nyheter', '50-ar-med-av-media.md');
  const dev = await measureDev(real, news, 5);
  // builds as an editor or CI runs them, with the PDF: cold, again with nothing changed, and after
  // editing a news item that neither the report (so its PDF) nor the newsletter (its email) shows
  const out = join(values.work, 'real', 'dist');
  const cache = join(root, '.cache');
  const build = () => measure(process.execPath, [verksamBin, 'build', '--content', real, '--out', out], root);
  const samples: Record<'cold' | 'warm' | 'changed', Sample[]> = { cold: [], warm: [], changed: [] };
  const original = await readFile(news, 'utf8');
  for (let run = 0; run < runs; run++) {
    await rm(out, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
    samples.cold.push(await build());
    samples.warm.push(await build());
    await writeFile(news, original.replace(/\n$/, `\n\nÄndring ${run}.\n`));
    samples.changed.push(await build());
  }
  await writeFile(news, original);
  // the command line's own start-up: what every command pays before it does anything
  const help: Sample[] = [];
  for (let run = 0; run < Math.max(runs, 5); run++) help.push(await measure(process.execPath, [verksamBin, '--help'], root));
  results.real = {
    dev: { startupSeconds: dev.startup, saveMs: median(dev.save), saveMsRange: [Math.min(...dev.save), Math.max(...dev.save)], retitleMs: median(dev.retitle) },
    builds: { cold: summary(samples.cold), warm: summary(samples.warm), changed: summary(samples.changed), help: summary(help) },
  };
}

for (const size of sizes) {
  const work = join(values.work, String(size));
  const contentDir = join(work, 'content');
  const { newsFiles } = await generateSite(contentDir, size);
  await writeEleventySite(contentDir, join(work, 'eleventy'));
  if (hugo) await writeHugoSite(contentDir, join(work, 'hugo'));
  const out = join(work, 'dist');
  const changed = newsFiles[Math.floor(newsFiles.length / 2)]!;
  const samples: Record<string, Sample[]> = { cold: [], warm: [], changed: [], coldNoSearch: [], changedNoSearch: [], eleventy: [], hugo: [] };
  const verksam = (...flags: string[]) => measure(process.execPath, [verksamBin, 'build', '--no-pdf', ...flags, '--content', contentDir, '--out', out], root);
  const cache = join(root, '.cache');
  let edit = 0;
  const editOne = async () => {
    const text = await readFile(changed, 'utf8');
    await writeFile(changed, text.replace(/\n$/, `\n\nÄndring ${edit++}.\n`));
  };
  for (let run = 0; run < runs; run++) {
    // alternate the tools so that machine load hits them alike
    await rm(out, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
    samples.cold!.push(await verksam());
    await rm(join(work, 'eleventy', '_site'), { recursive: true, force: true });
    samples.eleventy!.push(await measure(process.execPath, [join(eleventyDir, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), '--quiet'], join(work, 'eleventy')));
    if (hugo) {
      await rm(join(work, 'hugo', 'public'), { recursive: true, force: true });
      samples.hugo!.push(await measure('hugo', ['--quiet'], join(work, 'hugo')));
    }
    samples.warm!.push(await verksam());
    await editOne();
    samples.changed!.push(await verksam());
    // like for like: Eleventy and Hugo make no search index
    await rm(out, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
    samples.coldNoSearch!.push(await verksam('--no-search'));
    await editOne();
    samples.changedNoSearch!.push(await verksam('--no-search'));
  }
  const dev = await measureDev(contentDir, changed, 5);
  const eleventy = summary(samples.eleventy!);
  const hugoSummary = hugo ? summary(samples.hugo!) : undefined;
  const builds = Object.fromEntries(['cold', 'warm', 'changed', 'coldNoSearch', 'changedNoSearch'].map((name) => [name, summary(samples[name]!)]));
  results[size] = {
    verksam: builds,
    eleventy,
    hugo: hugoSummary,
    ratios: Object.fromEntries(
      Object.entries(builds).map(([name, build]) => [name, { eleventy: build.median / eleventy.median, hugo: hugoSummary ? build.median / hugoSummary.median : undefined }]),
    ),
    dev: { startupSeconds: dev.startup, saveMs: median(dev.save), saveMsRange: [Math.min(...dev.save), Math.max(...dev.save)], retitleMs: median(dev.retitle) },
  };
}

const f = (value: number | undefined, digits = 2) => (value === undefined ? '–' : value.toFixed(digits));
const rows: string[][] = [['size', 'measure', 'verksam', 'Eleventy 3', 'Hugo', 'verksam/Eleventy', 'verksam/Hugo']];
const labels: Record<string, string> = {
  cold: 'full build, no cache',
  warm: 'full build, cache primed, nothing changed',
  changed: 'full build, cache primed, one item changed',
  coldNoSearch: 'full build, no cache, --no-search',
  changedNoSearch: 'one item changed, --no-search',
};
for (const size of sizes) {
  const r = results[size] as {
    verksam: Record<string, ReturnType<typeof summary>>;
    eleventy: ReturnType<typeof summary>;
    hugo?: ReturnType<typeof summary>;
    ratios: Record<string, { eleventy: number; hugo?: number }>;
    dev: { startupSeconds: number; saveMs: number; retitleMs: number };
  };
  const range = (s: ReturnType<typeof summary>) => `${f(s.median)} s (${f(s.min)}–${f(s.max)})`;
  for (const [name, label] of Object.entries(labels)) {
    const first = name === 'cold';
    rows.push([String(size), label, range(r.verksam[name]!), first ? range(r.eleventy) : '', first && r.hugo ? range(r.hugo) : '', f(r.ratios[name]!.eleventy), f(r.ratios[name]!.hugo)]);
  }
  rows.push([String(size), 'peak RSS (MiB), full build', `${f(r.verksam.cold!.rssMiB, 0)} (warm ${f(r.verksam.warm!.rssMiB, 0)})`, f(r.eleventy.rssMiB, 0), r.hugo ? f(r.hugo.rssMiB, 0) : '–', '', '']);
  rows.push([String(size), 'dev: save → reload (ms)', f(r.dev.saveMs, 0), '', '', '', '']);
  rows.push([String(size), 'dev: title+date edit → reload (ms)', f(r.dev.retitleMs, 0), '', '', '', '']);
  rows.push([String(size), 'dev: start-up to first page (s), cache primed', f(r.dev.startupSeconds), '', '', '', '']);
}
const real = results.real as { dev: { saveMs: number; retitleMs: number; startupSeconds: number }; builds: Record<'cold' | 'warm' | 'changed' | 'help', ReturnType<typeof summary>> };
const realRange = (s: ReturnType<typeof summary>) => `${f(s.median)} s (${f(s.min)}–${f(s.max)})`;
rows.push(['real', 'cold with PDF, whole process', realRange(real.builds.cold), '', '', '', '']);
rows.push(['real', 'nothing changed, whole process incl. start-up', realRange(real.builds.warm), '', '', '', '']);
rows.push(['real', 'one news item changed (not in the PDF or email)', realRange(real.builds.changed), '', '', '', '']);
rows.push(['real', '`verksam --help`', realRange(real.builds.help), '', '', '', '']);
rows.push(['real', 'dev: save → reload (ms)', f(real.dev.saveMs, 0), '', '', '', '']);
rows.push(['real', 'dev: title+date edit → reload (ms)', f(real.dev.retitleMs, 0), '', '', '', '']);
rows.push(['real', 'dev: start-up to first page (s)', f(real.dev.startupSeconds), '', '', '', '']);
const table = (lines: string[][]) => {
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  // Markdown, so the README takes the tables as they are printed
  return [line(lines[0]!), line(widths.map((width) => '-'.repeat(width))), ...lines.slice(1).map(line)].join('\n');
};
console.log(table(rows));

// Issue 14's targets, each against this run's number (ratios from the same run)
type SizeResult = { verksam: Record<string, ReturnType<typeof summary>>; ratios: Record<string, { eleventy: number; hugo?: number }>; dev: { saveMs: number; retitleMs: number; startupSeconds: number } };
const at = (size: number) => results[size] as SizeResult | undefined;
const targets: [measure: string, value: number | undefined, target: number, unit: string][] = [
  ['real site, nothing changed, whole process incl. start-up', real.builds.warm.median, 0.6, 's'],
  ['real site, one news item changed (PDF not touched by it)', real.builds.changed.median, 1.0, 's'],
  ['real site, cold with PDF', real.builds.cold.median, 3, 's'],
  ['`verksam --help`', real.builds.help.median, 0.15, 's'],
  ['1 000, cold / Eleventy cold', at(1000)?.ratios.cold!.eleventy, 2.5, ''],
  ['1 000, one item changed with search / Eleventy cold', at(1000)?.ratios.changed!.eleventy, 0.5, ''],
  ['10 000, cold / Eleventy cold (with search)', at(10000)?.ratios.cold!.eleventy, 2.0, ''],
  ['10 000, cold / Hugo cold', at(10000)?.ratios.cold!.hugo, 6, ''],
  ['10 000, one item changed with search / Eleventy cold', at(10000)?.ratios.changed!.eleventy, 0.4, ''],
  ['10 000, peak RSS, cold', at(10000)?.verksam.cold!.rssMiB, 1024, 'MiB'],
  ['10 000, preview save → reload', at(10000)?.dev.saveMs, 150, 'ms'],
  ['10 000, preview title/date edit → reload', at(10000)?.dev.retitleMs, 300, 'ms'],
  ['10 000, preview start-up, cache primed', at(10000)?.dev.startupSeconds, 3, 's'],
];
const shown = (value: number, unit: string) => (unit === 'MiB' || unit === 'ms' ? `${f(value, 0)} ${unit}` : `${f(value)}${unit ? ` ${unit}` : ''}`);
console.log(`\n${table([
  ['measure', 'this run', 'target', ''],
  ...targets.map(([measure, value, target, unit]) => [
    measure,
    value === undefined ? 'not measured' : shown(value, unit),
    `≤ ${shown(target, unit)}`,
    value === undefined ? '' : value <= target ? 'met' : `missed by ${shown(value - target, unit)}`,
  ]),
])}`);
if (values.json) {
  await writeFile(values.json, `${JSON.stringify({ date: new Date().toISOString(), runs, results }, null, 2)}\n`);
  console.log(`JSON: ${values.json}`);
}
