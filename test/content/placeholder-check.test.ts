import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { checkContent } from '../../src/commands/check.js';
import { placeholders } from '../../src/content/placeholders.js';
import { fixture, runCli, tempDir } from '../support/cli.js';
import { area, contentError, goal, news, places, project, removeSites, report, siteYaml, writeSite } from './temp-site.js';

/*
 * Placeholders are refused and the quieter mistakes are warned about, by check and build alike,
 * on real folders: each message at the file, line and rule an editor would be sent to.
 */

afterEach(removeSites);

const menu = `${siteYaml}navigation:\n  - title: Projekt\n    url: /projekt/\n`;

const accessibility = readFileSync(join(fixture('basic'), 'tillganglighet.md'), 'utf8');

/** A small valid site with a menu and an accessibility statement: it has no warnings of its own. */
const baseSite = (): Record<string, string> => ({
  'site.yaml': menu,
  'tillganglighet.md': accessibility,
  'omraden/a.md': area('A', 1),
  'verksamhetsberattelse/2020/index.md': report(2020),
  'verksamhetsberattelse/2020/mal-01.md': goal({ number: 1, area: 'a' }),
  'projekt/p.md': project({ title: 'P', area: 'a' }),
});

const today = '2026-06-01';
const check = (dir: string) => checkContent({ contentDir: dir, cwd: dir, today });
const warningsOf = async (dir: string) => {
  const result = await check(dir);
  if (!result.ok) throw new Error(`expected valid content, got ${places(result.messages).join(', ')}`);
  return places(result.warnings);
};

describe('placeholder text', () => {
  it('is an error at its line in a field and in the text, also when the editor changed the rest of the sentence or wrapped it', async () => {
    const dir = await writeSite({
      ...baseSite(),
      'projekt/p.md': [
        '---',
        'title: P',
        'area: a',
        'summary: Skriv en mening om vad projektet gör i länet.',
        'status: pagaende',
        '---',
        'Redaktörens inledning.',
        '',
        'Vi börjar. Beskriv projektet',
        'här: resten av meningen är ändrad.',
        '',
      ].join('\n'),
    });
    const error = await contentError(() => buildSite({ contentDir: dir, cwd: dir, today }));
    expect(places(error.messages)).toEqual(['projekt/p.md:4:10 placeholder-text', 'projekt/p.md:9:12 placeholder-text']);
    expect(error.messages[0]!.reason).toBe(
      `Fältet "summary": platshållaren "Skriv en mening om vad projektet gör" står kvar och får inte publiceras. ${placeholders.projectSummary.instead}`,
    );
    expect(error.messages[1]!.reason).toMatch(/^Texten: platshållaren "Beskriv projektet här …" står kvar och får inte publiceras\. Beskriv projektet:/);
  });

  it('is refused in site.yaml and in a goal section named by the organisation', async () => {
    const dir = await writeSite({
      ...baseSite(),
      'site.yaml': menu.replace('description: En webbplats för tester.', `description: "${placeholders.lead.text}"`),
      'verksamhetsberattelse/2020/mal-01.md': `---\nnumber: 1\narea: a\nstatement: Mål.\n---\n## Aktiviteter\n\nGjort.\n\n## Indikatorer\n\n${placeholders.goalSection('Indikatorer').text}\n\n## Uppföljning\n\nBra.\n`,
    });
    const error = await contentError(() => buildSite({ contentDir: dir, cwd: dir, today }));
    expect(places(error.messages)).toEqual(['site.yaml:3:14 placeholder-text', 'verksamhetsberattelse/2020/mal-01.md:12:1 placeholder-text']);
  });

  it('in a draft is a warning, which becomes an error the moment draft: true goes', async () => {
    const draft = `---\ntitle: N\ndate: 2026-05-01\nareas: []\nlead: ${JSON.stringify(placeholders.lead.text)}\ndraft: true\n---\n${placeholders.newsBody.text}\n`;
    const dir = await writeSite({ ...baseSite(), 'nyheter/n.md': draft });
    expect(await warningsOf(dir)).toEqual(['nyheter/n.md:5:7 placeholder-text', 'nyheter/n.md:8:1 placeholder-text']);
    const result = await check(dir);
    expect(result.ok && result.warnings[0]!.reason).toContain('Utkastet publiceras inte, men platshållaren måste vara ersatt innan du tar bort draft: true.');
    // the preview shows drafts, and their placeholders do not stop it
    await buildSite({ contentDir: dir, cwd: dir, today, drafts: true, search: false });

    await writeFile(join(dir, 'nyheter/n.md'), draft.replace('draft: true\n', ''));
    const error = await contentError(() => buildSite({ contentDir: dir, cwd: dir, today }));
    expect(places(error.messages)).toEqual(['nyheter/n.md:5:7 placeholder-text', 'nyheter/n.md:7:1 placeholder-text']);
  });

  it('YAML comments may hold placeholders: they are never published', async () => {
    const dir = await writeSite({ ...baseSite(), 'projekt/p.md': project({ title: 'P', area: 'a' }).replace('status:', `# comment: ${placeholders.indicatorComment.text}\nstatus:`) });
    expect(await warningsOf(dir)).toEqual([]);
  });
});

