import { readFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { NewRequest } from './commands/new.js';
import { defaults } from './config.js';
import { ContentError } from './content/problems.js';
import { describeFileSystemError } from './errors.js';
import { baseUrlProblem } from './format/base-url.js';
import { nearestWord } from './format/nearest-word.js';
import { ownPath } from './installation.js';
import { describeInternalError } from './internal-error.js';
import { formatMessages, formatProblemsAndWarnings, formatWarnings } from './report.js';
import { checkOutputDir } from './write/output-dir.js';
import { OutputError } from './write/output-error.js';

// Each command's own modules are imported when it runs: a bug in a template (a syntax error)
// then breaks the commands that render, with a sentence naming the template, never --help or new.

/*
 * Every command and every flag is described once, below; parsing, refusing a flag a command does
 * not take, and each command's help text are all made from these two tables, so the help can
 * never list a flag the command refuses or leave out one it takes. A new command is one entry in
 * `commands` (and its branch in `main`); a new flag is one entry in `options`.
 */

interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value is called in the help: MAPP, URL, ÅÅÅÅ-MM-DD. */
  value?: string;
  multiple?: boolean;
  short?: string;
  /** The value when the flag is not given. */
  default?: string;
  /** How the help says the default when it is not a plain value. */
  defaultText?: string;
  /** What the flag does, in Swedish. */
  text: string;
}

