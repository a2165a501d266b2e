import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VFileMessage } from 'vfile-message';
import { parseEntry } from '../../src/content/entries.js';
import { parseFrontMatter, parseYamlFile, type FrontMatter } from '../../src/content/front-matter.js';
import { markdownToHast } from '../../src/markdown/processor.js';

/** The parse must have succeeded; narrows the union for the rest of the test. */
function parsed(result: FrontMatter | VFileMessage): FrontMatter {
  if (result instanceof VFileMessage) throw new Error(`expected front matter, got problem: ${result.reason}`);
  return result;
}

/** The parse must have failed with a problem. */
function refused(result: FrontMatter | Omit<FrontMatter, 'body'> | VFileMessage): VFileMessage {
  if (!(result instanceof VFileMessage)) throw new Error(`expected a problem, got data ${JSON.stringify(result.data)}`);
  return result;
}

const goalFile = [
  '---', //                                  1
  'number: 3', //                            2
  'area: av-media', //                       3
  'statement: "Ett mål."', //                4
  'projects:', //                            5
  '  - casypot', //                          6
  '  - pa-egna-ben', //                      7
  'keyFigures:', //                          8
  '  - label: Elever', //                    9
  '    value: 2500', //                      10
  '  - label: Lärare', //                    11
  '    value: 12', //                        12
  '    previous: 10', //                     13
  'contact:', //                             14
  '  name: Anna', //                         15
  '  email: anna@example.se', //             16
  'areas: [av-media, digitalisering]', //    17
  '---', //                                  18
  '# Rubrik', //                             19
  '', //                                     20
  'Stycke med **fet** text.', //             21
  '', //                                     22
].join('\n');

describe('parseFrontMatter: values and their places', () => {
  const fm = parsed(parseFrontMatter('content/x.md', goalFile));

  it('parses the YAML into plain data', () => {
    expect(fm.data).toEqual({
      number: 3,
      area: 'av-media',
      statement: 'Ett mål.',
      projects: ['casypot', 'pa-egna-ben'],
      keyFigures: [
        { label: 'Elever', value: 2500 },
        { label: 'Lärare', value: 12, previous: 10 },
      ],
      contact: { name: 'Anna', email: 'anna@example.se' },
      areas: ['av-media', 'digitalisering'],
    });
  });

  it('locates top-level values at their file line and column', () => {
    expect(fm.locate(['number'])).toEqual({ line: 2, column: 9 });
    expect(fm.locate(['area'])).toEqual({ line: 3, column: 7 });
    // a quoted value starts at its quote
    expect(fm.locate(['statement'])).toEqual({ line: 4, column: 12 });
  });

  it('locates list items in block lists', () => {
    expect(fm.locate(['projects', 0])).toEqual({ line: 6, column: 5 });
    expect(fm.locate(['projects', 1])).toEqual({ line: 7, column: 5 });
  });

  it('locates list items in flow lists', () => {
    expect(fm.locate(['areas', 0])).toEqual({ line: 17, column: 9 });
    expect(fm.locate(['areas', 1])).toEqual({ line: 17, column: 19 });
  });

  it('locates fields of maps inside lists', () => {
    expect(fm.locate(['keyFigures', 0, 'label'])).toEqual({ line: 9, column: 12 });
    expect(fm.locate(['keyFigures', 0, 'value'])).toEqual({ line: 10, column: 12 });
    expect(fm.locate(['keyFigures', 1, 'value'])).toEqual({ line: 12, column: 12 });
    expect(fm.locate(['keyFigures', 1, 'previous'])).toEqual({ line: 13, column: 15 });
  });

  it('locates fields of nested maps', () => {
    expect(fm.locate(['contact', 'name'])).toEqual({ line: 15, column: 9 });
    expect(fm.locate(['contact', 'email'])).toEqual({ line: 16, column: 10 });
  });

  it('locates a key itself with {key: true}', () => {
    expect(fm.locate(['statement'], { key: true })).toEqual({ line: 4, column: 1 });
    expect(fm.locate(['contact', 'email'], { key: true })).toEqual({ line: 16, column: 3 });
    expect(fm.locate(['keyFigures', 1, 'previous'], { key: true })).toEqual({ line: 13, column: 5 });
  });

  it('falls back to the nearest existing parent for absent fields', () => {
    // contact's value (its first key) starts on line 15, column 3
    expect(fm.locate(['contact', 'phone'])).toEqual({ line: 15, column: 3 });
    expect(fm.locate(['keyFigures', 1, 'unit'])).toEqual({ line: 11, column: 5 });
    expect(fm.locate(['projects', 7])).toEqual({ line: 6, column: 3 });
    // an absent top-level field: the start of the front matter's content
    expect(fm.locate(['title'])).toEqual({ line: 2, column: 1 });
  });
});

