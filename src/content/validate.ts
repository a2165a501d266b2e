import type { VFileMessage } from 'vfile-message';
import type { z } from 'zod';
import type { RuleId } from '../errors.js';
import type { FieldPath, FrontMatter } from './front-matter.js';
import { problem } from './problems.js';

/** Swedish words editors are likely to type for our English field names. */
const synonyms: Record<string, string> = {
  titel: 'title',
  rubrik: 'title',
  datum: 'date',
  omrade: 'area',
  område: 'area',
  omraden: 'areas',
  områden: 'areas',
  ingress: 'lead',
  sammanfattning: 'summary',
  projekt: 'projects',
  utkast: 'draft',
  nummer: 'number',
  ordning: 'order',
  kontakt: 'contact',
  webbplats: 'website',
  finansiering: 'funding',
  partner: 'partners',
  mal: 'statement',
  mål: 'statement',
  nyckeltal: 'keyFigures',
  publicerad: 'published',
};

/** The closest allowed field name, by synonym or edit distance, for a "did you mean" hint. */
export function suggestField(unknown: string, allowed: readonly string[]): string | undefined {
  const synonym = synonyms[unknown.toLowerCase()];
  if (synonym && allowed.includes(synonym)) return synonym;
  // "omrade" on a news item, whose field is the plural "areas"
  if (synonym && allowed.includes(`${synonym}s`)) return `${synonym}s`;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(unknown.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(unknown.length / 3)) ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function formatPath(path: FieldPath): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'inget värde';
  if (value === null) return 'ett tomt värde';
  if (Array.isArray(value)) return 'en lista';
  if (typeof value === 'object') return 'en grupp av fält';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

const typeNames: Record<string, string> = {
  string: 'en text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'en grupp av fält',
};

/** The schema's allowed keys at a path, for "did you mean" on unknown keys. */
function allowedKeys(schema: z.ZodType, path: FieldPath): string[] {
  const unwrap = (value: unknown): Record<string, unknown> | undefined => {
    let def = (value as { def?: Record<string, unknown> } | undefined)?.def;
    while (def && ['optional', 'default', 'nullable', 'pipe'].includes(def.type as string)) {
      def = ((def.innerType ?? def.in) as { def?: Record<string, unknown> } | undefined)?.def;
    }
    return def;
  };
  let current: unknown = schema;
  for (const part of [...path, '']) {
    const def = unwrap(current);
    if (!def) return [];
    const type = def.type as string;
    if (part === '') return type === 'object' ? Object.keys(def.shape as object) : [];
    if (type === 'object') current = (def.shape as Record<string, unknown>)[part as string];
    else if (type === 'array') current = def.element;
    else return [];
  }
  return [];
}

/**
 * Checks front matter against a schema and turns every zod issue into a located message:
 * file:line:column, the field, what was found and what was expected.
 */
export function validateFrontMatter<Schema extends z.ZodType>(
  file: string,
  frontMatter: FrontMatter,
  schema: Schema,
): { value: z.output<Schema>; messages: [] } | { value?: undefined; messages: VFileMessage[] } {
  const result = schema.safeParse(frontMatter.data ?? {});
  if (result.success) return { value: result.data, messages: [] };
  const messages: VFileMessage[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path);
      for (const key of issue.keys) {
        const suggestion = suggestField(key, allowed);
        const field = formatPath([...path, key]);
        const hint = suggestion ? ` Menade du "${formatPath([...path, suggestion])}"?` : ` Tillåtna fält: ${allowed.join(', ')}.`;
        messages.push(
          problem(file, 'unknown-field', `Okänt fält "${field}".${hint}`, frontMatter.locate([...path, key], { key: true })),
        );
      }
      continue;
    }
    const found = valueAt(frontMatter.data, path);
    const field = formatPath(path) || '(front matter)';
    let rule: RuleId = 'invalid-value';
    let expected = issue.message;
    if (issue.code === 'invalid_type') {
      if (found === undefined) rule = 'missing-field';
      expected = `förväntat ${typeNames[issue.expected] ?? issue.expected}`;
    } else if (issue.code === 'invalid_value') {
      expected = `förväntat ett av: ${issue.values.map((value) => String(value)).join(', ')}`;
    } else if (issue.code === 'custom' && (issue.params as { rule?: RuleId } | undefined)?.rule) {
      rule = (issue.params as { rule: RuleId }).rule;
    }
    const reason =
      rule === 'missing-field'
        ? `Fältet "${field}" saknas (${expected}).`
        : `Fältet "${field}": hittade ${describe(found)}; ${expected}.`;
    messages.push(problem(file, rule, reason, frontMatter.locate(path)));
  }
  return { messages };
}
