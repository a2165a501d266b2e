import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/content/entries.js';
import { placeholderCatalogue } from '../../src/content/placeholders.js';
import { fileText, planNewFile, summariseContent, type ContentSummary, type NewRequest } from '../../src/commands/new.js';
import { todayInSweden } from '../../src/format/dates.js';
import { runCli, snapshot, useFixtureCopies } from '../support/cli.js';

/** A temporary copy of the basic fixture; commands run in its parent, so paths print as content/…. */
const site = useFixtureCopies('basic');

/** The front matter of a content file as data (the yaml package's core schema, as verksam reads it). */
function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`no front matter in:\n${text}`);
  return parse(match[1]!) as Record<string, unknown>;
}

/** A file as the editor leaves it: every placeholder replaced by a sentence of real text. */
const withRealText = (text: string) => placeholderCatalogue.reduce((result, placeholder) => result.replace(placeholder.text, 'Riktig text.'), text);

const hostileTitle = 'Kalla: "Ö" – 50 år?';

// The basic fixture as `new` sees it: areas skola (order 1) and miljo (order 2), report 2020
// with goals 1 and 2.
const basic: ContentSummary = {
  root: 'content',
  paths: new Set([
    'site.yaml',
    'omraden/skola.md',
    'omraden/miljo.md',
    'projekt/gammalt.md',
    'nyheter/lasning-startar.md',
    'verksamhetsberattelse/2020/index.md',
    'verksamhetsberattelse/2020/mal-01.md',
    'verksamhetsberattelse/2020/mal-02.md',
  ]),
  areas: [
    { slug: 'miljo', title: 'Miljö', order: 2 },
    { slug: 'skola', title: 'Skola', order: 1 },
  ],
  goalNumbers: new Map([[2020, [1, 1, 2, 2]]]),
};

const request = (fields: Partial<NewRequest> & Pick<NewRequest, 'type'>): NewRequest => ({ areas: [], date: '2024-05-01', ...fields });

function planned(fields: Partial<NewRequest> & Pick<NewRequest, 'type'>, summary = basic) {
  const plan = planNewFile(request(fields), summary);
  if (!plan.ok) throw new Error(`expected a file, got: ${plan.message}`);
  return plan;
}

function refused(fields: Partial<NewRequest> & Pick<NewRequest, 'type'>, summary = basic) {
  const plan = planNewFile(request(fields), summary);
  if (plan.ok) throw new Error(`expected a refusal, got ${plan.contentPath}`);
  return plan;
}

