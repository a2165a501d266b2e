import { access } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { NewRequest } from './commands/new.js';
import { defaults } from './config.js';
import { ContentError } from './content/problems.js';
import { calendarDate } from './content/schemas.js';
import { describeFileSystemError } from './errors.js';
import { baseUrlProblem } from './format/base-url.js';
import { describeInternalError } from './internal-error.js';
import { formatMessages, formatWarnings } from './report.js';
import { checkOutputDir } from './write/output-dir.js';
import { OutputError } from './write/output-error.js';

// Each command's own modules are imported when it runs: a bug in a template (a syntax error)
// then breaks the commands that render, with a sentence naming the template, never --help or new.

const usage = `Användning:
  verksam build [--content MAPP] [--out MAPP] [--replace-out] [--base-url URL] [--now ÅÅÅÅ-MM-DD]
                [--no-pdf] [--no-search] [--no-cache]
                                                                 bygger webbplatsen, med verksamhetsberättelsen som PDF
  verksam check [--content MAPP] [--format json]                 kontrollerar innehåll och länkar utan att skriva något
  verksam new <typ> "<titel>" [--area OMRÅDE] [--content MAPP]   skapar en ny innehållsfil som går att bygga direkt
  verksam dev [--content MAPP] [--port 8080]                     förhandsvisning som uppdateras när du sparar
  verksam newsletter <namn> [--content MAPP] [--out MAPP] [--base-url URL] [--now ÅÅÅÅ-MM-DD]
                                                                 bygger webbplatsen och visar nyhetsbrevets e-postfiler och storlek

  Typer för new:
    nyhet "Rubrik" [--area OMRÅDE …]         nyheter/<namn>.md, som utkast (draft: true)
    projekt "Namn" [--area OMRÅDE]           projekt/<namn>.md
    mal --year ÅR "Målet" [--area OMRÅDE]    verksamhetsberattelse/<år>/mal-<nr>.md, nästa lediga nummer
    rapport ÅR ["Titel"]                     verksamhetsberattelse/<år>/index.md
    omrade "Namn"                            omraden/<namn>.md, sist i ordningen
  Utan --area får ett projekt eller mål det första området; new skriver aldrig över en fil.

  --content   innehållsmappen (standard: ${defaults.contentDir})
  --out       utdatamappen, ersätts i sin helhet (standard: ${defaults.outDir}); en mapp med filer som
              verksam inte skrev ersätts bara med --replace-out
  --replace-out  ersätt utdatamappen även om den har andra filer (aldrig innehålls-, arbets- eller
              hemmappen eller ett git-förråd)
  --base-url  adressen webbplatsen publiceras på (standard: baseUrl i site.yaml)
  --format    json: problemen som JSON på standard ut, för redigeringsverktyg (standard: text)
  --area      områdets namn, som filnamnet i omraden/ utan .md (t.ex. av-media)
  --year      året för verksamhetsberättelsen
  --date      datum i stället för dagens, ÅÅÅÅ-MM-DD
  --port      porten för förhandsvisningen (standard: 8080)
  --now       gör som om dagens datum vore ÅÅÅÅ-MM-DD (vad som räknas som publicerat)
  --no-pdf    skapa ingen PDF av verksamhetsberättelsen (den kräver Chromium, ${defaults.chromiumPath}
              eller VERKSAM_CHROMIUM)
  --no-search bygg inget sökindex (snabbare; sökningen fungerar då inte)
  --no-cache  läs och skriv inte ${defaults.cacheDir}/, där tolkade filer och färdiga sidor sparas
              mellan byggen (mappen kan alltid tas bort)

  Slutkoder:
    0  klart
    1  innehållet har fel: rätta filerna som nämns
    2  kommandot kunde inte köras som det angavs: okänd flagga, fel värde, en mapp som saknas,
       inte får ersättas eller inte går att skriva till
    3  internt fel i verksam eller en mall, inte i innehållet (VERKSAM_DEBUG=1 visar detaljer)`;

