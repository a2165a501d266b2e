import { describe, expect, it } from 'vitest';
import { VFileMessage } from 'vfile-message';
import { assemble } from '../../src/content/assemble.js';
import { parseEntry, type Entry } from '../../src/content/entries.js';
import { parseFrontMatter, type FrontMatter } from '../../src/content/front-matter.js';
import { areaSchema, goalSchema, newsSchema, projectSchema } from '../../src/content/schemas.js';
import { formatPath, suggestField, validateFrontMatter } from '../../src/content/validate.js';

/*
 * What an editor sees for one file: every problem with its line, column and rule. Files are
 * in memory here (SourceFile objects); graph.test.ts and invalid-sites.test.ts use real ones.
 */

function check(contentPath: string, lines: string[]): { entry?: Entry; messages: VFileMessage[] } {
  return parseEntry({ path: `content/${contentPath}`, contentPath, text: lines.join('\n') });
}

/** "line:column rule" per message, sorted by place: order-independent comparisons. */
function located(messages: readonly VFileMessage[]): string[] {
  return [...messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId)))
    .map((message) => `${message.line ?? '-'}:${message.column ?? '-'} ${message.ruleId}`);
}

function only(messages: readonly VFileMessage[]): VFileMessage {
  expect(messages, messages.map((m) => m.reason).join('\n')).toHaveLength(1);
  return messages[0]!;
}

const goalBody = ['## Aktiviteter', '', 'A.', '', '## Indikatorer', '', 'I.', '', '## Uppföljning', '', 'U.', ''];

describe('valid files give entries and no messages', () => {
  it('accepts the README examples of every type', () => {
    const files: [string, string[]][] = [
      ['omraden/av-media.md', ['---', 'title: AV-Media', 'summary: Film och medier.', 'order: 2', 'contact:', '  name: Förnamn Efternamn', '  role: Verksamhetsledare', '  email: namn@kfkl.se', '  phone: 0480-00 00 00', '---', 'Text.']],
      ['verksamhetsberattelse/2019/index.md', ['---', 'title: Verksamhetsberättelse 2019', 'published: 2020-03-31', '---', 'Förord.']],
      ['verksamhetsberattelse/2019/mal-01.md', ['---', 'number: 1', 'area: kurs-och-konferens', 'statement: Ett mål.', 'status: delvis-uppfyllt', 'statusNote: Bedömd.', 'projects: []', 'keyFigures:', '  - label: Pedagoger', '    value: 2500', '    unit: personer', '    previous: 2200', '---', ...goalBody]],
      ['projekt/vi-blir-fler-iko.md', ['---', 'title: Vi blir fler – IKO', 'area: arbetsmarknad-och-integration', 'summary: ESF-projekt.', 'status: avslutat', 'start: 2016-09', 'end: 2019-09', 'funding: [Europeiska socialfonden (ESF)]', 'partners: []', 'website: https://www.kompetensverkstaden.se', '---', 'Text.']],
      ['nyheter/50-ar-med-av-media.md', ['---', 'title: 50 år med AV-Media', 'date: 2021-03-01', 'areas: [av-media]', 'projects: []', 'lead: Jubileum.', 'draft: false', '---', 'Text.']],
      ['nyhetsbrev/2019-1-forsta-numret.md', ['---', 'number: 1', 'date: 2019-06-10', 'title: Första numret', 'preheader: Senaste nytt.', 'articles: [med-battre-integrationsarbete-i-sikte]', 'blocks:', '  - title: Vårt uppdrag', '    body: Vi främjar samverkan.', '---', 'Ledare.']],
    ];
    for (const [path, lines] of files) {
      const { entry, messages } = check(path, lines);
      expect(messages.map((m) => m.reason), path).toEqual([]);
      expect(entry, path).toBeDefined();
    }
  });

  it('gives a goal its year from the folder, and keeps its text whole for the graph to split', () => {
    const { entry } = check('verksamhetsberattelse/2019/mal-01.md', ['---', 'number: 1', 'area: a', 'statement: S.', '---', 'Bakgrund.', '', ...goalBody]);
    expect(entry?.kind).toBe('goal');
    if (entry?.kind !== 'goal') return;
    expect(entry.year).toBe(2019);
    expect(entry.slug).toBe('mal-01');
    expect(entry.body.children.filter((node) => node.type === 'element' && node.tagName === 'h2')).toHaveLength(3);
  });
});

