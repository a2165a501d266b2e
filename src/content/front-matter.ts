import matter from 'gray-matter';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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
  let document: Document.Parsed | undefined;
  const lineCounter = new LineCounter();
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
      language: 'yaml',
      engines: {
        yaml: (yamlText: string) => {
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
  const document = parseDocument(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), { ...yamlOptions, lineCounter });
  const toPoint: ToPoint = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
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
    return problem(file, 'front-matter-syntax', `Front matter är inte giltig YAML: ${explainYamlError({ code: 'RESOURCE_EXHAUSTION', message: (error as Error).message })}`, toPoint(document.range[0]));
  }
}
