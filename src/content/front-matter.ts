import matter from 'gray-matter';
import { isMap, isPair, isScalar, LineCounter, parseDocument, Parser, type Document, type Node } from 'yaml';
import { VFileMessage } from 'vfile-message';
import { problem, type Point } from './problems.js';
import { explainYamlError } from './yaml-errors.js';

export type FieldPath = readonly (string | number)[];

/** A file's front matter, parsed, with a way back from a field to its place in the file. */
export interface FrontMatter {
  data: unknown;
  /** The place of a field's value (or, with `key: true`, of its key); the nearest parent when absent. */
  locate(path: FieldPath, options?: { key?: boolean }): Point;
  /**
   * The Markdown body with the front matter replaced by blank lines, so that positions in the
   * body's syntax tree are positions in the file.
   */
  body: string;
}

const refuseEngine = (language: string) => () => {
  throw new RefusedLanguage(language);
};

class RefusedLanguage extends Error {
  constructor(readonly language: string) {
    super(language);
  }
}

/**
 * Parses front matter with gray-matter, always with options: our YAML engine keeps dates as
 * strings, refuses duplicate keys and alias bombs and keeps node positions, and the JavaScript
 * engines are replaced so a `---js` fence is reported, never evaluated (CVE-2022-25863).
 */
export function parseFrontMatter(file: string, text: string): FrontMatter | VFileMessage {
  // Windows line endings would leave a "\r" on values; lines are counted the same either way.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---[^\n]*\n/.test(source) && source !== '---') {
    return problem(file, 'missing-front-matter', 'Filen saknar front matter: den ska börja med en rad med bara ---.', {
      line: 1,
      column: 1,
    });
  }
  const fence = checkFences(file, source);
  if (fence) return fence;
  let document: Document.Parsed | undefined;
  let yamlSource = '';
  const lineCounter = new LineCounter();
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
      language: 'yaml',
      engines: {
        yaml: (yamlText: string) => {
          yamlSource = yamlText;
          document = parseDocument(yamlText, { ...yamlOptions, lineCounter });
          return {};
        },
        js: refuseEngine('js'),
        javascript: refuseEngine('javascript'),
        json: refuseEngine('json'),
      },
    });
    if (parsed.language !== 'yaml' && parsed.language !== 'yml') throw new RefusedLanguage(parsed.language);
  } catch (error) {
    const language = error instanceof RefusedLanguage ? error.language : /engine "([^"]+)"/.exec(String(error))?.[1];
    return problem(
      file,
      'front-matter-language',
      `Front matter på språket "${language ?? '?'}" är inte tillåtet; skriv YAML mellan två rader med bara ---.`,
      { line: 1, column: 1 },
    );
  }

  // The YAML text starts right after the opening `---` (and its language tag) on line 1.
  const yamlStart = 3 + (parsed.language === 'yaml' ? 0 : parsed.language.length);
  const prefix = source.slice(0, yamlStart);
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    // line 1 of the YAML text is the rest of the `---` line
    return line === 1 ? { line: 1, column: prefix.length + col } : { line, column: col };
  };

  if (document && document.errors.length > 0) {
    const first = document.errors[0]!;
    const quote = unclosedQuote(yamlSource, first.pos[0]);
    if (quote) return problem(file, 'front-matter-syntax', `Front matter är inte giltig YAML: ${quote.reason}`, toPoint(quote.offset));
    return problem(file, 'front-matter-syntax', `Front matter är inte giltig YAML: ${explainYamlError(first)}`, toPoint(first.pos[0]));
  }

  const data = document ? toData(file, document, toPoint) : {};
  if (isMessage(data)) return data;
  const bodyStart = source.length - parsed.content.length;
  const body = source.slice(0, bodyStart).replace(/[^\n]/g, '') + parsed.content;

  const locate = makeLocator(document, toPoint);
  return { data, locate, body };
}


type ToPoint = (offset: number) => Point;

function makeLocator(document: Document.Parsed | undefined, toPoint: ToPoint): FrontMatter['locate'] {
  return (path, options = {}) => {
    if (!document) return { line: 1, column: 1 };
    for (let depth = path.length; depth >= 0; depth--) {
      const last = path[depth - 1];
      if (depth > 0 && options.key && depth === path.length) {
        const parent = document.getIn(path.slice(0, depth - 1), true) as Node | undefined;
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === last);
          const key = pair?.key as Node | undefined;
          if (key?.range) return toPoint(key.range[0]);
        }
      }
      const node = (depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true)) as Node | null | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return toPoint(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
}

const yamlOptions = { schema: 'core', uniqueKeys: true, maxAliasCount: 50, prettyErrors: false } as const;