describe('missing and wrongly typed fields', () => {
  it('reports a missing required field with a line in the front matter', () => {
    const { entry, messages } = check('nyheter/x.md', ['---', 'title: Hej', 'date: 2021-01-01', '---', 'Text']);
    expect(entry).toBeUndefined();
    const message = only(messages);
    expect(message.ruleId).toBe('missing-field');
    expect(message.reason).toContain('"lead"');
    expect(message.file).toBe('content/nyheter/x.md');
    expect(message.line).toBeGreaterThanOrEqual(1);
    expect(message.line).toBeLessThanOrEqual(4);
  });

  it('reports a text where a number belongs, at the value', () => {
    const message = only(check('omraden/a.md', ['---', 'title: A', 'summary: S', 'order: först', '---']).messages);
    expect(located([message])).toEqual(['4:8 invalid-value']);
    expect(message.reason).toContain('"order"');
    expect(message.reason).toContain('först');
  });

  it('reports a list where a text belongs', () => {
    const message = only(check('omraden/a.md', ['---', 'title: [A, B]', 'summary: S', 'order: 1', '---']).messages);
    expect(located([message])).toEqual(['2:8 invalid-value']);
  });

  it('reports a quoted number for a goal number', () => {
    const message = only(check('verksamhetsberattelse/2019/mal-01.md', ['---', 'number: "1"', 'area: a', 'statement: S', '---', ...goalBody]).messages);
    expect(located([message])).toEqual(['2:9 invalid-value']);
  });

  it('reports a nested field error at the line of that value (keyFigures[1].value)', () => {
    const { messages } = check('verksamhetsberattelse/2019/mal-01.md', [
      '---',
      'number: 1',
      'area: a',
      'statement: S',
      'keyFigures:',
      '  - label: Elever',
      '    value: 2500',
      '  - label: Lärare',
      '    value: många',
      '---',
      ...goalBody,
    ]);
    const message = only(messages);
    expect(located([message])).toEqual(['9:12 invalid-value']);
    expect(message.reason).toContain('keyFigures[1].value');
    expect(message.reason).toContain('många');
  });

  it('reports a missing nested field at its parent', () => {
    const message = only(
      check('verksamhetsberattelse/2019/mal-01.md', ['---', 'number: 1', 'area: a', 'statement: S', 'keyFigures:', '  - label: Elever', '    value: 2', '  - value: 3', '---', ...goalBody]).messages,
    );
    expect(message.ruleId).toBe('missing-field');
    expect(message.reason).toContain('keyFigures[1].label');
    expect(message.line).toBe(8);
  });

  it('reports a bad e-mail address inside contact at its line', () => {
    const message = only(check('omraden/a.md', ['---', 'title: A', 'summary: S', 'order: 1', 'contact:', '  name: X', '  email: inte-en-adress', '---']).messages);
    expect(located([message])).toEqual(['7:10 invalid-value']);
    expect(message.reason).toContain('contact.email');
  });

  it('reports a list item that is not a slug at that item', () => {
    const message = only(check('nyheter/x.md', ['---', 'title: T', 'date: 2021-01-01', 'areas:', '  - av-media', '  - Social Välfärd', 'lead: L', '---']).messages);
    expect(located([message])).toEqual(['6:5 invalid-value']);
    expect(message.reason).toContain('areas[1]');
  });

  it('reports an unknown status and lists the allowed ones', () => {
    const message = only(check('projekt/p.md', ['---', 'title: P', 'area: a', 'summary: S', 'status: klar', '---']).messages);
    expect(located([message])).toEqual(['5:9 invalid-value']);
    expect(message.reason).toContain('pagaende');
    expect(message.reason).toContain('avslutat');
  });

  it('reports an empty title', () => {
    const message = only(check('projekt/p.md', ['---', 'title: "  "', 'area: a', 'summary: S', 'status: avslutat', '---']).messages);
    expect(located([message])).toEqual(['2:8 invalid-value']);
  });

  it('reports a website that is not http(s)', () => {
    const message = only(check('projekt/p.md', ['---', 'title: P', 'area: a', 'summary: S', 'status: avslutat', 'website: javascript:alert(1)', '---']).messages);
    expect(located([message])).toEqual(['6:10 invalid-value']);
  });

  it('reports draft: yes (text in YAML 1.2) as not a boolean', () => {
    const message = only(check('nyheter/x.md', ['---', 'title: T', 'date: 2021-01-01', 'lead: L', 'draft: yes', '---']).messages);
    expect(located([message])).toEqual(['5:8 invalid-value']);
  });
});