describe('parseFrontMatter: the body keeps its file lines', () => {
  it('replaces the front matter with blank lines and keeps the body text', () => {
    const fm = parsed(parseFrontMatter('content/x.md', goalFile));
    const fileLines = goalFile.split('\n');
    const bodyLines = fm.body.split('\n');
    expect(bodyLines).toHaveLength(fileLines.length);
    expect(bodyLines.slice(0, 18).every((line) => line === '')).toBe(true);
    expect(bodyLines.slice(18)).toEqual(fileLines.slice(18));
  });

  it('gives Markdown nodes the line they have in the file', () => {
    const fm = parsed(parseFrontMatter('content/x.md', goalFile));
    const tree = markdownToHast(fm.body, 'content/x.md');
    const elements = tree.children.filter((node) => node.type === 'element');
    expect(elements.map((node) => [node.tagName, node.position?.start.line])).toEqual([
      ['h1', 19],
      ['p', 21],
    ]);
  });

  it('reads files with Windows line endings (CRLF) without a stray carriage return', () => {
    const text = '---\r\ntitle: Hej\r\nlead: L\r\n---\r\n\r\n## Rubrik\r\n';
    const fm = parsed(parseFrontMatter('content/x.md', text));
    expect(fm.data).toEqual({ title: 'Hej', lead: 'L' });
    expect(fm.locate(['lead'])).toEqual({ line: 3, column: 7 });
    const tree = markdownToHast(fm.body, 'content/x.md');
    const heading = tree.children.find((node) => node.type === 'element');
    expect(heading?.position?.start.line).toBe(6);
  });

  it('gives an empty body for a file that is only front matter', () => {
    const fm = parsed(parseFrontMatter('content/x.md', '---\ntitle: Hej\n---\n'));
    expect(fm.body.trim()).toBe('');
  });
});

describe('parseFrontMatter: YAML mistakes', () => {
  it('reports a syntax error at its file line', () => {
    const message = refused(parseFrontMatter('content/x.md', '---\ntitle: Hej\nareas: [av-media\nlead: L\n---\n'));
    expect(message.ruleId).toBe('front-matter-syntax');
    expect(message.file).toBe('content/x.md');
    expect(message.line).toBeGreaterThanOrEqual(3);
    expect(message.line).toBeLessThanOrEqual(4);
  });

  it('reports a nested mapping on one line at that line and column', () => {
    const message = refused(parseFrontMatter('content/x.md', '---\ntitle: Hej\nlead: Så här: inte\n---\n'));
    expect(message.ruleId).toBe('front-matter-syntax');
    // the column of the value that holds the second colon
    expect(message.line).toBe(3);
    expect(message.column).toBe(7);
  });

  it('reports tab indentation on its line', () => {
    const message = refused(parseFrontMatter('content/x.md', '---\ntitle: Hej\n\tlead: x\n---\n'));
    expect(message.ruleId).toBe('front-matter-syntax');
    expect([message.line, message.column]).toEqual([3, 1]);
  });

  it('reports an unclosed quote on its line', () => {
    const message = refused(parseFrontMatter('content/x.md', '---\ntitle: Hej\n\nlead: "oavslutad\n---\nText\n'));
    expect(message.ruleId).toBe('front-matter-syntax');
    expect(message.line).toBe(4);
  });

  it('refuses duplicate keys, pointing at the second one', () => {
    const message = refused(parseFrontMatter('content/x.md', '---\ntitle: Ett\ndate: 2021-01-01\ntitle: Två\n---\n'));
    expect(message.ruleId).toBe('front-matter-syntax');
    expect(message.line).toBe(4);
  });

  it('refuses duplicate keys inside a nested map', () => {
    const message = refused(parseFrontMatter('content/x.md', '---\ncontact:\n  name: A\n  name: B\n---\n'));
    expect(message.ruleId).toBe('front-matter-syntax');
    expect(message.line).toBe(4);
  });

  it('reports YAML errors in site.yaml at their line too', () => {
    const message = refused(parseYamlFile('content/site.yaml', 'title: T\ncontact:\n  email: a\n  email: b\n'));
    expect(message.ruleId).toBe('front-matter-syntax');
    expect(message.file).toBe('content/site.yaml');
    expect(message.line).toBe(4);
  });
});

