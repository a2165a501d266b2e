// The command line's flags, checked against the table (table.ts) and filled in with their defaults.
import { nearestWord } from '../format/nearest-word.js';
import { flagsOf, options, type CommandName, type OptionName, type OptionSpec } from './table.js';

/** Why `token` cannot be given to `command`, as a sentence; undefined when it can. */
export function flagProblem(command: CommandName, token: { name: string; rawName: string; value?: string; inlineValue?: boolean }): string | undefined {
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

export const parseConfig = (names: readonly OptionName[]) =>
  Object.fromEntries(
    names.map((name) => {
      const spec: OptionSpec = options[name];
      return [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) }];
    }),
  );

/** The value of every flag, the given ones over the defaults. */
export function withDefaults(given: Record<string, unknown>): Values {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(options) as [OptionName, OptionSpec][]) {
    values[name] = spec.multiple ? [] : spec.type === 'boolean' ? false : spec.default;
  }
  for (const [name, value] of Object.entries(given)) if (value !== undefined) values[name] = value;
  return values as Values;
}
