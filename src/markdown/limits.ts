import type { RuleId } from '../errors.js';

/*
 * What one Markdown text may cost the parser, checked on the raw text before it is parsed.
 * micromark recurses once per level of quotes and lists (thousands of `>` overflow the stack),
 * takes time that grows with the square of the number of quotes and nested lists in a text
 * (10 000 short quotes take a minute), and resolves brackets and emphasis per paragraph in time
 * that grows with the square of their number (a line of 40 000 unmatched brackets takes
 * minutes). Real content stays far below these limits; one pathological file is reported as a
 * problem of that file instead of stopping the build without a name.
 */

export const markdownLimits = {
  /** Quotes and lists inside each other. */
  nesting: 20,
  /** Quotes and lists begun in one text (items of a list already begun do not count). */
  containers: 500,
  /**
   * The sum, over the paragraphs, of the square of the number of `[`, `]`, `*`, `_` and `~` in
   * each, those plainly paired on their line weighing a third: the work of resolving them.
   * About a second for one paragraph of 5 000 unpaired.
   */
  delimiterWork: 5000 * 5000,
} as const;

export interface MarkdownLimitProblem {
  ruleId: RuleId;
  reason: string;
  /** 1-based, in the text given (a body with its front matter blanked out: the file's lines). */
  line: number;
  column: number;
}

const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const delimiters = /[[\]*_~]/g;
/** What resolves at once, and costs nothing to speak of: a link or reference in one piece, an emphasis closed on its line. */
const resolved = [/!?\[[^[\]\n]*\](?:\([^()\n]*\)|\[[^[\]\n]*\]|(?!\())/g, /(\*\*|__|~~|[*_~])(?=[^\s*_~])[^*_~\n]*?(?<=[^\s*_~])\1/g];
const count = (text: string) => text.match(delimiters)?.length ?? 0;

/** A line's delimiters as work: those that pair at once weigh a third (measured: about a tenth of the time). */
function delimiterWeight(text: string): { characters: number; weight: number } {
  const characters = count(text);
  if (characters === 0) return { characters, weight: 0 };
  const unpaired = count(resolved.reduce((rest, pattern) => rest.replace(pattern, ''), text));
  return { characters, weight: unpaired + (characters - unpaired) / 3 };
}
const blank = /^[\s>]*$/;

/** The first limit the text passes, located; undefined when it is within all of them. */
export function checkMarkdownLimits(markdown: string): MarkdownLimitProblem | undefined {
  const lines = markdown.split('\n');
  let work = 0;
  const none = () => ({ line: 0, characters: 0, weight: 0 });
  let paragraph = none();
  let busiest = paragraph;
  const endParagraph = () => {
    work += paragraph.weight * paragraph.weight;
    if (paragraph.weight > busiest.weight) busiest = paragraph;
  };
  let containers = 0;
  let previous: Prefix | undefined;
  for (const [index, text] of lines.entries()) {
    const prefix = prefixOf(text);
    if (prefix.tooDeep) {
      return {
        ruleId: 'too-deeply-nested',
        reason: `Raden har fler än ${markdownLimits.nesting} nivåer av citat (>) och listor inuti varandra, för många för att texten ska kunna läsas. Ta bort nivåer, eller skriv \\ framför tecknen (\\>, \\-) om de inte ska betyda citat eller lista.`,
        line: index + 1,
        column: prefix.tooDeep,
      };
    }
    if (blank.test(text)) {
      endParagraph();
      paragraph = none();
      previous = undefined;
      continue;
    }
    // a quote begins where a line has more > than the one before; a list where it is nested or follows other text
    containers += Math.max(0, prefix.quotes - (previous?.quotes ?? 0)) + prefix.nestedMarkers + (prefix.outerMarker && !previous?.outerMarker ? 1 : 0);
    if (containers > markdownLimits.containers) {
      return {
        ruleId: 'too-complex-markdown',
        reason: `Texten har här passerat ${markdownLimits.containers.toLocaleString('sv-SE')} citat och listor inuti listor, för många för att kunna tolkas i rimlig tid. Dela upp texten i flera filer, eller skriv \\ framför tecknen (\\>, \\-) om de inte ska betyda citat eller lista.`,
        line: index + 1,
        column: 1,
      };
    }
    previous = prefix.quotes > 0 || prefix.outerMarker || prefix.nestedMarkers > 0 ? prefix : previous;
    if (paragraph.line === 0) paragraph = { ...none(), line: index + 1 };
    const { characters, weight } = delimiterWeight(text);
    paragraph.characters += characters;
    paragraph.weight += weight;
  }
  endParagraph();
  if (work > markdownLimits.delimiterWork) {
    const characters = busiest.characters.toLocaleString('sv-SE');
    return {
      ruleId: 'too-complex-markdown',
      reason: `Stycket som börjar här har ${characters} av tecknen [ ] * _ ~, för många för att texten ska kunna tolkas i rimlig tid. Dela upp stycket med tomma rader, eller ta bort tecken som inte behövs (skriv \\[ om ett tecken ska synas som det är).`,
      line: busiest.line,
      column: 1,
    };
  }
  return undefined;
}

interface Prefix {
  quotes: number;
  /** A list marker first on the line, hardly indented: an item of a list at the top. */
  outerMarker: boolean;
  /** List markers after indentation, a quote or another marker: lists inside something. */
  nestedMarkers: number;
  /** The column of the marker where the line passes the nesting limit, if it does. */
  tooDeep?: number;
}

/**
 * The quotes and list markers a line starts with. Its depth counts each `>` and marker, and
 * each two columns of indentation before a marker (a nested list written by indenting); other
 * indentation is not nesting (it may be code).
 */
function prefixOf(text: string): Prefix {
  const prefix: Prefix = { quotes: 0, outerMarker: false, nestedMarkers: 0 };
  let depth = 0;
  let index = 0;
  for (let first = true; ; first = false) {
    let columns = 0;
    while (text[index] === ' ' || text[index] === '\t') {
      columns += text[index] === '\t' ? 4 : 1;
      index++;
    }
    const start = index;
    if (text[index] === '>') {
      prefix.quotes++;
      index++;
    } else {
      const marker = listMarker.exec(text.slice(index, index + 11));
      if (!marker) return prefix;
      if (first && columns < 2) prefix.outerMarker = true;
      else prefix.nestedMarkers++;
      index += marker[0].length;
    }
    depth += 1 + Math.floor(columns / 2);
    if (depth > markdownLimits.nesting) return { ...prefix, tooDeep: start + 1 };
  }
}