describe('unknown keys', () => {
  it('reports each unknown key at the key with a Swedish "Menade du" hint', () => {
    const { messages } = check('projekt/p.md', ['---', 'titel: P', 'omrade: a', 'summary: S', 'status: avslutat', '---']);
    const unknown = messages.filter((m) => m.ruleId === 'unknown-field');
    expect(located(unknown)).toEqual(['2:1 unknown-field', '3:1 unknown-field']);
    expect(unknown.find((m) => m.line === 2)?.reason).toContain('Menade du "title"?');
    expect(unknown.find((m) => m.line === 3)?.reason).toContain('Menade du "area"?');
  });

  it('suggests date for datum', () => {
    const { messages } = check('nyheter/x.md', ['---', 'title: T', 'datum: 2021-01-01', 'lead: L', '---']);
    const message = messages.find((m) => m.ruleId === 'unknown-field');
    expect(message?.line).toBe(3);
    expect(message?.column).toBe(1);
    expect(message?.reason).toContain('Menade du "date"?');
  });

  it('suggests summary for the typo sumary', () => {
    const { messages } = check('projekt/p.md', ['---', 'title: P', 'area: a', 'sumary: S', 'status: avslutat', '---']);
    const message = messages.find((m) => m.ruleId === 'unknown-field');
    expect(located([message!])).toEqual(['4:1 unknown-field']);
    expect(message?.reason).toContain('Menade du "summary"?');
  });

  it('lists the allowed fields when nothing is close', () => {
    const { messages } = check('omraden/a.md', ['---', 'title: A', 'summary: S', 'order: 1', 'xyzzy: 1', '---']);
    const message = only(messages);
    expect(message.ruleId).toBe('unknown-field');
    expect(message.reason).not.toContain('Menade du');
    for (const field of ['title', 'summary', 'order', 'contact']) expect(message.reason).toContain(field);
  });

  it('suggests areas for omrade in a news item (which has areas, not area)', () => {
    const { messages } = check('nyheter/x.md', ['---', 'title: T', 'date: 2021-01-01', 'omrade: av-media', 'lead: L', '---']);
    const message = only(messages);
    expect(located([message])).toEqual(['4:1 unknown-field']);
    expect(message.reason).toContain('Menade du "areas"?');
  });

  it('suggests a field inside a nested group (contact.namn → contact.name)', () => {
    const { messages } = check('omraden/a.md', ['---', 'title: A', 'summary: S', 'order: 1', 'contact:', '  namn: X', '---']);
    const message = only(messages);
    expect(located([message])).toEqual(['6:3 unknown-field']);
    expect(message.reason).toContain('Menade du "contact.name"?');
  });

  it('suggests a field inside a list of groups (keyFigures[0].prevous → previous)', () => {
    const { messages } = check('verksamhetsberattelse/2019/mal-01.md', [
      '---',
      'number: 1',
      'area: a',
      'statement: S',
      'keyFigures:',
      '  - label: A',
      '    value: 1',
      '    prevous: 2',
      '---',
      ...goalBody,
    ]);
    const message = only(messages);
    expect(located([message])).toEqual(['8:5 unknown-field']);
    expect(message.reason).toContain('Menade du "keyFigures[0].previous"?');
  });
});

