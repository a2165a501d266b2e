import type { Root, Text } from 'hast';
import { eachNode } from '../markdown/walk.js';
import type { FieldPath } from './front-matter.js';
import type { Point } from './problems.js';

/*
 * The placeholder texts that `verksam new` (and `verksam init`) write where the editor has not
 * said anything yet, and how to find them again: one catalogue, so what is written and what is
 * refused can never drift apart. Placeholder text must never be published.
 *
 * The rule: text holds a placeholder when it contains the placeholder's opening words (for
 * example "Skriv ingressen här"), in any letter case and with any whitespace between the words
 * (a line wrapped in the editor, a double space). The rest of the sentence may have been
 * changed: as long as the opening words stand, the placeholder was not replaced. A few short
 * placeholders whose words could be real text ("Skriv en kommentar.") count only when they are
 * the whole value of a field.
 */

export interface Placeholder {
  /** The text as written (for a section of the organisation's own, with the section's name). */
  text: string;
  /** The words that identify the placeholder, as messages quote them. */
  opening: string;
  /** What to write instead: a sentence for the message. */
  instead: string;
  /** Matches the placeholder in a text (global, case-insensitive). */
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The opening's words with any whitespace between them, not inside another word ("Beskriv" is not "skriv"). */
const openingPattern = (opening: string) => new RegExp(`(?<![\\p{L}\\p{N}])${opening.trim().split(/\s+/).map(escape).join('\\s+')}`, 'giu');

/** A placeholder that counts only as a field's whole value (give or take the final full stop). */
const wholePattern = (text: string) => new RegExp(`^\\s*${text.replace(/\.$/, '').trim().split(/\s+/).map(escape).join('\\s+')}\\.?\\s*$`, 'giu');

const placeholder = (text: string, opening: string, instead: string): Placeholder => ({ text, opening, instead, pattern: openingPattern(opening) });

export const placeholders = {
  lead: placeholder(
    'Skriv ingressen här: en eller två meningar som sammanfattar nyheten.',
    'Skriv ingressen här',
    'Skriv en eller två meningar som sammanfattar nyheten; de visas överst på sidan och i listan över nyheter.',
  ),
  newsBody: placeholder(
    'Skriv nyhetens text här. Ingressen står i fältet lead ovanför.',
    'Skriv nyhetens text här',
    'Skriv nyhetens text, det som följer efter ingressen.',
  ),
  projectSummary: placeholder('Skriv en mening om vad projektet gör.', 'Skriv en mening om vad projektet gör', 'Skriv en mening om vad projektet gör; den visas i listan över projekt.'),
  projectBody: placeholder(
    'Beskriv projektet här: bakgrund, syfte, vilka som deltar och vad det ska leda till.',
    'Beskriv projektet här',
    'Beskriv projektet: bakgrund, syfte, vilka som deltar och vad det ska leda till.',
  ),
  reportBody: placeholder(
    'Skriv inledningen till verksamhetsberättelsen här.',
    'Skriv inledningen till verksamhetsberättelsen här',
    'Skriv inledningen till verksamhetsberättelsen: året i korthet.',
  ),
  areaSummary: placeholder('Skriv en mening om vad området arbetar med.', 'Skriv en mening om vad området arbetar med', 'Skriv en mening om vad området arbetar med; den visas i listan över områden.'),
  areaBody: placeholder('Beskriv området här.', 'Beskriv området här', 'Beskriv området: vad det arbetar med och för vem.'),
  /** A goal's sections by their slug; a section of the organisation's own gets `goalSection`. */
  goalSections: {
    aktiviteter: placeholder('Skriv vad som gjordes för att nå målet.', 'Skriv vad som gjordes för att nå målet', 'Skriv vad som gjordes under året för att nå målet.'),
    indikatorer: placeholder('Skriv hur måluppfyllelsen mäts.', 'Skriv hur måluppfyllelsen mäts', 'Skriv hur måluppfyllelsen mäts, eller ta bort avsnittet om målets indikatorer står i front matter.'),
    uppfoljning: placeholder('Skriv hur det gick och vad som följs upp.', 'Skriv hur det gick och vad som följs upp', 'Skriv hur det gick och vad som följs upp.'),
  } as Readonly<Record<string, Placeholder>>,
  /** The placeholder of a goal section named `title`; found whatever the section is called. */
  goalSection: (title: string): Placeholder => ({
    text: `Skriv avsnittet ${title} här.`,
    opening: 'Skriv avsnittet … här',
    instead: 'Skriv avsnittets text, eller ta bort avsnittet om site.yaml inte kräver det.',
    pattern: /(?<![\p{L}\p{N}])skriv\s+avsnittet\s+[^.]{1,100}?\s+här(?![\p{L}\p{N}])/giu,
  }),
  indicator: placeholder('Skriv vad som mäts, t.ex. Genomfört fyra nätverksträffar.', 'Skriv vad som mäts', 'Skriv vad indikatorn mäter, t.ex. Genomfört fyra nätverksträffar.'),
  /** In the commented example of an indicator: placeholders once the editor removes the "#". */
  indicatorComment: { text: 'Skriv en kommentar.', opening: 'Skriv en kommentar', instead: 'Skriv en kommentar till utfallet, eller ta bort fältet comment.', pattern: wholePattern('Skriv en kommentar.') },
  indicatorSource: {
    text: 'Varifrån utfallet kommer.',
    opening: 'Varifrån utfallet kommer',
    instead: 'Skriv varifrån utfallet kommer (t.ex. en enkät eller ett register), eller ta bort fältet source.',
    pattern: wholePattern('Varifrån utfallet kommer.'),
  },
};

/** Every placeholder the check looks for; the generic goal section stands for every section name. */
export const placeholderCatalogue: readonly Placeholder[] = [
  placeholders.lead,
  placeholders.newsBody,
  placeholders.projectSummary,
  placeholders.projectBody,
  placeholders.reportBody,
  placeholders.areaSummary,
  placeholders.areaBody,
  ...Object.values(placeholders.goalSections),
  placeholders.goalSection(''),
  placeholders.indicator,
  placeholders.indicatorComment,
  placeholders.indicatorSource,
];

/** A placeholder found in a text, at `index` (a string offset). */
export interface PlaceholderMatch {
  placeholder: Placeholder;
  index: number;
}

/** Every placeholder in `text`, in order; overlapping ones (a section's own and the generic) once. */
export function findPlaceholders(text: string, catalogue: readonly Placeholder[] = placeholderCatalogue): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  for (const placeholder of catalogue) {
    for (const match of text.matchAll(placeholder.pattern)) {
      if (!found.some((other) => other.index === match.index)) found.push({ placeholder, index: match.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A placeholder in a front-matter field: the field's path and the placeholder. */
export interface FieldPlaceholder {
  path: FieldPath;
  placeholder: Placeholder;
}

/** Every string in the front matter (nested lists and objects too) that holds a placeholder. */
export function fieldPlaceholders(data: unknown, path: FieldPath = []): FieldPlaceholder[] {
  if (typeof data === 'string') return findPlaceholders(data).map(({ placeholder }) => ({ path, placeholder }));
  if (Array.isArray(data)) return data.flatMap((item, index) => fieldPlaceholders(item, [...path, index]));
  if (data !== null && typeof data === 'object') return Object.entries(data).flatMap(([key, value]) => fieldPlaceholders(value, [...path, key]));
  return [];
}

/** A placeholder in a body's text, where it starts in the file. */
export interface BodyPlaceholder {
  placeholder: Placeholder;
  place?: Point;
}

/**
 * Every placeholder in a body's text as readers would see it (emphasis and links are text
 * like any other; comments and code are not published as prose but are searched all the same),
 * placed at the line and column where it starts. The body must still have its positions.
 */
export function bodyPlaceholders(body: Root): BodyPlaceholder[] {
  const texts: { node: Text; start: number }[] = [];
  let whole = '';
  eachNode(body, (node) => {
    if (node.type !== 'text') return;
    texts.push({ node, start: whole.length });
    whole += node.value;
  });
  return findPlaceholders(whole).map(({ placeholder, index }) => {
    const at = [...texts].reverse().find((text) => text.start <= index);
    return { placeholder, place: at && pointIn(at.node, index - at.start) };
  });
}

/** The place of the `offset`th character of a text node, counting its own line breaks. */
function pointIn(node: Text, offset: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  const breaks = before.split('\n').length - 1;
  return breaks === 0 ? { line: start.line, column: start.column + offset } : { line: start.line + breaks, column: offset - lastBreak };
}