/** A plain YAML file (the site configuration), with the same guarantees as front matter. */
export function parseYamlFile(file: string, text: string): Omit<FrontMatter, 'body'> | VFileMessage {
  const lineCounter = new LineCounter();
  const yamlSource = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const document = parseDocument(yamlSource, { ...yamlOptions, lineCounter });
  const toPoint: ToPoint = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const quote = unclosedQuote(yamlSource, first.pos[0]);
    if (quote) return problem(file, 'front-matter-syntax', `Filen är inte giltig YAML: ${quote.reason}`, toPoint(quote.offset));
    return problem(file, 'front-matter-syntax', `Filen är inte giltig YAML: ${explainYamlError(first)}`, toPoint(first.pos[0]));
  }
  const data = toData(file, document, toPoint);
  if (isMessage(data)) return data;
  return { data, locate: makeLocator(document, toPoint) };
}

const isMessage = (value: unknown): value is VFileMessage => value instanceof VFileMessage;

/** The document as plain data; an alias bomb becomes a located problem, not a crash. */
function toData(file: string, document: Document.Parsed, toPoint: ToPoint): unknown {
  try {
    return document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    if (error instanceof RangeError) {
      // thousands of lists or groups inside each other overflow the stack; no real front matter is more than a few deep
      return problem(file, 'too-deeply-nested', 'Front matter är inte giltig YAML: listor och grupper av fält ligger i för många nivåer inuti varandra; förenkla fälten.', toPoint(document.range[0]));
    }
    return problem(file, 'front-matter-syntax', `Front matter är inte giltig YAML: ${explainYamlError({ code: 'RESOURCE_EXHAUSTION', message: (error as Error).message })}`, toPoint(document.range[0]));
  }
}

/**
 * The fences gray-matter would misread: a first line of four or more dashes is taken as no
 * front matter at all ("title saknas"), and a closing line of more dashes leaves a dash in
 * the text. Each is reported at its line, and so is a front matter that never ends.
 */
function checkFences(file: string, source: string): VFileMessage | undefined {
  const lineAt = (offset: number) => source.slice(offset, (source.indexOf('\n', offset) + 1 || source.length + 1) - 1);
  const opening = lineAt(0);
  if (/^-{4,}[ \t]*$/.test(opening)) {
    return problem(file, 'missing-front-matter', `Front matter ska börja med en rad med exakt tre bindestreck (---), men rad 1 har ${opening.trim().length}; ändra raden till ---.`, { line: 1, column: 1 });
  }
  if (source === '---') return undefined;
  // where gray-matter looks for the end: the first line that begins with ---
  const close = source.indexOf('\n---', opening.length - 1);
  if (close === -1) {
    return problem(file, 'front-matter-syntax', 'Front matter avslutas aldrig: lägg till en rad med bara --- efter sista fältet, före texten.', { line: 1, column: 1 });
  }
  const closing = lineAt(close + 1);
  if (!/^---[ \t]*$/.test(closing)) {
    const line = source.slice(0, close + 1).split('\n').length;
    return problem(file, 'front-matter-syntax', `Front matter ska sluta med en rad med exakt tre bindestreck (---), men raden är "${closing.trim()}"; ändra den till ---.`, { line, column: 1 });
  }
  return undefined;
}

/**
 * A quoted value that does not end where it should. The parser notices only at the end of the
 * front matter (a quote may span lines), or several fields later, but the mistake is where the
 * quote begins: the first quoted value before the error that is never closed, or that swallows
 * lines that look like fields.
 */
function unclosedQuote(yamlText: string, errorOffset: number): { offset: number; reason: string } | undefined {
  const found: { offset: number; source: string; quote: string }[] = [];
  // by hand, not recursively: thousands of nested lists must not overflow the stack here either
  const pending: unknown[] = [...new Parser().parse(yamlText)];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    const token = node as { type?: string; offset?: number; source?: string };
    if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && typeof token.offset === 'number' && typeof token.source === 'string') {
      found.push({ offset: token.offset, source: token.source, quote: token.source[0]! });
    } else {
      pending.push(...Object.values(node));
    }
  }
  const closed = { '"': /^"(?:[^"\\]|\\[\s\S])*"$/, "'": /^'(?:[^']|'')*'$/ } as Record<string, RegExp>;
  const culprit = found
    .filter((scalar) => scalar.offset <= errorOffset)
    .sort((a, b) => a.offset - b.offset)
    .find((scalar) => !closed[scalar.quote]!.test(scalar.source) || /\n[ \t]*[A-Za-z][\w-]*:[ \t]/.test(scalar.source));
  if (!culprit) return undefined;
  return {
    offset: culprit.offset,
    reason: `citattecknet (${culprit.quote}) som börjar här saknar ett avslutande citattecken på sin rad; sätt ett ${culprit.quote} i slutet av värdet, eller ta bort det här.`,
  };
}