describe('planNewFile (pure)', () => {
  it('writes a news item as a draft with the date, areas and a placeholder lead', () => {
    const plan = planned({ type: 'nyhet', title: 'Nya miljöprojekt', areas: ['miljo'] });
    expect(plan.contentPath).toBe('nyheter/nya-miljoprojekt.md');
    expect(plan.data).toEqual({
      title: 'Nya miljöprojekt',
      date: '2024-05-01',
      areas: ['miljo'],
      projects: [],
      lead: expect.stringMatching(/^Skriv ingressen/),
      draft: true,
    });
    expect(plan.text).toMatch(/^---\ntitle: Nya miljöprojekt\ndate: 2024-05-01\nareas: \[miljo\]\n/);
    expect(plan.notes.join(' ')).toContain('draft: true');
  });

  it('gives valid YAML that round-trips for titles with quotes, colons, dashes and å/ä/ö', () => {
    for (const title of [hostileTitle, "Det är 'bra': #1", '- inte en lista', 'yes', '2021-03-01', 'Ärende: [viktigt] & {brådskande}', '> citat |']) {
      const plan = planned({ type: 'nyhet', title });
      expect(frontMatter(plan.text).title).toBe(title);
      const { entry, messages } = parseEntry({ path: plan.contentPath, contentPath: plan.contentPath, text: plan.text });
      expect(messages).toEqual([]);
      expect(entry?.kind === 'news' && entry.data.title).toBe(title);
    }
    expect(planned({ type: 'nyhet', title: hostileTitle }).contentPath).toBe('nyheter/kalla-o-50-ar.md');
  });

  it('numbers a goal after the highest number of its year and files it as mal-<nn>', () => {
    const plan = planned({ type: 'mal', title: 'Alla ska läsa.', year: 2020, areas: ['miljo'] });
    expect(plan.contentPath).toBe('verksamhetsberattelse/2020/mal-03.md');
    expect(plan.data).toEqual({ number: 3, area: 'miljo', statement: 'Alla ska läsa.', projects: [], indicators: [{ text: expect.stringMatching(/^Skriv vad som mäts/) }] });
    // the indicator table takes the place of the "## Indikatorer" text
    expect(plan.text).toMatch(/\n---\n## Aktiviteter\n\n.+\n\n## Uppföljning\n\n.+\n$/);
    const gaps = { ...basic, goalNumbers: new Map([[2020, [1, 9]]]) };
    expect(planned({ type: 'mal', title: 'X', year: 2020 }, gaps).contentPath).toBe('verksamhetsberattelse/2020/mal-10.md');
  });

  it("shows a goal's optional fields as commented examples, each valid once its # is removed, and never as values", () => {
    const plan = planned({ type: 'mal', title: 'Alla ska läsa.', year: 2020, areas: ['miljo'] });
    expect(frontMatter(plan.text)).toEqual(plan.data);
    expect(plan.text).toContain('\n# id: ');
    expect(plan.text).toContain('\n    # target: 4 ');
    expect(plan.text).toContain('\n    # earlier: {2019: 3} ');
    // every example line, uncommented: the file is still valid and has every field of the guide
    const uncommented = plan.text.replace(/^(\s*)# (id|target|unit|outcome|earlier|better|result|status|comment|source): /gm, '$1$2: ');
    // the example texts are placeholders, refused until replaced; nothing else is wrong
    const refused = parseEntry({ path: plan.contentPath, contentPath: plan.contentPath, text: uncommented });
    expect(refused.messages.map((message) => `${message.ruleId} ${/^(Fältet "[^"]+"|Texten)/.exec(message.reason)?.[0]}`)).toEqual([
      'placeholder-text Fältet "indicators[0].text"',
      'placeholder-text Fältet "indicators[0].comment"',
      'placeholder-text Fältet "indicators[0].source"',
      'placeholder-text Texten',
      'placeholder-text Texten',
    ]);
    const { entry, messages } = parseEntry({ path: plan.contentPath, contentPath: plan.contentPath, text: withRealText(uncommented) });
    expect(messages).toEqual([]);
    if (entry?.kind !== 'goal') throw new Error('expected a goal');
    expect(entry.data.id).toBe('namn-pa-malet');
    expect(entry.data.indicators).toEqual([
      {
        text: expect.stringMatching(/^Riktig text/),
        id: 'natverkstraffar',
        target: 4,
        unit: 'träffar',
        outcome: 5,
        earlier: { 2019: 3 },
        better: 'higher',
        result: 'genomfort',
        status: 'uppfyllt',
        comment: expect.any(String),
        source: expect.any(String),
      },
    ]);

    const report = planned({ type: 'rapport', year: 2021 });
    expect(report.text).toContain('\n# plan: true ');
    const plan2 = report.text.replace('\n# plan: true ', '\nplan: true ');
    const parsed = parseEntry({ path: report.contentPath, contentPath: report.contentPath, text: withRealText(plan2) });
    expect(parsed.messages).toEqual([]);
    expect(parsed.entry?.kind === 'report' && parsed.entry.data.plan).toBe(true);
  });

  it("writes a goal's sections and a report's name as site.yaml names them", () => {
    const custom: ContentSummary = {
      ...basic,
      report: { name: 'Årsredovisning', planName: 'Plan', sections: ['Bakgrund', 'Mått', 'Resultat'], indicatorSection: 'Mått' },
    };
    const goal = planned({ type: 'mal', title: 'X', year: 2020 }, custom);
    expect(goal.text).toMatch(/\n---\n## Bakgrund\n\nSkriv avsnittet Bakgrund här\.\n\n## Resultat\n\nSkriv avsnittet Resultat här\.\n$/);
    expect(goal.text).toContain('# Indikatorerna visas som en tabell under ## Mått.');
    const report = planned({ type: 'rapport', year: 2021 }, custom);
    expect(report.data.title).toBe('Årsredovisning 2021');
    expect(report.text).toContain('# plan: true   # för en plan:');
  });

  it('gives a project or goal without --area the first area by order, and says so', () => {
    for (const type of ['projekt', 'mal'] as const) {
      const plan = planned({ type, title: 'Läsning', year: type === 'mal' ? 2020 : undefined });
      expect(plan.data.area).toBe('skola');
      expect(plan.notes.join(' ')).toMatch(/Inget --area angavs, så området "skola" \(först i ordningen\) valdes/);
    }
    const noAreas = { ...basic, areas: [] };
    const refusal = refused({ type: 'projekt', title: 'Läsning' }, noAreas);
    expect(refusal.code).toBe(1);
    expect(refusal.message).toContain('Det finns inga områden i content/omraden/');
    expect(refusal.message).toContain('verksam new omrade');
  });

  it('writes a report with its default title, and an area with the next free order', () => {
    const report = planned({ type: 'rapport', year: 2021 });
    expect(report.contentPath).toBe('verksamhetsberattelse/2021/index.md');
    expect(report.data).toEqual({ title: 'Verksamhetsberättelse 2021', published: '2024-05-01' });
    expect(planned({ type: 'rapport', year: 2021, title: 'Året som gick' }).data.title).toBe('Året som gick');
    const area = planned({ type: 'omrade', title: 'Social välfärd' });
    expect(area.contentPath).toBe('omraden/social-valfard.md');
    expect(area.data).toEqual({ title: 'Social välfärd', summary: expect.any(String), order: 3 });
    expect(planned({ type: 'omrade', title: 'Först' }, { ...basic, areas: [] }).data.order).toBe(1);
  });

  it('refuses what would not build or would overwrite, with exit code 1 for content and 2 for arguments', () => {
    expect(refused({ type: 'projekt', title: 'Gammalt' })).toMatchObject({ code: 1, message: expect.stringContaining('content/projekt/gammalt.md finns redan') });
    expect(refused({ type: 'rapport', year: 2020 })).toMatchObject({ code: 1, message: expect.stringContaining('verksamhetsberattelse/2020/index.md finns redan') });
    expect(refused({ type: 'mal', title: 'X', year: 2019 })).toMatchObject({ code: 1, message: expect.stringContaining('verksam new rapport 2019') });
    const sameName = { ...basic, paths: new Set([...basic.paths, 'nyheter/2020/arkiv.md']) };
    expect(refused({ type: 'nyhet', title: 'Arkiv' }, sameName)).toMatchObject({ code: 1, message: expect.stringContaining('content/nyheter/2020/arkiv.md') });
    expect(refused({ type: 'nyhet', title: 'X', areas: ['Skola'] })).toMatchObject({
      code: 2,
      message: expect.stringMatching(/Okänt område "Skola" för --area \(kända: skola, miljo\)\. Menade du "skola"\?/),
    });
    expect(refused({ type: 'mal', title: 'X' }).message).toContain('--year');
    expect(refused({ type: 'nyhet', title: '  ' }).code).toBe(2);
    expect(refused({ type: 'nyhet', title: '!!!' }).message).toContain('ger inget filnamn');
    expect(refused({ type: 'nyhet', title: 'X', date: '2024-02-30' }).message).toContain('--date');
    expect(refused({ type: 'projekt', title: 'X', areas: ['skola', 'miljo'] }).code).toBe(2);
  });
});

describe('fileText, todayInSweden, summariseContent', () => {
  it('writes flow lists and never folds long lines', () => {
    const long = 'ord '.repeat(40).trim();
    expect(fileText({ title: long, areas: ['a', 'b'], projects: [] }, '\nText.\n\n')).toBe(`---\ntitle: ${long}\nareas: [a, b]\nprojects: []\n---\nText.\n`);
  });

  it("takes today's date in Europe/Stockholm, not UTC", () => {
    expect(todayInSweden(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01'); // summer time, UTC+2
    expect(todayInSweden(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01'); // winter time, UTC+1
    expect(todayInSweden(new Date('2024-12-31T22:30:00Z'))).toBe('2024-12-31');
  });

  it("reads site.yaml's report settings, the defaults where it has none, even when the rest of site.yaml is invalid", () => {
    const site = (text: string) => summariseContent([{ path: 'c/site.yaml', contentPath: 'site.yaml', text }]).report;
    expect(site('title: 1\nreport:\n  sections: [Bakgrund, Resultat]\n  name: Årsredovisning\n')).toMatchObject({
      name: 'Årsredovisning',
      sections: ['Bakgrund', 'Resultat'],
      indicatorSection: 'Indikatorer',
    });
    expect(site('title: X\n')).toMatchObject({ name: 'Verksamhetsberättelse', sections: ['Aktiviteter', 'Indikatorer', 'Uppföljning'] });
    expect(site('report: {sections: 3}\n')).toBeUndefined();
    expect(site('report: [\n')).toBeUndefined();
  });

  it('reads areas and goal numbers even from files that are otherwise invalid', () => {
    const summary = summariseContent([
      { path: 'c/omraden/a.md', contentPath: 'omraden/a.md', text: '---\ntitle: A\norder: 4\nokänt: 1\n---\n' },
      { path: 'c/omraden/b.md', contentPath: 'omraden/b.md', text: 'ingen front matter' },
      { path: 'c/verksamhetsberattelse/2020/mal-02.md', contentPath: 'verksamhetsberattelse/2020/mal-02.md', text: '---\nnumber: 7\n---\n' },
    ]);
    expect(summary.areas).toEqual([{ slug: 'a', title: 'A', order: 4 }, { slug: 'b' }]);
    expect(summary.goalNumbers.get(2020)).toEqual([7, 2]);
  });
});

describe('verksam new (command line)', () => {
  it('creates every type with valid front matter; check refuses exactly their placeholders, and the site builds once they are replaced', async () => {
    const { content, cwd } = await site();
    const created = [
      [['nyhet', hostileTitle, '--area', 'skola'], 'content/nyheter/kalla-o-50-ar.md'],
      [['projekt', 'Läs: mer!', '--area', 'miljo'], 'content/projekt/las-mer.md'],
      [['mal', '--year', '2020', 'Alla ska läsa.'], 'content/verksamhetsberattelse/2020/mal-03.md'],
      [['rapport', '2021'], 'content/verksamhetsberattelse/2021/index.md'],
      [['omrade', 'Social välfärd'], 'content/omraden/social-valfard.md'],
    ] as const;
    // Independent files: created side by side, as separate processes.
    const results = await Promise.all(created.map(([args]) => runCli(['new', ...args, '--content', 'content', '--date', '2024-05-01'], cwd)));
    for (const [index, [, path]] of created.entries()) {
      const result = results[index]!;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`verksam: skapade ${path}\n`);
      expect(result.stdout).toContain('Öppna filen och skriv texten; kör npm run check');
    }
    const read = async (path: string) => frontMatter(await readFile(join(cwd, path), 'utf8'));
    expect(await read('content/nyheter/kalla-o-50-ar.md')).toMatchObject({ title: hostileTitle, date: '2024-05-01', areas: ['skola'], draft: true });
    expect(await read('content/projekt/las-mer.md')).toMatchObject({ title: 'Läs: mer!', area: 'miljo', status: 'pagaende' });
    expect(await read('content/verksamhetsberattelse/2020/mal-03.md')).toMatchObject({ number: 3, area: 'skola', statement: 'Alla ska läsa.', indicators: [{ text: expect.any(String) }] });
    expect(await read('content/verksamhetsberattelse/2021/index.md')).toEqual({ title: 'Verksamhetsberättelse 2021', published: '2024-05-01' });
    expect(await read('content/omraden/social-valfard.md')).toMatchObject({ title: 'Social välfärd', order: 3 });

    // placeholder text is never published: check refuses exactly the placeholders, each where it stands (the draft's only warn)
    const refused = await runCli(['check', '--content', 'content', '--now', '2026-06-01', '--format', 'json'], cwd);
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout) as { problems: { file: string; line: number; rule: string; message: string }[] };
    expect(report.problems.map((problem) => `${problem.file} ${problem.rule} ${/^(Fältet "[^"]+"|Texten)/.exec(problem.message)?.[0]}`)).toEqual([
      'content/omraden/social-valfard.md placeholder-text Fältet "summary"',
      'content/omraden/social-valfard.md placeholder-text Texten',
      'content/projekt/las-mer.md placeholder-text Fältet "summary"',
      'content/projekt/las-mer.md placeholder-text Texten',
      'content/verksamhetsberattelse/2020/mal-03.md placeholder-text Fältet "indicators[0].text"',
      'content/verksamhetsberattelse/2020/mal-03.md placeholder-text Texten',
      'content/verksamhetsberattelse/2020/mal-03.md placeholder-text Texten',
      'content/verksamhetsberattelse/2021/index.md placeholder-text Texten',
    ]);
    for (const problem of report.problems) {
      const line = (await readFile(join(cwd, problem.file), 'utf8')).split('\n')[problem.line - 1]!;
      expect(placeholderCatalogue.some((placeholder) => line.includes(placeholder.text)), `${problem.file}:${problem.line}: ${line}`).toBe(true);
    }

    // the editor writes real text in place of each placeholder: now the site checks and builds
    let replaced = 0;
    for (const [, path] of created) {
      let text = await readFile(join(cwd, path), 'utf8');
      for (const placeholder of placeholderCatalogue) {
        text = text.replace(placeholder.text, () => `Riktig text nummer ${++replaced}.`);
      }
      await writeFile(join(cwd, path), text);
    }
    // eight refused, two in the draft, two in the goal's commented examples
    expect(replaced).toBe(12);
    const check = await runCli(['check', '--content', 'content', '--now', '2026-06-01'], cwd);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const built = await runCli(['build', '--content', 'content', '--out', 'dist', '--no-pdf'], cwd);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    for (const page of ['projekt/las-mer', 'verksamhetsberattelse/2020/mal-3', 'verksamhetsberattelse/2021', 'omraden/social-valfard']) {
      expect(existsSync(join(cwd, 'dist', page, 'index.html')), page).toBe(true);
    }
    // the indicator is in the goal's table, where its section would be
    const goal = await readFile(join(cwd, 'dist', 'verksamhetsberattelse', '2020', 'mal-3', 'index.html'), 'utf8');
    expect(goal).toMatch(/id="indikatorer"[\s\S]*<table class="indicator-table[^"]*">[\s\S]*Riktig text nummer \d+\.[\s\S]*id="uppfoljning"/);
    expect(goal).not.toContain('Skriv ');
    // a draft is checked but never published
    expect(existsSync(join(cwd, 'dist', 'nyheter', '2024'))).toBe(false);
    expect(await readdir(join(content, 'nyheter'))).toContain('kalla-o-50-ar.md');
  });

  it("writes a goal that passes check on a site whose site.yaml names other goal sections", async () => {
    const { content, cwd } = await site();
    await writeFile(join(content, 'site.yaml'), `${await readFile(join(content, 'site.yaml'), 'utf8')}report:\n  sections: [Bakgrund, Indikatorer, Resultat]\n`);
    for (const goal of ['mal-01.md', 'mal-02.md']) {
      const path = join(content, 'verksamhetsberattelse', '2020', goal);
      await writeFile(path, (await readFile(path, 'utf8')).replace('## Aktiviteter', '## Bakgrund').replace('## Uppföljning', '## Resultat'));
    }
    const created = await runCli(['new', 'mal', '--year', '2020', 'Alla ska läsa.', '--content', 'content'], cwd);
    expect(created.code).toBe(0);
    const goal = join(content, 'verksamhetsberattelse', '2020', 'mal-03.md');
    expect(await readFile(goal, 'utf8')).toContain('## Bakgrund\n\nSkriv avsnittet Bakgrund här.\n\n## Resultat\n\nSkriv avsnittet Resultat här.\n');
    // the sections of the organisation's own have placeholders too, refused where they stand
    const refused = await runCli(['check', '--content', 'content', '--now', '2026-06-01'], cwd);
    expect(refused.stderr).not.toContain('saknar avsnittet');
    expect(refused.stderr.match(/^content\/verksamhetsberattelse\/2020\/mal-03\.md:\d+:\d+  fel  .*\[placeholder-text\]$/gm)).toHaveLength(3);
    expect(refused.stderr).toContain('Texten: platshållaren "Skriv avsnittet … här" står kvar');
    expect(refused.code).toBe(1);
    await writeFile(goal, withRealText((await readFile(goal, 'utf8')).replace('Skriv avsnittet Bakgrund här.', 'Bakgrunden.').replace('Skriv avsnittet Resultat här.', 'Resultatet.')));
    const check = await runCli(['check', '--content', 'content', '--now', '2026-06-01'], cwd);
    expect(check.stdout + check.stderr).not.toContain('saknar avsnittet');
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('refuses to overwrite an existing file, naming it, and leaves it unchanged', async () => {
    const { content, cwd } = await site();
    const before = await snapshot(content);
    const result = await runCli(['new', 'projekt', 'Gammalt', '--area', 'miljo', '--content', 'content'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Filen content/projekt/gammalt.md finns redan; verksam new skriver aldrig över en fil.');
    expect(await snapshot(content)).toEqual(before);
  });

  it('explains an unknown --area, listing the known areas, and creates nothing', async () => {
    const { content, cwd } = await site();
    const result = await runCli(['new', 'nyhet', 'Titel', '--area', 'av-media', '--content', 'content'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Okänt område "av-media" för --area (kända: skola, miljo).');
    expect(await readdir(join(content, 'nyheter'))).not.toContain('titel.md');
  });

  it("uses today's date and explains wrong arguments with exit code 2", async () => {
    const { content, cwd } = await site();
    const today = await runCli(['new', 'nyhet', 'I dag', '--content', 'content'], cwd);
    expect(today.code).toBe(0);
    const { date } = frontMatter(await readFile(join(content, 'nyheter', 'i-dag.md'), 'utf8'));
    expect([todayInSweden(new Date(Date.now() - 60_000)), todayInSweden()]).toContain(date);

    const [words, type, flag] = await Promise.all([
      runCli(['new', 'nyhet', 'Nya', 'miljöprojekt', '--content', 'content'], cwd),
      runCli(['new', 'artikel', 'X', '--content', 'content'], cwd),
      runCli(['new', 'nyhet', 'X', '--out', 'dist', '--content', 'content'], cwd),
    ]);
    expect(words.code).toBe(2);
    expect(words.stderr).toContain('skriv titeln inom citattecken, t.ex. verksam new nyhet "Nya miljöprojekt"');
    expect(type.code).toBe(2);
    expect(type.stderr).toContain('Okänd typ "artikel" för verksam new; välj en av: nyhet, projekt, mal, rapport, omrade.');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('Flaggan --out gäller inte för "verksam new"');
  });
});
