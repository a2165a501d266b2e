// The help texts, made from the table of commands and flags (table.ts), and verksam's version.
import { readFileSync } from 'node:fs';
import { nearestWord } from '../format/nearest-word.js';
import { ownPath } from '../installation.js';
import { commands, exitMeaning, flagsOf, options, synonyms, type CommandName, type CommandSpec, type ExitCode, type OptionName, type OptionSpec } from './table.js';

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

export const seeHelp = (command: CommandName) => `verksam ${command} --help visar hur kommandot används.`;

/** "Okänt kommando", with the likeliest meant one. */
export function unknownCommand(name: string): string {
  const names = Object.keys(commands);
  const guess = synonyms[name.toLowerCase()] ?? nearestWord(name, names);
  return `Okänt kommando "${name}".${guess ? ` Menade du ${guess}?` : ''} Kommandona är ${names.join(', ')}; verksam --help visar vad de gör.`;
}