describe('dates', () => {
  for (const date of ['2019-02-30', '2021-13-01', '2021-00-10', '2021-04-31', '2021-1-5', '05/05/2021', '2023-02-29']) {
    it(`refuses the news date ${date} with invalid-date at the value`, () => {
      const message = only(check('nyheter/x.md', ['---', 'title: T', `date: ${date}`, 'lead: L', '---']).messages);
      expect(located([message])).toEqual(['3:7 invalid-date']);
      expect(message.reason).toContain(date);
    });
  }

  it('accepts a leap day in a leap year', () => {
    expect(check('nyheter/x.md', ['---', 'title: T', 'date: 2024-02-29', 'lead: L', '---']).messages).toEqual([]);
  });

  it('refuses an impossible report publication date', () => {
    const message = only(check('verksamhetsberattelse/2019/index.md', ['---', 'title: T', 'published: 2020-02-30', '---']).messages);
    expect(located([message])).toEqual(['3:12 invalid-date']);
  });

  for (const value of ['2016', '2016-07', '2016-07-01', '2016-12', '"2016"']) {
    it(`accepts the partial project date ${value}`, () => {
      const { entry, messages } = check('projekt/p.md', ['---', 'title: P', 'area: a', 'summary: S', 'status: avslutat', `start: ${value}`, '---']);
      expect(messages.map((m) => m.reason)).toEqual([]);
      expect(entry?.kind === 'project' && entry.data.start).toBe(value.replace(/"/g, ''));
    });
  }

  for (const value of ['2016-13', '2016-00', '2016-02-30', '16', '2016-7', '2016/07']) {
    it(`refuses the partial project date ${value}`, () => {
      const message = only(check('projekt/p.md', ['---', 'title: P', 'area: a', 'summary: S', 'status: avslutat', `end: ${value}`, '---']).messages);
      expect(located([message])).toEqual(['6:6 invalid-date']);
    });
  }

  it('reads a date in a Windows (CRLF) file as the date it is', () => {
    const text = ['---', 'title: Hej', 'lead: L', 'date: 2021-01-01', '---', 'Text', ''].join('\r\n');
    const { messages } = parseEntry({ path: 'content/nyheter/x.md', contentPath: 'nyheter/x.md', text });
    expect(messages.map((m) => m.reason)).toEqual([]);
  });
});

describe('every problem of a file at once', () => {
  it('reports three mistakes in one file as three messages', () => {
    const { entry, messages } = check('nyheter/x.md', ['---', 'title: T', 'date: 2021-02-30', 'areas: av-media', 'lead: L', 'draft: kanske', '---']);
    expect(entry).toBeUndefined();
    expect(located(messages)).toEqual(['3:7 invalid-date', '4:8 invalid-value', '6:8 invalid-value']);
    for (const message of messages) expect(message.file).toBe('content/nyheter/x.md');
  });

  it('reports a bad file name together with the front matter problems', () => {
    const { messages } = check('nyheter/Nya Projekt.md', ['---', 'title: T', 'date: 2021-02-30', 'lead: L', '---']);
    expect(located(messages)).toEqual(['1:1 invalid-slug', '3:7 invalid-date']);
  });

  it('names the file when a value hides an alias bomb', () => {
    const levels = 'abcdefghi'.split('');
    const yaml = levels.map((name, i) => (i === 0 ? `${name}: &${name} [x,x,x,x,x,x,x,x,x]` : `${name}: &${name} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]`));
    let result: ReturnType<typeof check> | undefined;
    expect(() => {
      result = check('nyheter/bomb.md', ['---', ...yaml, '---']);
    }).not.toThrow();
    expect(result?.messages.map((m) => m.file)).toEqual(['content/nyheter/bomb.md']);
  });
});

describe('file names', () => {
  it('refuses "50 år med AV-Media.md" and suggests 50-ar-med-av-media.md', () => {
    const { entry, messages } = check('nyheter/50 år med AV-Media.md', ['---', 'title: 50 år med AV-Media', 'date: 2021-03-01', 'lead: L', '---']);
    expect(entry).toBeUndefined();
    const message = only(messages);
    expect(located([message])).toEqual(['1:1 invalid-slug']);
    expect(message.file).toBe('content/nyheter/50 år med AV-Media.md');
    expect(message.reason).toContain('"50-ar-med-av-media.md"');
  });

  for (const [name, suggestion] of [
    ['Ökar motivationen.md', 'okar-motivationen.md'],
    ['nya_projekt.md', 'nya-projekt.md'],
    ['-inledande-.md', 'inledande.md'],
    ['CaSYPoT.md', 'casypot.md'],
  ] as const) {
    it(`refuses ${name} and suggests ${suggestion}`, () => {
      const message = only(check(`projekt/${name}`, ['---', 'title: P', 'area: a', 'summary: S', 'status: avslutat', '---']).messages);
      expect(message.ruleId).toBe('invalid-slug');
      expect(message.reason).toContain(`"${suggestion}"`);
    });
  }

  it('suggests a usable name when nothing of the old one survives', () => {
    const message = only(check('omraden/åäö!!.md', ['---', 'title: A', 'summary: S', 'order: 1', '---']).messages);
    expect(message.ruleId).toBe('invalid-slug');
    expect(message.reason).toMatch(/byt namn till "[a-z0-9-]+\.md"/);
  });

  it('checks goal file names but not the report index.md', () => {
    expect(check('verksamhetsberattelse/2019/index.md', ['---', 'title: T', 'published: 2020-03-31', '---']).messages).toEqual([]);
    const message = only(check('verksamhetsberattelse/2019/Mål 1.md', ['---', 'number: 1', 'area: a', 'statement: S', '---', ...goalBody]).messages);
    expect(message.ruleId).toBe('invalid-slug');
    expect(message.reason).toContain('"mal-1.md"');
  });
});

describe('goal sections', () => {
  /** A goal in a site with the rest it needs (site.yaml, its area and report): only the goal's own problems remain. */
  function checkGoal(lines: string[], siteLines: string[] = []) {
    const files: [string, string[]][] = [
      ['site.yaml', ['organisation: O', 'title: T', 'description: D', 'baseUrl: https://example.org/', 'contact: {}', ...siteLines]],
      ['omraden/a.md', ['---', 'title: A', 'summary: S', 'order: 1', '---']],
      ['verksamhetsberattelse/2019/index.md', ['---', 'title: R', 'published: 2020-03-31', '---']],
      ['verksamhetsberattelse/2019/mal-02.md', lines],
    ];
    return assemble(
      files.map(([contentPath, text]) => ({ contentPath, result: parseEntry({ path: `content/${contentPath}`, contentPath, text: text.join('\n') }) })),
      { drafts: false, today: '2026-01-01' },
    );
  }
  const goal = (...body: string[]) => ['---', 'number: 2', 'area: a', 'statement: S', '---', ...body];

  it('reports a goal missing "## Indikatorer" with missing-section naming Indikatorer', () => {
    const { graph, messages } = checkGoal(goal('## Aktiviteter', '', 'A.', '', '## Uppföljning', '', 'U.', ''));
    expect(graph).toBeUndefined();
    const message = only(messages);
    expect(message.ruleId).toBe('missing-section');
    expect(message.file).toBe('content/verksamhetsberattelse/2019/mal-02.md');
    expect(message.reason).toContain('## Indikatorer');
  });

  it('names Aktiviteter when a goal has no sections at all', () => {
    expect(checkGoal(goal('Bara text.')).messages.map((message) => message.reason).join('\n')).toContain('## Aktiviteter');
  });

  it('names Uppföljning when the last section is missing', () => {
    const message = only(checkGoal(goal('## Aktiviteter', '', '## Indikatorer', '')).messages);
    expect(message.reason).toContain('## Uppföljning');
  });

  it('refuses sections in the wrong order, at the misplaced heading', () => {
    const message = only(checkGoal(goal('## Indikatorer', '', '## Aktiviteter', '', '## Uppföljning', '')).messages);
    expect(message.ruleId).toBe('missing-section');
    expect(message.line).toBeGreaterThan(1);
  });

  it('does not count a ### heading as a section', () => {
    const message = only(checkGoal(goal('## Aktiviteter', '', '### Indikatorer', '', '## Uppföljning', '')).messages);
    expect(message.reason).toContain('## Indikatorer');
  });

  it('reports a missing section together with front matter problems', () => {
    const { messages } = checkGoal(['---', 'number: 2', 'area: a', 'statement: S', 'status: klar', '---', '## Aktiviteter', '', '## Uppföljning']);
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['invalid-value', 'missing-section']);
  });

  it('takes the organisation\'s own sections, each optional when it says so, and never shows an empty heading', () => {
    const settings = ['report:', '  sections: [Bakgrund, Resultat]', '  sectionsRequired: false'];
    const { graph, messages } = checkGoal(goal('Inledning.', '', '## Resultat', '', 'Bra.', ''), settings);
    expect(messages).toEqual([]);
    const sections = graph!.goals[0]!.sections;
    expect(sections.map((section) => `${section.title} ${section.id}`)).toEqual(['Resultat resultat']);
  });

  it('needs no text under the indicator section when the goal has indicators in its front matter', () => {
    const { graph, messages } = checkGoal(['---', 'number: 2', 'area: a', 'statement: S', 'indicators:', '  - text: Möten', '    target: 4', '    outcome: "4,5"', '---', '## Aktiviteter', '', 'A.', '', '## Uppföljning', '', 'U.']);
    expect(messages).toEqual([]);
    const sections = graph!.goals[0]!.sections;
    expect(sections.map((section) => `${section.title}${section.indicators ? ' (tabell)' : ''}`)).toEqual(['Aktiviteter', 'Indikatorer (tabell)', 'Uppföljning']);
    expect(graph!.goals[0]!.indicators[0]!.outcome).toBe(4.5);
  });
});

describe('files in unexpected places', () => {
  for (const path of ['arkiv/om-oss.md', 'sidor/undermapp/a.md', 'omraden/undermapp/a.md', 'verksamhetsberattelse/19/index.md', 'verksamhetsberattelse/2019/bilagor/a.md', 'projekt.md', 'site.yml']) {
    it(`reports ${path} as unexpected-file`, () => {
      const message = only(check(path, ['---', 'title: T', '---']).messages);
      expect(message.ruleId).toBe('unexpected-file');
      expect(message.file).toBe(`content/${path}`);
      expect(message.reason).toContain('omraden/<namn>.md');
    });
  }

  it('ignores files that are not Markdown (images and the like)', () => {
    expect(check('omraden/bild.png', ['binärt']).messages).toEqual([]);
  });
});

describe('site.yaml', () => {
  it('reports site.yaml problems with the same rules and lines', () => {
    const { entry, messages } = check('site.yaml', ['organisation: O', 'titel: T', 'description: D', 'baseUrl: ftp://example.se', 'contact: {}', 'language: en']);
    expect(entry).toBeUndefined();
    // a missing field of a plain YAML file points at its start
    expect(located(messages)).toEqual(['1:1 missing-field', '2:1 unknown-field', '4:10 invalid-value', '6:11 invalid-value']);
    expect(messages.find((m) => m.ruleId === 'unknown-field')?.reason).toContain('Menade du "title"?');
  });
});

describe('validateFrontMatter directly', () => {
  function frontMatter(lines: string[]): FrontMatter {
    const result = parseFrontMatter('content/x.md', ['---', ...lines, '---', ''].join('\n'));
    if (result instanceof VFileMessage) throw new Error(result.reason);
    return result;
  }

  it('returns the parsed value with defaults and no messages', () => {
    const result = validateFrontMatter('content/x.md', frontMatter(['title: T', 'date: 2021-01-01', 'lead: L']), newsSchema);
    expect(result.messages).toEqual([]);
    expect(result.value).toEqual({ title: 'T', date: '2021-01-01', lead: 'L', areas: [], projects: [], draft: false });
  });

  it('reports every problem with file, rule and place, and no value', () => {
    const result = validateFrontMatter('content/x.md', frontMatter(['number: 0', 'area: Av Media', 'statment: S']), goalSchema);
    expect(result.value).toBeUndefined();
    expect(result.messages.every((m) => m.file === 'content/x.md' && m.fatal === true && m.source === 'verksam')).toBe(true);
    expect(located(result.messages)).toEqual(['2:1 missing-field', '2:9 invalid-value', '3:7 invalid-value', '4:1 unknown-field']);
    expect(result.messages.find((m) => m.ruleId === 'unknown-field')?.reason).toContain('Menade du "statement"?');
  });

  it('treats empty front matter as an object with every required field missing', () => {
    const result = validateFrontMatter('content/x.md', frontMatter([]), areaSchema);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['missing-field', 'missing-field', 'missing-field']);
    expect(result.messages.map((m) => m.reason).join(' ')).toMatch(/"title".*"summary".*"order"/);
  });

  it('reports front matter that is a list, not fields', () => {
    const result = validateFrontMatter('content/x.md', frontMatter(['- a', '- b']), projectSchema);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]!.reason).toContain('(front matter)');
  });
});