describe('alias bombs (billion laughs)', () => {
  const levels = 'abcdefghi'.split('');
  const bombYaml = levels
    .map((name, index) =>
      index === 0 ? `${name}: &${name} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` : `${name}: &${name} [${Array(9).fill(`*${levels[index - 1]}`).join(',')}]`,
    )
    .join('\n');

  it('refuses front matter with an alias bomb quickly, as a located problem', () => {
    const started = performance.now();
    let result: FrontMatter | VFileMessage | undefined;
    let thrown: unknown;
    try {
      result = parseFrontMatter('content/nyheter/bomb.md', `---\n${bombYaml}\n---\nText\n`);
    } catch (error) {
      thrown = error;
    }
    expect(performance.now() - started).toBeLessThan(2000);
    // An editor must get a message naming the file, not a crash of the whole build.
    expect(thrown).toBeUndefined();
    const message = refused(result!);
    expect(message.file).toBe('content/nyheter/bomb.md');
    expect(message.ruleId).toBe('front-matter-syntax');
  });

  it('refuses an alias bomb in site.yaml quickly, as a located problem', () => {
    const started = performance.now();
    let result: Omit<FrontMatter, 'body'> | VFileMessage | undefined;
    let thrown: unknown;
    try {
      result = parseYamlFile('content/site.yaml', bombYaml);
    } catch (error) {
      thrown = error;
    }
    expect(performance.now() - started).toBeLessThan(2000);
    expect(thrown).toBeUndefined();
    expect(refused(result!).ruleId).toBe('front-matter-syntax');
  });

  it('still accepts a few ordinary aliases', () => {
    const fm = parsed(parseFrontMatter('content/x.md', '---\nfirst: &p casypot\nprojects: [*p, *p]\n---\n'));
    expect(fm.data).toEqual({ first: 'casypot', projects: ['casypot', 'casypot'] });
  });
});

describe('YAML values keep the form the editor wrote', () => {
  it('keeps dates as strings, including impossible ones', () => {
    const fm = parsed(parseFrontMatter('content/x.md', '---\ndate: 2019-02-30\npublished: 2020-03-31\nstamp: 2021-05-05T10:00:00Z\n---\n'));
    const data = fm.data as Record<string, unknown>;
    expect(data.date).toBe('2019-02-30');
    expect(data.published).toBe('2020-03-31');
    expect(data.stamp).toBe('2021-05-05T10:00:00Z');
    for (const value of Object.values(data)) expect(value).not.toBeInstanceOf(Date);
  });

  it('keeps dates as strings in site.yaml', () => {
    const result = parseYamlFile('content/site.yaml', 'since: 1972-01-01\n');
    if (result instanceof VFileMessage) throw new Error(result.reason);
    expect((result.data as { since: unknown }).since).toBe('1972-01-01');
  });

  it('reads yes/no/on/off as text, not booleans (YAML 1.2)', () => {
    const fm = parsed(parseFrontMatter('content/x.md', '---\ndraft: no\ncountry: NO\nflag: on\nreal: true\n---\n'));
    expect(fm.data).toEqual({ draft: 'no', country: 'NO', flag: 'on', real: true });
  });
});

describe('front matter in other languages is refused and never executed', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'verksam-fm-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__pwned;
  });

  const fences = ['---js', '---javascript', '---JS', '---JavaScript', '--- js'];

  for (const fence of fences) {
    it(`refuses "${fence}" without running its code`, () => {
      const marker = join(scratch, `${fence.replace(/\W/g, '')}.txt`);
      const text = [
        fence,
        '{',
        `  title: (globalThis.__pwned = true, require("fs").writeFileSync(${JSON.stringify(marker)}, "pwned"), "Hej"),`,
        '  date: "2021-01-01"',
        '}',
        '---',
        'Text',
      ].join('\n');
      const message = refused(parseFrontMatter('content/nyheter/x.md', text));
      expect(message.ruleId).toBe('front-matter-language');
      expect(message.file).toBe('content/nyheter/x.md');
      expect([message.line, message.column]).toEqual([1, 1]);
      expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
      expect(existsSync(marker)).toBe(false);
    });
  }

  it('refuses a function-shaped ---js block without calling it', () => {
    const marker = join(scratch, 'function.txt');
    const text = `---js\nmodule.exports = (function () { require("fs").writeFileSync(${JSON.stringify(marker)}, "x"); globalThis.__pwned = true; return { title: "x" }; })()\n---\n`;
    expect(refused(parseFrontMatter('content/nyheter/x.md', text)).ruleId).toBe('front-matter-language');
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses ---js through parseEntry too, reporting the file', () => {
    const text = '---js\n{ title: (globalThis.__pwned = true, "Hej"), date: "2021-01-01", lead: "L" }\n---\n';
    const { entry, messages } = parseEntry({ path: 'content/nyheter/x.md', contentPath: 'nyheter/x.md', text });
    expect(entry).toBeUndefined();
    expect(messages.map((m) => m.ruleId)).toEqual(['front-matter-language']);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('refuses ---toml', () => {
    const message = refused(parseFrontMatter('content/x.md', '---toml\ntitle = "Hej"\n---\n'));
    expect(message.ruleId).toBe('front-matter-language');
    expect(message.reason).toContain('toml');
  });

  it('refuses ---coffee', () => {
    expect(refused(parseFrontMatter('content/x.md', '---coffee\ntitle: "Hej"\n---\n')).ruleId).toBe('front-matter-language');
  });

  it('refuses ---json instead of silently reading it as empty front matter', () => {
    // gray-matter ships a JSON engine; unless refused, the editor's fields vanish and the
    // build reports them as missing although they are there.
    const result = parseFrontMatter('content/x.md', '---json\n{ "title": "Hej", "date": "2021-01-01" }\n---\n');
    expect(refused(result).ruleId).toBe('front-matter-language');
  });

  it('accepts an explicit ---yaml fence with correct lines', () => {
    const fm = parsed(parseFrontMatter('content/x.md', '---yaml\ntitle: Hej\nlead: L\n---\n'));
    expect(fm.data).toEqual({ title: 'Hej', lead: 'L' });
    expect(fm.locate(['lead'])).toEqual({ line: 3, column: 7 });
  });
});