describe('warnings', () => {
  it('an empty section, at its heading; a bare indicator section of a goal with indicators is where the table goes', async () => {
    const dir = await writeSite({
      ...baseSite(),
      'verksamhetsberattelse/2020/mal-01.md': '---\nnumber: 1\narea: a\nstatement: Mål.\n---\n## Aktiviteter\n\nGjort.\n\n## Indikatorer\n\nI.\n\n## Uppföljning\n',
      'verksamhetsberattelse/2020/mal-02.md': '---\nnumber: 2\narea: a\nstatement: Mål.\nindicators:\n  - text: Träffar\n    outcome: 4\n---\n## Aktiviteter\n\nGjort.\n\n## Indikatorer\n\n## Uppföljning\n\nBra.\n',
      'omraden/a.md': '---\ntitle: A\nsummary: Om A.\norder: 1\n---\nText.\n\n### Kontakt\n\n## Mer\n\nText.\n',
    });
    expect(await warningsOf(dir)).toEqual(['omraden/a.md:8:1 empty-section', 'verksamhetsberattelse/2020/mal-01.md:14:1 empty-section']);
    const result = await check(dir);
    expect(result.ok && result.warnings[1]!.reason).toBe('Rubriken "Uppföljning" har ingen text under sig, och en tom rubrik hjälper ingen läsare. Skriv texten, eller ta bort rubriken.');
  });

  it('a site without a menu, at site.yaml; the site still builds', async () => {
    const dir = await writeSite({ ...baseSite(), 'site.yaml': siteYaml });
    expect(await warningsOf(dir)).toEqual(['site.yaml:1:1 missing-navigation']);
    const empty = await writeSite({ ...baseSite(), 'site.yaml': `${siteYaml}navigation: []\n` });
    expect(await warningsOf(empty)).toEqual(['site.yaml:7:1 missing-navigation']);
  });

  it('a folder or file at the top of the content folder that verksam does not read, with the folder meant; hidden ones are ignored', async () => {
    const dir = await writeSite({
      ...baseSite(),
      'bilagor/stadgar.pdf': 'pdf',
      'Projekt/anteckning.txt': 'text',
      'anteckningar.txt': 'text',
      '.git/config': '[core]',
      '.DS_Store': 'x',
      'projekt/.DS_Store': 'x',
    });
    expect(await warningsOf(dir)).toEqual(['anteckningar.txt:-:- unread-folder', 'bilagor/:-:- unread-folder', 'Projekt/:-:- unread-folder']);
    const result = await check(dir);
    expect(result.ok && result.warnings.map((warning) => warning.reason)).toEqual([
      expect.stringMatching(/^Filen "anteckningar\.txt" läses inte av verksam: den kommer inte med på webbplatsen\. verksam läser omraden\/, projekt\/, .*sidor\/, filer\/, bilder\//),
      'Mappen "bilagor/" läses inte av verksam: inget i den kommer med på webbplatsen. Menade du "filer/"? Flytta filerna dit.',
      'Mappen "Projekt/" läses inte av verksam: inget i den kommer med på webbplatsen. Menade du "projekt/"? Flytta filerna dit.',
    ]);
  });

  it('a Markdown file in a mis-spelt folder is an error that names the folder meant', async () => {
    const dir = await writeSite({ ...baseSite(), 'Nyheter/n.md': news({ title: 'N', date: '2026-05-01' }) });
    const error = await contentError(() => buildSite({ contentDir: dir, cwd: dir, today }));
    expect(places(error.messages)).toEqual(['Nyheter/n.md:-:- unexpected-file']);
    expect(error.messages[0]!.reason).toContain('Mappen "Nyheter/" läses inte; menade du "nyheter/"?');
  });
});

describe('verksam build and check print the warnings and still succeed, from the cache as from the files', () => {
  it('prints the same warnings on a cold and a warm build', async () => {
    const cwd = await tempDir();
    const files = {
      ...baseSite(),
      'nyheter/n.md': `---\ntitle: N\ndate: 2026-05-01\nareas: []\nlead: ${JSON.stringify(placeholders.lead.text)}\ndraft: true\n---\nText.\n\n## Tom rubrik\n`,
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(cwd, 'content', path)), { recursive: true });
      await writeFile(join(cwd, 'content', path), text);
    }
    const expected = ['content/nyheter/n.md:5:7  varning  Fältet "lead": platshållaren', 'content/nyheter/n.md:10:1  varning  Rubriken "Tom rubrik"'];
    const run = (args: string[]) => runCli([...args, '--content', 'content', '--now', today], cwd, { VERKSAM_TIMINGS: '1' });
    const cold = await run(['build', '--out', 'dist', '--no-pdf']);
    const warm = await run(['build', '--out', 'dist', '--no-pdf']);
    const checked = await run(['check']);
    for (const result of [cold, warm, checked]) {
      expect(result.code, result.stderr).toBe(0);
      const warnings = result.stderr.split('\n').filter((line) => line.includes('  varning  '));
      expect(warnings.map((line) => line.slice(0, expected[warnings.indexOf(line)]?.length))).toEqual(expected);
    }
    expect(cold.stderr).toMatch(/parse \d+ \(0 in a worker, 0 from the cache\)/);
    expect(warm.stderr).toMatch(/parse 0 \(0 in a worker, \d+ from the cache\)/);
    expect(await readFile(join(cwd, 'dist', 'index.html'), 'utf8')).not.toContain('Skriv ingressen');
  });
});
