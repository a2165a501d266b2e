// The table of every command and flag of `verksam`.
import { defaults } from '../config.js';

/*
 * Every command and every flag is described once, below; parsing, refusing a flag a command does
 * not take, and each command's help text are all made from these two tables, so the help can
 * never list a flag the command refuses or leave out one it takes. A new command is one entry in
 * `commands` (and its branch in main.ts); a new flag is one entry in `options`.
 */

export interface OptionSpec {
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
export type ExitCode = 0 | 1 | 2 | 3;

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

export const exitMeaning: Readonly<Record<ExitCode, string>> = {
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

export const isCommand = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** The flags a command accepts: its own and --help. */
export function flagsOf(command: CommandName): readonly OptionName[] {
  return [...(commands[command] as CommandSpec).flags, 'help'];
}

/** Swedish words an editor may reach for first. */
export const synonyms: Readonly<Record<string, CommandName>> = {
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
