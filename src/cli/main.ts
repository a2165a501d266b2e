// argv → a command, and the exit code: the only place (with run.ts) that prints.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { defaults } from '../config.js';
import { ContentError } from '../content/problems.js';
import { describeFileSystemError } from '../errors.js';
import { baseUrlProblem } from '../format/base-url.js';
import { describeInternalError } from '../internal-error.js';
import { formatMessages, formatProblemsAndWarnings, formatWarnings } from '../report.js';
import { checkOutputDir } from '../write/output-dir.js';
import { OutputError } from '../write/output-error.js';
import { commands, flagsOf, isCommand, options, type OptionName } from './table.js';
import { commandHelp, generalHelp, version, unknownCommand } from './help.js';
import { flagProblem, parseConfig, withDefaults } from './arguments.js';
import { newCommand, initCommand, importCommand, newsletterCli, devCommand, serveCli } from './run.js';

// Each command's own modules are imported when it runs (here and in run.ts): a bug in a template
// (a syntax error) then breaks the commands that render, with a sentence naming the template,
// never --help or new.

/** argv → command; the only place that prints or decides exit codes (0 ok, 1 content, 2 command, 3 bug; see the help). */
export async function main(argv: readonly string[]): Promise<number> {
  // First leniently, over every flag, only to find the command (a flag's value is never taken for it) …
  const lenient = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: parseConfig(Object.keys(options) as OptionName[]) });
  const command = lenient.positionals[0];
  if (command === undefined) {
    if (lenient.values.version && argv.length === 1) {
      console.log(version());
      return 0;
    }
    if (lenient.values.help && argv.length === 1) {
      console.log(generalHelp());
      return 0;
    }
    console.error(argv.length > 0 ? `Ange ett kommando först: verksam <kommando> ${argv.join(' ')}\n\n${generalHelp()}` : generalHelp());
    return 2;
  }
  if (!isCommand(command)) {
    console.error(unknownCommand(command));
    return 2;
  }
  // … then by the command's own flags: what it does not take is refused with a sentence naming it.
  for (const token of lenient.tokens) {
    const problem = token.kind === 'option' ? flagProblem(command, token) : undefined;
    if (problem) {
      console.error(problem);
      return 2;
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: parseConfig(flagsOf(command)) });
  } catch (error) {
    console.error(`Kommandot gick inte att läsa: ${(error as Error).message}\nverksam ${command} --help visar hur det skrivs.`);
    return 2;
  }
  const { positionals } = parsed;
  const values = withDefaults(parsed.values);
  if (values.help) {
    console.log(commandHelp(command));
    return 0;
  }
  if (command === 'help') {
    const about = positionals[1];
    if (about === undefined) {
      console.log(generalHelp());
      return 0;
    }
    if (!isCommand(about)) {
      console.error(unknownCommand(about));
      return 2;
    }
    console.log(commandHelp(about));
    return 0;
  }
  const baseUrl = values['base-url'];
  const urlProblem = baseUrl === undefined ? undefined : baseUrlProblem(baseUrl);
  if (urlProblem) {
    console.error(`--base-url: ${urlProblem}.`);
    return 2;
  }
  const today = values.now;
  for (const [flag, date] of [['--now', today], ['--date', values.date]] as const) {
    // the schemas (zod) load only when a date is given: --help and --version start without them
    if (date !== undefined && !(await import('../content/schemas.js')).calendarDate.safeParse(date).success) {
      console.error(`${flag} ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD (t.ex. 2021-05-05), inte "${date}".`);
      return 2;
    }
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    console.error(`--port måste vara ett portnummer, inte "${values.port}".`);
    return 2;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    console.error(`--format kan vara text eller json, inte "${values.format}".`);
    return 2;
  }
  const cacheDir = values['no-cache'] ? undefined : defaults.cacheDir;
  const replaceOut = values['replace-out'];
  try {
    if (command === 'build' || command === 'newsletter') {
      // refused before anything is built, so the editor does not wait for a build that cannot be written
      const unsafe = checkOutputDir(values.out, values.content);
      if (unsafe) {
        console.error(unsafe);
        return 2;
      }
      const { prepareOutputDir } = await import('../write/atomic.js');
      await prepareOutputDir(values.out, { replaceOut });
    }
    if (command === 'build') {
      const [{ build }, { formatFileSize }, { gmailClipBytes }, { progressLine }, { formatSummary }] = await Promise.all([
        import('../build.js'),
        import('../format/file-size.js'),
        import('../email/files.js'),
        import('../progress/progress-line.js'),
        import('../progress/summary.js'),
      ]);
      const progress = progressLine(process.stderr, process.env);
      const result = await build({
        contentDir: values.content,
        outDir: values.out,
        replaceOut,
        baseUrl,
        today,
        pdf: !values['no-pdf'],
        search: !values['no-search'],
        cacheDir,
        chromiumPath: process.env.VERKSAM_CHROMIUM || defaults.chromiumPath,
        onProgress: progress?.update,
      }).finally(() => progress?.clear());
      const pages = result.files.filter((file) => file.path.endsWith('.html')).length;
      const seconds = (result.milliseconds / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 2 });
      console.log(`verksam: ${pages} sidor skrevs till ${relative(process.cwd(), result.outDir) || '.'}/ på ${seconds} s.`);
      for (const pdf of result.pdfs) console.log(`verksam: ${pdf.path} (${formatFileSize(pdf.bytes)}) skrevs${pdf.reused ? ', återanvänd: inget den skrivs ut från har ändrats' : ''}.`);
      for (const notice of result.notices) console.error(notice);
      if (result.warnings.length > 0) console.error(formatWarnings(result.warnings));
      // a warning, not a failure: the web site is fine, but the email version must be shortened before it is sent
      for (const file of result.files) {
        const bytes = typeof file.contents === 'string' ? Buffer.byteLength(file.contents) : file.contents.byteLength;
        if (/^nyhetsbrev\/[^/]+\/email\.html$/.test(file.path) && bytes >= gmailClipBytes) {
          console.error(
            `verksam: varning: ${file.path} är ${formatFileSize(bytes)}; Gmail klipper meddelanden från ${gmailClipBytes / 1000} kB och döljer resten. Korta numret eller flytta artiklar till nästa.`,
          );
        }
      }
      console.log(formatSummary({ pages, unchangedPages: result.unchangedPages, search: result.search, pdfs: result.pdfs, warnings: result.warnings.length, milliseconds: result.milliseconds }));
      return 0;
    }
    if (command === 'check') {
      const { checkContent, jsonReport } = await import('../commands/check.js');
      const result = await checkContent({ contentDir: values.content, today, cacheDir });
      if (values.format === 'json') {
        const report = jsonReport(result.ok ? [] : result.messages, result.warnings);
        console.log(JSON.stringify(report, null, 2));
        return report.ok ? 0 : 1;
      }
      if (!result.ok) {
        console.error(formatProblemsAndWarnings(result.messages, result.warnings));
        return 1;
      }
      if (result.warnings.length > 0) console.error(formatWarnings(result.warnings));
      const { graph, files } = result.site;
      const pages = files.filter((file) => file.path.endsWith('.html')).length;
      console.log(
        `verksam: innehållet är giltigt och alla interna länkar fungerar (${graph.goals.length} mål, ${graph.projects.length} projekt, ${graph.news.length} ${graph.news.length === 1 ? 'nyhet' : 'nyheter'}, ${pages} ${pages === 1 ? 'sida' : 'sidor'}). Inget skrevs.`,
      );
      return 0;
    }
    if (command === 'new') return await newCommand(positionals.slice(1), values);
    if (command === 'init') return await initCommand(positionals.slice(1), values.verksam);
    if (command === 'import') return await importCommand(positionals.slice(1), values);
    if (command === 'newsletter') return await newsletterCli(positionals.slice(1), { contentDir: values.content, outDir: values.out, replaceOut, baseUrl, today });
    if (command === 'dev') return await devCommand(values.content, port, today, cacheDir);
    if (command === 'serve') return await serveCli(values.out, port, values.host);
  } catch (error) {
    if (error instanceof ContentError) {
      const untouched = command === 'build' || command === 'newsletter' ? ' Inget skrevs; den tidigare webbplatsen är orörd.' : '';
      console.error(formatMessages(error.messages) + untouched);
      return 1;
    }
    if (error instanceof OutputError) {
      console.error(error.message);
      return 2;
    }
    if (isMissingContentDir(error, values.content)) {
      console.error(`Innehållsmappen "${values.content}" finns inte; ange den med --content MAPP.`);
      return 2;
    }
    // the disk said no (full, read-only, a file where a folder should be): the editor's to fix, in a sentence
    const failure = describeFileSystemError(error);
    if (failure) {
      console.error(failure);
      return 2;
    }
    return internalError(error, command === 'check' && values.format === 'json');
  }
  return 2;
}

/** A bug, not the editor's doing: one sentence (and the stack with VERKSAM_DEBUG=1), exit code 3. */
function internalError(error: unknown, json: boolean): number {
  const sentence = describeInternalError(error);
  // an editing tool reading --format json gets an answer it can parse, whatever happened
  if (json) console.log(JSON.stringify({ ok: false, problems: [], warnings: [], error: { kind: 'internal', message: sentence } }, null, 2));
  const debug = process.env.VERKSAM_DEBUG && process.env.VERKSAM_DEBUG !== '0';
  console.error(debug && error instanceof Error && error.stack ? `${sentence}\n${error.stack}` : sentence);
  return 3;
}

function isMissingContentDir(error: unknown, contentDir: string): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  return code === 'ENOENT' && typeof path === 'string' && relative(contentDir, path) === '';
}