export const options = {
  content: { type: 'string', value: 'MAPP', default: defaults.contentDir, text: 'innehållsmappen' },
  out: {
    type: 'string',
    value: 'MAPP',
    default: defaults.outDir,
    text: 'utdatamappen, ersätts i sin helhet; en mapp med filer som verksam inte skrev ersätts bara med --replace-out',
  },
  'replace-out': { type: 'boolean', text: 'ersätt utdatamappen även om den har andra filer (aldrig innehålls-, arbets- eller hemmappen eller ett git-förråd)' },
  'base-url': { type: 'string', value: 'URL', defaultText: 'baseUrl i site.yaml', text: 'adressen webbplatsen publiceras på' },
  now: { type: 'string', value: 'ÅÅÅÅ-MM-DD', defaultText: 'dagens datum', text: 'gör som om dagens datum vore ÅÅÅÅ-MM-DD (vad som räknas som publicerat)' },
  'no-pdf': { type: 'boolean', text: `skapa ingen PDF av verksamhetsberättelsen (den kräver Chromium, ${defaults.chromiumPath} eller VERKSAM_CHROMIUM)` },
  'no-search': { type: 'boolean', text: 'bygg inget sökindex (snabbare; sökningen fungerar då inte)' },
  'no-cache': { type: 'boolean', text: `läs och skriv inte ${defaults.cacheDir}/, där tolkade filer och färdiga sidor sparas mellan byggen (mappen kan alltid tas bort)` },
  format: { type: 'string', value: 'FORMAT', default: 'text', text: 'json: problemen som JSON på standard ut, för redigeringsverktyg; text: för människor' },
  area: { type: 'string', value: 'OMRÅDE', multiple: true, defaultText: 'det första området', text: 'områdets namn, som filnamnet i omraden/ utan .md (t.ex. av-media); kan anges flera gånger för en nyhet' },
  year: { type: 'string', value: 'ÅR', text: 'verksamhetsberättelsens år, fyra siffror' },
  date: { type: 'string', value: 'ÅÅÅÅ-MM-DD', defaultText: 'dagens datum', text: 'datum att skriva i filen' },
  port: { type: 'string', value: 'PORT', default: '8080', text: 'porten; 0 väljer en ledig' },
  host: { type: 'string', value: 'ADRESS', default: '127.0.0.1', text: 'adressen servern lyssnar på; 0.0.0.0 visar webbplatsen för andra i nätverket' },
  kind: {
    type: 'string',
    value: 'TYP',
    defaultText: 'rapport om texten har rader som "Mål 1", annars nyheter',
    text: 'rapport eller nyheter: vad filen ska bli',
  },
  verksam: { type: 'string', value: 'KÄLLA', defaultText: 'verksams git-förråd, samma version', text: 'var webbplatsens package.json hämtar verksam (en git-adress, en version eller en .tgz-fil)' },
  help: { type: 'boolean', short: 'h', text: 'visar den här hjälpen' },
  version: { type: 'boolean', short: 'v', text: 'visar verksams version' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof options;
type ExitCode = 0 | 1 | 2 | 3;

export interface CommandSpec {
  /** What the command does, one Swedish sentence. */
  summary: string;
  /** Its arguments in the usage line, e.g. `<typ> "<titel>"`. */
  args?: string;
  /** The flags it takes besides --help; any other is refused. */
  flags: readonly OptionName[];
  /** A flag's meaning for this command, where it differs from the general one in `options`. */
  flagText?: Partial<Record<OptionName, string>>;
  /** More to know, printed after the flags. */
  details?: string;
  examples: readonly string[];
  /** The exit codes it can end with; the meaning is `exitMeaning`'s unless given here. */
  exits: Partial<Record<ExitCode, string | true>>;
}

const exitMeaning: Readonly<Record<ExitCode, string>> = {
  0: 'klart',
  1: 'innehållet har fel: rätta filerna som nämns',
  2: 'kommandot kunde inte köras som det angavs: okänd flagga, fel värde, en mapp som saknas, inte får ersättas eller inte går att skriva till',
  3: 'internt fel i verksam eller en mall, inte i innehållet (VERKSAM_DEBUG=1 visar detaljer)',
};

export const commands = {
  build: {
    summary: 'Bygger hela webbplatsen till utdatamappen, med sökindex och verksamhetsberättelsen som PDF.',
    flags: ['content', 'out', 'replace-out', 'base-url', 'now', 'no-pdf', 'no-search', 'no-cache'],
    details: 'Bygget skriver en helt ny utdatamapp eller lämnar den gamla orörd; innehållsfilerna ändras aldrig.',
    examples: ['verksam build', 'verksam build --base-url https://exempel.github.io/webbplats/', 'verksam build --no-pdf --out /tmp/webbplats'],
    exits: { 0: true, 1: true, 2: true, 3: true },
  },
  check: {
    summary: 'Kontrollerar innehållet och alla interna länkar utan att skriva något.',
    flags: ['content', 'format', 'now', 'no-cache'],
    examples: ['verksam check', 'verksam check --format json'],
    exits: { 0: 'innehållet är giltigt (varningar kan finnas)', 1: true, 2: true, 3: true },
  },
  new: {
    summary: 'Skapar en ny innehållsfil med platshållartext att ersätta.',
    args: '<typ> "<titel>"',
    flags: ['content', 'area', 'year', 'date'],
    details: `Typer:
  nyhet "Rubrik" [--area OMRÅDE …]         nyheter/<namn>.md, som utkast (draft: true)
  projekt "Namn" [--area OMRÅDE]           projekt/<namn>.md
  mal --year ÅR "Målet" [--area OMRÅDE]    verksamhetsberattelse/<år>/mal-<nr>.md, nästa lediga nummer
  rapport ÅR ["Titel"]                     verksamhetsberattelse/<år>/index.md
  omrade "Namn"                            omraden/<namn>.md, sist i ordningen
new skriver aldrig över en fil.`,
    examples: ['verksam new nyhet "Ny läsfrämjare anställd" --area skola', 'verksam new mal --year 2022 "Fler elever läser"', 'verksam new rapport 2022'],
    exits: { 0: true, 1: 'filen finns redan, eller innehållet behövs för att skapa den saknas (t.ex. området)', 2: true, 3: true },
  },
  dev: {
    summary: 'Förhandsvisar webbplatsen, med utkast, och uppdaterar sidan när du sparar en fil.',
    flags: ['content', 'port', 'now', 'no-cache'],
    flagText: { port: 'porten för förhandsvisningen; 0 väljer en ledig' },
    details: 'Förhandsvisningen visas på http://127.0.0.1:PORT/ tills du trycker Ctrl+C. Fel i innehållet visas på sidorna.',
    examples: ['verksam dev', 'verksam dev --port 8081'],
    exits: { 0: 'avslutad med Ctrl+C', 2: true, 3: true },
  },
  newsletter: {
    summary: 'Bygger webbplatsen och visar var nyhetsbrevets e-postfiler finns och hur stora de är.',
    args: '<namn>',
    flags: ['content', 'out', 'replace-out', 'base-url', 'now'],
    examples: ['verksam newsletter 2021-05'],
    exits: { 0: true, 1: 'innehållet har fel, eller e-postversionen är så stor att Gmail klipper den', 2: true, 3: true },
  },
  serve: {
    summary: 'Visar den byggda webbplatsen, med sökning, på en lokal adress så som den blir publicerad.',
    flags: ['out', 'port', 'host'],
    flagText: { out: 'mappen med den byggda webbplatsen' },
    details: `Kör verksam build först; serve bygger inget och visar inga utkast. En webbplats byggd för en
undermapp (--base-url https://exempel.github.io/webbplats/) visas under samma undermapp.`,
    examples: ['verksam build && verksam serve', 'verksam serve --port 8081', 'verksam serve --out /tmp/webbplats'],
    exits: { 0: 'avslutad med Ctrl+C', 2: 'mappen är ingen byggd webbplats, eller porten används redan', 3: true },
  },
  init: {
    summary: 'Startar en ny webbplats med exempelinnehåll i en ny eller tom mapp.',
    args: '[MAPP]',
    flags: ['verksam'],
    details: `Skriver content/ (site.yaml med kommentarer, meny, ett område, en verksamhetsberättelse med ett mål,
en nyhet och tillgänglighetsredogörelsen), package.json, .gitignore, publiceringsflödet och en README.
Allt innehåll är exempeltext som klarar alla kontroller; byt den mot er egen. Utan MAPP: den här mappen.
init skriver bara i en ny eller tom mapp och skriver aldrig över en fil.`,
    examples: ['verksam init min-webbplats', 'verksam init min-webbplats --verksam ../verksam-0.1.0.tgz'],
    exits: { 0: true, 2: 'mappen är inte tom, är en fil eller går inte att skriva till', 3: true },
  },
  import: {
    summary: 'Gör innehållsfiler av ett Word-dokument (.docx) eller en textfil: en verksamhetsberättelse eller ett nyhetsarkiv.',
    args: '<fil>',
    flags: ['content', 'kind', 'year'],
    flagText: { year: 'verksamhetsberättelsens år, fyra siffror (standard: året på dokumentets första rad)' },
    details: `Skriver aldrig över en fil. Skriver ut en flyttrapport: vad du behöver fylla i (datum, områden,
bedömningar) och vad som ser trasigt ut i källan (hopskrivna ord, talstreck, länktexter som "klicka här").`,
    examples: ['verksam import verksamhetsberattelse-2019.docx', 'verksam import nyhetsarkiv.txt --kind nyheter'],
    exits: {
      0: true,
      1: 'det finns redan en verksamhetsberättelse för året, eller innehållet som behövs saknas',
      2: 'filen saknas eller går inte att läsa som angivet (t.ex. en .doc eller en lösenordsskyddad fil)',
      3: true,
    },
  },
  help: {
    summary: 'Visar hjälpen för ett kommando.',
    args: '[kommando]',
    flags: [],
    examples: ['verksam help build'],
    exits: { 0: true, 2: 'okänt kommando' },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commands;

const isCommand = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** The flags a command accepts: its own and --help. */
export function flagsOf(command: CommandName): readonly OptionName[] {
  return [...(commands[command] as CommandSpec).flags, 'help'];
}

/** Swedish words an editor may reach for first. */
const synonyms: Readonly<Record<string, CommandName>> = {
  bygg: 'build',
  bygga: 'build',
  kontrollera: 'check',
  kolla: 'check',
  ny: 'new',
  skapa: 'new',
  nyhetsbrev: 'newsletter',
  visa: 'serve',
  starta: 'init',
  importera: 'import',
  server: 'serve',
  förhandsvisa: 'dev',
  hjälp: 'help',
};

const flagLabel = (name: OptionName) => {
  const spec: OptionSpec = options[name];
  return `${'short' in spec && spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
};

const flagMeaning = (command: CommandSpec, name: OptionName) => {
  const spec: OptionSpec = options[name];
  const text = command.flagText?.[name] ?? spec.text;
  const fallback = spec.defaultText ?? spec.default;
  return fallback === undefined ? text : `${text} (standard: ${fallback})`;
};

/** "  label   text", the texts lined up in one column. */
function columns(rows: readonly (readonly [string, string])[], indent = '  '): string {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, text]) => `${indent}${label.padEnd(width)}${text}`).join('\n');
}

const indented = (text: string) => text.replace(/^/gm, '  ');

function exitLines(exits: CommandSpec['exits']): string {
  const codes = (Object.keys(exits) as `${ExitCode}`[]).map(Number) as ExitCode[];
  return columns(codes.map((code) => [String(code), exits[code] === true ? exitMeaning[code] : (exits[code] as string)]));
}

/** `verksam <command> --help`. */
export function commandHelp(name: CommandName): string {
  const command: CommandSpec = commands[name];
  const flags = flagsOf(name);
  const synopsis = ['verksam', name, ...(command.args ? [command.args] : []), ...flags.filter((flag) => flag !== 'help').map((flag) => `[${flagLabel(flag).replace(/^-\w, /, '')}]`)];
  return [
    `verksam ${name}: ${command.summary}`,
    '',
    'Användning:',
    indented(synopsis.join(' ')),
    '',
    'Flaggor:',
    columns(flags.map((flag) => [flagLabel(flag), flagMeaning(command, flag)])),
    ...(command.details ? ['', command.details] : []),
    '',
    'Exempel:',
    indented(command.examples.join('\n')),
    '',
    'Slutkoder:',
    exitLines(command.exits),
  ].join('\n');
}

/** `verksam --help`: every command in a line. */
export function generalHelp(): string {
  const rows = (Object.keys(commands) as CommandName[]).map((name) => [name, (commands[name] as CommandSpec).summary] as const);
  return [
    `verksam ${version()}: bygger webbplatsen för verksamhetsberättelser, projekt, nyheter och nyhetsbrev.`,
    '',
    'Användning:',
    '  verksam <kommando> [flaggor]',
    '',
    'Kommandon:',
    columns(rows),
    '',
    'Flaggor:',
    columns((['help', 'version'] as const).map((flag) => [flagLabel(flag), options[flag].text])),
    '',
    'verksam <kommando> --help (eller verksam help <kommando>) visar ett kommandos flaggor, exempel och slutkoder.',
    '',
    'Slutkoder:',
    exitLines({ 0: true, 1: true, 2: true, 3: true }),
  ].join('\n');
}

/** verksam's own version, from the package.json beside its sources, wherever it is run from. */
export function version(): string {
  const file = ownPath('package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Why `token` cannot be given to `command`, as a sentence; undefined when it can. */
function flagProblem(command: CommandName, token: { name: string; rawName: string; value?: string; inlineValue?: boolean }): string | undefined {
  const accepted = flagsOf(command);
  const see = `verksam ${command} --help visar dess flaggor.`;
  if (!(accepted as readonly string[]).includes(token.name)) {
    const known = Object.hasOwn(options, token.name);
    const guess = known ? undefined : nearestWord(token.name, accepted);
    return `Flaggan ${token.rawName} ${known ? 'gäller inte för' : 'finns inte för'} "verksam ${command}".${guess ? ` Menade du --${guess}?` : ''} ${see}`;
  }
  const spec: OptionSpec = options[token.name as OptionName];
  if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
    return `Flaggan ${token.rawName} behöver ett värde, t.ex. ${token.rawName} ${spec.value}. ${see}`;
  }
  if (spec.type === 'boolean' && token.inlineValue) return `Flaggan ${token.rawName} tar inget värde; skriv bara ${token.rawName}.`;
  return undefined;
}

const seeHelp = (command: CommandName) => `verksam ${command} --help visar hur kommandot används.`;

/** "Okänt kommando", with the likeliest meant one. */
function unknownCommand(name: string): string {
  const names = Object.keys(commands);
  const guess = synonyms[name.toLowerCase()] ?? nearestWord(name, names);
  return `Okänt kommando "${name}".${guess ? ` Menade du ${guess}?` : ''} Kommandona är ${names.join(', ')}; verksam --help visar vad de gör.`;
}

type ParsedValues = {
  [K in OptionName]: (typeof options)[K] extends { multiple: true } ? string[] : (typeof options)[K] extends { type: 'boolean' } ? boolean : string;
};
type Values = Omit<ParsedValues, 'base-url' | 'now' | 'year' | 'date' | 'kind' | 'verksam'> & {
  'base-url'?: string;
  now?: string;
  year?: string;
  date?: string;
  kind?: string;
  verksam?: string;
};

const parseConfig = (names: readonly OptionName[]) =>
  Object.fromEntries(
    names.map((name) => {
      const spec: OptionSpec = options[name];
      return [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) }];
    }),
  );

/** The value of every flag, the given ones over the defaults. */
function withDefaults(given: Record<string, unknown>): Values {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(options) as [OptionName, OptionSpec][]) {
    values[name] = spec.multiple ? [] : spec.type === 'boolean' ? false : spec.default;
  }
  for (const [name, value] of Object.entries(given)) if (value !== undefined) values[name] = value;
  return values as Values;
}

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
    if (date !== undefined && !(await import('./content/schemas.js')).calendarDate.safeParse(date).success) {
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
      const { prepareOutputDir } = await import('./write/atomic.js');
      await prepareOutputDir(values.out, { replaceOut });
    }
    if (command === 'build') {
      const [{ build }, { formatFileSize }, { gmailClipBytes }, { progressLine }, { formatSummary }] = await Promise.all([
        import('./build.js'),
        import('./format/file-size.js'),
        import('./email/files.js'),
        import('./progress/progress-line.js'),
        import('./progress/summary.js'),
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
      const { checkContent, jsonReport } = await import('./commands/check.js');
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

/** `verksam new <typ> "<titel>"`, `verksam new rapport <år> ["<titel>"]`. */
async function newCommand(args: readonly string[], values: { content: string; area: string[]; year?: string; date?: string }): Promise<number> {
  const [{ createNewFile, isNewType, newTypes }, { todayInSweden }] = await Promise.all([import('./commands/new.js'), import('./format/dates.js')]);
  const [type, ...rest] = args;
  if (!type || !isNewType(type)) {
    console.error(`${type ? `Okänd typ "${type}"` : 'Ange vad som ska skapas'} för verksam new; välj en av: ${newTypes.join(', ')}.\n${seeHelp('new')}`);
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

/** `verksam init [MAPP]`: a new site in a new or empty folder. */
async function initCommand(args: readonly string[], verksamSource: string | undefined): Promise<number> {
  if (args.length > 1) {
    console.error(`Ange en mapp, t.ex. verksam init ${args[0]}.\n${seeHelp('init')}`);
    return 2;
  }
  const [{ initSite }, { todayInSweden }] = await Promise.all([import('./commands/init.js'), import('./format/dates.js')]);
  const outcome = await initSite({ dir: args[0] ?? '.', cwd: process.cwd(), today: todayInSweden(), verksamSource });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  const enter = outcome.dir === '.' ? '' : `cd ${outcome.dir} && `;
  console.log(
    [
      `verksam: en ny webbplats skrevs i ${outcome.dir}/ (${outcome.files.length} filer). Texterna är exempel: byt dem mot era egna.`,
      `Nästa steg: ${enter}npm install && npm run build`,
    ].join('\n'),
  );
  return 0;
}

/** `verksam import <fil> [--kind rapport|nyheter] [--year ÅR]`: the migration report on standard out. */
async function importCommand(args: readonly string[], values: { content: string; kind?: string; year?: string }): Promise<number> {
  const [{ importFile, isImportKind, importKinds }, { todayInSweden }] = await Promise.all([import('./commands/import.js'), import('./format/dates.js')]);
  if (args.length !== 1) {
    console.error(`${args.length === 0 ? 'Ange filen som ska importeras' : 'Ange en fil i taget'}, t.ex. verksam import verksamhetsberattelse-2019.docx.\n${seeHelp('import')}`);
    return 2;
  }
  if (values.kind !== undefined && !isImportKind(values.kind)) {
    console.error(`--kind kan vara ${importKinds.join(' eller ')}, inte "${values.kind}".`);
    return 2;
  }
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
    console.error(`Året skrivs med fyra siffror, t.ex. 2021, inte "${values.year}".`);
    return 2;
  }
  const outcome = await importFile({
    file: args[0]!,
    contentDir: values.content,
    cwd: process.cwd(),
    kind: values.kind as 'rapport' | 'nyheter' | undefined,
    year: values.year === undefined ? undefined : Number(values.year),
    today: todayInSweden(),
  });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  console.log(outcome.report);
  return 0;
}

/** `verksam newsletter <namn>`: builds, then where the issue's email files are and their sizes. */
async function newsletterCli(
  args: readonly string[],
  options: { contentDir: string; outDir: string; replaceOut: boolean; baseUrl?: string; today?: string },
): Promise<number> {
  const { formatNewsletterReport, newsletterCommand } = await import('./commands/newsletter.js');
  if (args.length > 1) {
    console.error(`Ange ett nyhetsbrev i taget, t.ex. verksam newsletter ${args[0]}.\n${seeHelp('newsletter')}`);
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

/** `verksam serve`: shows the built site until Ctrl+C. */
async function serveCli(outDir: string, port: number, host: string): Promise<number> {
  const { serveCommand } = await import('./commands/serve.js');
  const outcome = await serveCommand({ outDir, port, host });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  console.log(`verksam: webbplatsen i ${outDir}/ visas på ${outcome.server.url} (Ctrl+C avslutar)`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await outcome.server.close();
  return 0;
}

function isMissingContentDir(error: unknown, contentDir: string): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  return code === 'ENOENT' && typeof path === 'string' && relative(contentDir, path) === '';
}