describe('files without front matter', () => {
  it('reports a Markdown file that does not start with ---', () => {
    const message = refused(parseFrontMatter('content/nyheter/x.md', 'title: Hej\n\nText\n'));
    expect(message.ruleId).toBe('missing-front-matter');
    expect(message.file).toBe('content/nyheter/x.md');
    expect([message.line, message.column]).toEqual([1, 1]);
  });

  it('reports an empty file', () => {
    expect(refused(parseFrontMatter('content/x.md', '')).ruleId).toBe('missing-front-matter');
  });

  it('reports front matter that starts after a blank line', () => {
    expect(refused(parseFrontMatter('content/x.md', '\n---\ntitle: Hej\n---\n')).ruleId).toBe('missing-front-matter');
  });
});

describe('byte order mark', () => {
  it('ignores a BOM before the front matter and keeps positions', () => {
    const fm = parsed(parseFrontMatter('content/x.md', '\uFEFF---\ntitle: Hej\nlead: L\n---\n# Rubrik\n'));
    expect(fm.data).toEqual({ title: 'Hej', lead: 'L' });
    expect(fm.locate(['lead'])).toEqual({ line: 3, column: 7 });
    expect(fm.body).toBe('\n\n\n\n# Rubrik\n');
  });

  it('ignores a BOM in site.yaml and keeps positions', () => {
    const result = parseYamlFile('content/site.yaml', '\uFEFFtitle: T\nbaseUrl: https://x.se/\n');
    if (result instanceof VFileMessage) throw new Error(result.reason);
    expect(result.data).toEqual({ title: 'T', baseUrl: 'https://x.se/' });
    expect(result.locate(['title'], { key: true })).toEqual({ line: 1, column: 1 });
    expect(result.locate(['baseUrl'])).toEqual({ line: 2, column: 10 });
  });
});

describe('parseYamlFile', () => {
  it('locates values and keys of nested lists and maps', () => {
    const text = ['title: T', 'navigation:', '  - title: Nyheter', '    url: /nyheter/', '  - title: Projekt', '    url: /projekt/', 'contact:', '  email: a@b.se', ''].join('\n');
    const result = parseYamlFile('content/site.yaml', text);
    if (result instanceof VFileMessage) throw new Error(result.reason);
    expect(result.locate(['navigation', 1, 'url'])).toEqual({ line: 6, column: 10 });
    expect(result.locate(['navigation', 1, 'url'], { key: true })).toEqual({ line: 6, column: 5 });
    expect(result.locate(['contact', 'email'])).toEqual({ line: 8, column: 10 });
    expect(result.locate(['navigation', 0])).toEqual({ line: 3, column: 5 });
  });
});

describe('YAML errors in plain Swedish', () => {
  it.each([
    ['lead: Tolv kommuner: nu kör vi', 'sätt citattecken runt värdet'],
    ['title: a\n\ttext: b', 'använd mellanslag'],
    ['title: a\ntitle: b', 'samma fält står två gånger'],
    ['title: "utan slut', 'avslutande citattecken'],
  ])('explains %j and says what to do', (yaml, advice) => {
    const result = parseFrontMatter('x.md', `---\n${yaml}\n---\n`);
    expect(result).toBeInstanceOf(VFileMessage);
    expect(String((result as VFileMessage).reason)).toContain(advice);
  });
});