/** The options each command takes; any other is a wrong argument. */
const commandOptions: Readonly<Record<string, readonly string[]>> = {
  build: ['content', 'out', 'replace-out', 'base-url', 'now', 'no-pdf', 'no-search', 'no-cache'],
  check: ['content', 'format', 'now', 'no-cache'],
  dev: ['content', 'port', 'now', 'no-cache'],
  new: ['content', 'area', 'year', 'date'],
  newsletter: ['content', 'out', 'replace-out', 'base-url', 'now'],
};

/** argv → command; the only place that prints or decides exit codes (0 ok, 1 content, 2 command, 3 bug; see usage). */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      tokens: true,
      options: {
        content: { type: 'string', default: defaults.contentDir },
        out: { type: 'string', default: defaults.outDir },
        'replace-out': { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        'no-pdf': { type: 'boolean', default: false },
        'no-search': { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        area: { type: 'string', multiple: true, default: [] },
        year: { type: 'string' },
        date: { type: 'string' },
        port: { type: 'string', default: '8080' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals, tokens } = parsed;
  const [command] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const allowed = commandOptions[command];
  const misplaced = allowed && tokens.find((token) => token.kind === 'option' && token.name !== 'help' && !allowed.includes(token.name));
  if (misplaced && misplaced.kind === 'option') {
    console.error(`Flaggan ${misplaced.rawName} gäller inte för "verksam ${command}".\n\n${usage}`);
    return 2;
  }
  const baseUrl = values['base-url'];
  const urlProblem = baseUrl === undefined ? undefined : baseUrlProblem(baseUrl);
  if (urlProblem) {
    console.error(`--base-url: ${urlProblem}.`);
    return 2;
  }
  const today = values.now;
  for (const [flag, date] of [['--now', today], ['--date', values.date]] as const) {
    if (date !== undefined && !calendarDate.safeParse(date).success) {
      console.error(`${flag} ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD (t.ex. 2021-05-05), inte "${date}".`);
      return 2;
    }
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
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
      const { prepareOutputDir } = await import('./write/atomic.js');
      await prepareOutputDir(values.out, { replaceOut });
    }
    if (command === 'build') {
      const [{ build }, { formatFileSize }, { gmailClipBytes }] = await Promise.all([import('./build.js'), import('./format/file-size.js'), import('./email/files.js')]);
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
      });
      const pages = result.files.filter((file) => file.path.endsWith('.html')).length;
      const seconds = (result.milliseconds / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 2 });
      console.log(`verksam: ${pages} sidor skrevs till ${relative(process.cwd(), result.outDir) || '.'}/ på ${seconds} s.`);
      for (const pdf of result.pdfs) console.log(`verksam: ${pdf.path} (${formatFileSize(pdf.bytes)}) skrevs${pdf.reused ? ', återanvänd: inget den skrivs ut från har ändrats' : ''}.`);
      for (const notice of result.notices) console.error(notice);
      // a warning, not a failure: the web site is fine, but the email version must be shortened before it is sent
      for (const file of result.files) {
        const bytes = typeof file.contents === 'string' ? Buffer.byteLength(file.contents) : file.contents.byteLength;
        if (/^nyhetsbrev\/[^/]+\/email\.html$/.test(file.path) && bytes >= gmailClipBytes) {
          console.error(
            `verksam: varning: ${file.path} är ${formatFileSize(bytes)}; Gmail klipper meddelanden från ${gmailClipBytes / 1000} kB och döljer resten. Korta numret eller flytta artiklar till nästa.`,
          );
        }
      }
      return 0;
    }
    if (command === 'check') {
      const { checkContent, jsonReport } = await import('./commands/check.js');
      const result = await checkContent({ contentDir: values.content, today, cacheDir });
      if (values.format === 'json') {
        const report = result.ok ? jsonReport([], result.warnings) : jsonReport(result.messages);
        console.log(JSON.stringify(report, null, 2));
        return report.ok ? 0 : 1;
      }
      if (!result.ok) {
        console.error(formatMessages(result.messages));
        return 1;
      }
      if (result.warnings.length > 0) console.error(formatWarnings(result.warnings));
      const { graph, files } = result.site;
      const pages = files.filter((file) => file.path.endsWith('.html')).length;
      console.log(
        `verksam: innehållet är giltigt och alla interna länkar fungerar (${graph.goals.length} mål, ${graph.projects.length} projekt, ${graph.news.length} nyheter, ${pages} sidor). Inget skrevs.`,
      );
      return 0;
    }
    if (command === 'new') return await newCommand(positionals.slice(1), values);
    if (command === 'newsletter') return await newsletterCli(positionals.slice(1), { contentDir: values.content, outDir: values.out, replaceOut, baseUrl, today });
    if (command === 'dev') return await devCommand(values.content, port, today, cacheDir);
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
  console.error(`Okänt kommando "${command}".\n\n${usage}`);
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