describe('suggestField', () => {
  const news = ['title', 'date', 'areas', 'projects', 'lead', 'draft'];
  const project = ['title', 'area', 'summary', 'status', 'start', 'end', 'funding', 'partners', 'website'];

  it('maps Swedish words to the English field', () => {
    expect(suggestField('titel', news)).toBe('title');
    expect(suggestField('Titel', news)).toBe('title');
    expect(suggestField('datum', news)).toBe('date');
    expect(suggestField('omrade', project)).toBe('area');
    expect(suggestField('område', project)).toBe('area');
    expect(suggestField('ingress', news)).toBe('lead');
    expect(suggestField('utkast', news)).toBe('draft');
    expect(suggestField('webbplats', project)).toBe('website');
  });

  it('only suggests a synonym that the type allows', () => {
    // news items have no summary; "sammanfattning" must not suggest it
    expect(suggestField('sammanfattning', news)).toBeUndefined();
  });

  it('corrects small typos', () => {
    expect(suggestField('sumary', project)).toBe('summary');
    expect(suggestField('titel', project)).toBe('title');
    expect(suggestField('stauts', project)).toBe('status');
    expect(suggestField('webiste', project)).toBe('website');
    expect(suggestField('drafts', news)).toBe('draft');
  });

  it('suggests nothing for unrelated words', () => {
    expect(suggestField('xyzzy', project)).toBeUndefined();
    expect(suggestField('foo', news)).toBeUndefined();
    expect(suggestField('anything', [])).toBeUndefined();
  });
});

describe('formatPath', () => {
  it('writes paths the way an editor reads them', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['title'])).toBe('title');
    expect(formatPath(['contact', 'email'])).toBe('contact.email');
    expect(formatPath(['areas', 1])).toBe('areas[1]');
    expect(formatPath(['keyFigures', 1, 'value'])).toBe('keyFigures[1].value');
    expect(formatPath(['blocks', 0, 'title'])).toBe('blocks[0].title');
  });
});

describe('files that were meant to be content', () => {
  it.each([
    ['nyheter/Nyhet.MD', 'nyhet.md'],
    ['nyheter/nyhet.md.txt', 'nyhet.md'],
    ['projekt/p.markdown', 'p.md'],
    ['nyheter/2021/utkast.txt', 'utkast.md'],
  ])('reports %s instead of skipping it, with the name it should have', (contentPath, expected) => {
    const { messages } = parseEntry({ path: `content/${contentPath}`, contentPath, text: '---\ntitle: x\n---\n' });
    expect(messages.map((message) => message.ruleId)).toEqual(['unexpected-file']);
    expect(messages[0]!.reason).toContain(`byt namn till "${expected}"`);
  });

  it('leaves images and other files alone', () => {
    expect(parseEntry({ path: 'content/bilder/a.jpg', contentPath: 'bilder/a.jpg', text: '' }).messages).toEqual([]);
    expect(parseEntry({ path: 'content/nyheter/bild.png', contentPath: 'nyheter/bild.png', text: '' }).messages).toEqual([]);
  });
});