/** `verksam new <typ> "<titel>"`, `verksam new rapport <år> ["<titel>"]`. */
async function newCommand(args: readonly string[], values: { content: string; area: string[]; year?: string; date?: string }): Promise<number> {
  const [{ createNewFile, isNewType, newTypes }, { todayInSweden }] = await Promise.all([import('./commands/new.js'), import('./format/dates.js')]);
  const [type, ...rest] = args;
  if (!type || !isNewType(type)) {
    console.error(`${type ? `Okänd typ "${type}"` : 'Ange vad som ska skapas'} för verksam new; välj en av: ${newTypes.join(', ')}.\n\n${usage}`);
    return 2;
  }
  let year = values.year;
  if (type === 'rapport' && rest.length > 0 && /^\d+$/.test(rest[0]!)) {
    if (year !== undefined && year !== rest[0]) {
      console.error(`Två olika år angavs: ${rest[0]} och --year ${year}.`);
      return 2;
    }
    year = rest.shift();
  }
  if (rest.length > 1) {
    console.error(`För många ord: skriv titeln inom citattecken, t.ex. verksam new ${type} "${rest.join(' ')}".`);
    return 2;
  }
  if (year !== undefined && !/^\d{4}$/.test(year)) {
    console.error(`Året skrivs med fyra siffror, t.ex. 2021, inte "${year}".`);
    return 2;
  }
  const request: NewRequest = {
    type,
    title: rest[0],
    areas: values.area,
    year: year === undefined ? undefined : Number(year),
    date: values.date ?? todayInSweden(),
  };
  const outcome = await createNewFile(request, { contentDir: values.content, cwd: process.cwd() });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  console.log([`verksam: skapade ${outcome.path}`, ...outcome.notes.map((note) => `  ${note}`), 'Öppna filen och skriv texten; kör npm run check.'].join('\n'));
  return 0;
}

/** `verksam newsletter <namn>`: builds, then where the issue's email files are and their sizes. */
async function newsletterCli(
  args: readonly string[],
  options: { contentDir: string; outDir: string; replaceOut: boolean; baseUrl?: string; today?: string },
): Promise<number> {
  const { formatNewsletterReport, newsletterCommand } = await import('./commands/newsletter.js');
  if (args.length > 1) {
    console.error(`Ange ett nyhetsbrev i taget, t.ex. verksam newsletter ${args[0]}.\n\n${usage}`);
    return 2;
  }
  const outcome = await newsletterCommand({ slug: args[0], ...options });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  const report = formatNewsletterReport(outcome);
  console.log(report.out.join('\n'));
  if (report.err.length > 0) console.error(report.err.join('\n'));
  return outcome.code;
}

/** `verksam dev`: runs until Ctrl+C. */
async function devCommand(contentDir: string, port: number, today: string | undefined, cacheDir: string | undefined): Promise<number> {
  await access(contentDir).catch(() => {
    throw Object.assign(new Error(contentDir), { code: 'ENOENT', path: resolve(contentDir) });
  });
  const { startDev } = await import('./dev/dev.js');
  let server;
  try {
    server = await startDev({ contentDir, port, host: '127.0.0.1', cwd: process.cwd(), today, cacheDir, log: (line) => console.log(line) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.error(`Porten ${port} används redan, kanske av en annan förhandsvisning. Stäng den, eller välj en annan port: npm run dev -- --port ${port + 1}`);
    return 2;
  }
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  return 0;
}

function isMissingContentDir(error: unknown, contentDir: string): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  return code === 'ENOENT' && typeof path === 'string' && relative(contentDir, path) === '';
}

process.exitCode = await main(process.argv.slice(2));
