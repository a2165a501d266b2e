import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildSession } from '../../src/session/session.js';
import { copyContent, fixture } from '../support/cli.js';

let content: string;
let session: BuildSession;
const options = () => ({ contentDir: content, cwd: dirname(content), drafts: false, today: '2026-01-01' });

beforeEach(async () => {
  content = await copyContent(fixture('basic'));
  session = new BuildSession(options());
});
afterEach(() => rm(dirname(content), { recursive: true, force: true }));

async function edit(path: string, change: (text: string) => string): Promise<void> {
  const file = join(content, path);
  await writeFile(file, change(await readFile(file, 'utf8')));
}

describe('an updatable build', () => {
  it('renders every page once, then nothing when nothing changed', async () => {
    const first = await session.update();
    expect(first.messages).toEqual([]);
    expect(first.rendered).toBe(23);
    const again = await session.update(['nyheter/lasning-startar.md']);
    expect(again.rendered).toBe(0);
    expect(again.changed).toEqual([]);
  });

  it('renders again only the pages that show an edited news item, not the goal pages', async () => {
    await session.update();
    await edit('nyheter/lasning-startar.md', (text) => text.replace('Ännu mer.', 'Ännu mer, och nu ändrad.'));
    const result = await session.update(['nyheter/lasning-startar.md']);
    expect(result.messages).toEqual([]);
    expect(result.changed).toContain('nyheter/2020/lasning-startar/index.html');
    expect(result.rendered).toBeLessThan(12);
    expect(result.changed.filter((file) => file.includes('mal-'))).toEqual([]);
    expect(String(session.outputFiles.get('nyheter/2020/lasning-startar/index.html'))).toContain('nu ändrad');
  });

  it('holds every page as its UTF-8 bytes, so a character outside Latin-1 costs its own bytes, not the whole page twice over', async () => {
    await edit('nyheter/lasning-startar.md', (text) => text.replace('Ännu mer.', 'Ännu mer – med tankstreck → och pil.'));
    await session.update();
    // the newsletters' email versions are an extra's few files, not pages
    const pages = [...session.outputFiles].filter(([file]) => file.endsWith('.html') && !file.endsWith('/email.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const [file, contents] of pages) expect(contents, file).toBeInstanceOf(Uint8Array);
    const page = session.outputFiles.get('nyheter/2020/lasning-startar/index.html') as Uint8Array;
    expect(Buffer.from(page).toString('utf8')).toContain('Ännu mer – med tankstreck → och pil.');
    expect(Buffer.from(page).includes(Buffer.from('– med tankstreck →', 'utf8'))).toBe(true);
  });

  it('gives the same bytes as a fresh build after any edit', async () => {
    await session.update();
    await edit('nyheter/lasning-startar.md', (text) => text.replace('title: Läsningen startar', 'title: Läsningen har startat').replace('2020-09-01', '2021-03-01'));
    await edit('verksamhetsberattelse/2020/mal-02.md', (text) => text.replace('Temadagar.', 'Fler temadagar.'));
    await session.update(['nyheter/lasning-startar.md', 'verksamhetsberattelse/2020/mal-02.md']);
    const fresh = new BuildSession(options());
    await fresh.update();
    expect(Object.fromEntries(session.outputFiles)).toEqual(Object.fromEntries(fresh.outputFiles));
  });

  it('after edits of text alone, of every kind of file, gives the same bytes as a fresh build, rendering only the pages that show them', async () => {
    const first = await session.update();
    const edits: [string, (text: string) => string][] = [
      ['nyheter/lasning-startar.md', (text) => text.replace('Ännu mer.', 'Ännu mer, ändrad.')],
      ['verksamhetsberattelse/2020/mal-02.md', (text) => text.replace('Temadagar.', 'Fler temadagar.')],
      ['projekt/lasframmjande.md', (text) => text.replace('Projektet läser.', 'Projektet läser mycket.')],
      ['omraden/skola.md', (text) => text.replace('Området arbetar med skolor.', 'Området arbetar med [skolor](/omraden/skola/).')],
      ['nyhetsbrev/2020-1-forsta.md', (text) => text.replace('- Kurs A, 1 oktober', '- Kurs A, 2 oktober').replace('Välkommen till brevet.', 'Välkommen!')],
    ];
    for (const [path, change] of edits) {
      await edit(path, change);
      const result = await session.update([path]);
      expect(result.messages, path).toEqual([]);
      expect(result.rendered, path).toBeLessThan(first.rendered);
      const fresh = new BuildSession(options());
      await fresh.update();
      expect(Object.fromEntries(session.outputFiles), path).toEqual(Object.fromEntries(fresh.outputFiles));
    }
  });

  it('after a sequence of edits of every kind, as the preview makes them, gives the same bytes as a fresh session each time', async () => {
    const preview = () => ({ ...options(), drafts: true, mode: 'dev' as const });
    const live = new BuildSession(preview());
    expect((await live.update()).messages).toEqual([]);
    const steps: { name: string; path: string; change: () => Promise<void>; broken?: boolean }[] = [
      { name: 'text', path: 'nyheter/lasning-startar.md', change: () => edit('nyheter/lasning-startar.md', (text) => text.replace('Ännu mer.', 'Ännu mer, ändrad.')) },
      { name: 'title', path: 'nyheter/lasning-startar.md', change: () => edit('nyheter/lasning-startar.md', (text) => text.replace('title: Läsningen startar', 'title: Läsningen har startat')) },
      { name: 'date', path: 'nyheter/lasning-startar.md', change: () => edit('nyheter/lasning-startar.md', (text) => text.replace('2020-09-01', '2021-03-01')) },
      {
        name: 'new file',
        path: 'nyheter/ny-nyhet.md',
        change: () => writeFile(join(content, 'nyheter', 'ny-nyhet.md'), '---\ntitle: En ny nyhet\ndate: 2021-04-01\nareas: [skola]\nlead: Något nytt.\n---\nLäs om [säkerheten](/nyheter/2021/sakerhet/).\n'),
      },
      { name: 'text of the new file', path: 'nyheter/ny-nyhet.md', change: () => edit('nyheter/ny-nyhet.md', (text) => text.replace('Läs om', 'Läs mer om')) },
      { name: 'deleted file', path: 'nyheter/sakerhet.md', change: () => rm(join(content, 'nyheter', 'sakerhet.md')), broken: true },
      { name: 'broken link fixed', path: 'nyheter/ny-nyhet.md', change: () => edit('nyheter/ny-nyhet.md', (text) => text.replace('/nyheter/2021/sakerhet/', '/projekt/')) },
      { name: 'link broken in text', path: 'projekt/lasframmjande.md', change: () => edit('projekt/lasframmjande.md', (text) => text.replace('Projektet läser.', 'Projektet [läser](/finns-inte/).')), broken: true },
      { name: 'link fixed in text', path: 'projekt/lasframmjande.md', change: () => edit('projekt/lasframmjande.md', (text) => text.replace('/finns-inte/', '/omraden/skola/')) },
      { name: 'text again', path: 'omraden/skola.md', change: () => edit('omraden/skola.md', (text) => text.replace('Området arbetar med skolor.', 'Området arbetar med [skolor](/nyheter/2021/ny-nyhet/).')) },
    ];
    for (const step of steps) {
      await step.change();
      const result = await live.update([step.path]);
      const fresh = new BuildSession(preview());
      const made = await fresh.update();
      expect(result.messages.map(String), step.name).toEqual(made.messages.map(String));
      expect(result.messages.length > 0, step.name).toBe(step.broken === true);
      // a broken update keeps the last good output; a good one is the fresh session's, byte for byte
      if (!step.broken) expect(Object.fromEntries(live.outputFiles), step.name).toEqual(Object.fromEntries(fresh.outputFiles));
    }
  });

  it('still checks the links of edited text, and recovers when the link is fixed', async () => {
    await session.update();
    await edit('projekt/lasframmjande.md', (text) => text.replace('Projektet läser.', 'Projektet [läser](/finns-inte/).'));
    const broken = await session.update(['projekt/lasframmjande.md']);
    expect(broken.messages.map((message) => `${message.file}:${message.line} ${message.reason}`).join('\n')).toMatch(/projekt\/lasframmjande\.md:\d+ Länken "\/finns-inte\/"/);
    expect(String(session.outputFiles.get('projekt/lasframmjande/index.html'))).toContain('Projektet läser.');
    await edit('projekt/lasframmjande.md', (text) => text.replace('/finns-inte/', '/projekt/'));
    const fixed = await session.update(['projekt/lasframmjande.md']);
    expect(fixed.messages).toEqual([]);
    expect(String(session.outputFiles.get('projekt/lasframmjande/index.html'))).toContain('href="/projekt/"');
  });

  it('keeps reporting a broken link when an unrelated file is saved after it, as a build would', async () => {
    await session.update();
    await edit('projekt/lasframmjande.md', (text) => text.replace('Projektet läser.', 'Projektet [läser](/finns-inte/).'));
    expect((await session.update(['projekt/lasframmjande.md'])).messages).toHaveLength(1);
    await edit('nyheter/sakerhet.md', (text) => text.replace(/\n*$/, '\n\nEn mening till.\n'));
    const after = await session.update(['nyheter/sakerhet.md']);
    expect(after.messages.map((message) => `${message.file} ${message.ruleId}`)).toEqual([expect.stringMatching(/projekt\/lasframmjande\.md broken-link$/)]);
    const fresh = await new BuildSession(options()).update();
    expect(after.messages.map(String)).toEqual(fresh.messages.map(String));
  });

  it('removes a deleted file\'s page and every link to it', async () => {
    await session.update();
    await rm(join(content, 'nyheter', 'sakerhet.md'));
    const result = await session.update(['nyheter/sakerhet.md']);
    expect(result.messages).toEqual([]);
    expect(result.removed).toContain('nyheter/2021/sakerhet/index.html');
    expect(result.removed).toContain('nyheter/2021/index.html');
    for (const [file, html] of session.outputFiles) expect(String(html), file).not.toContain('/nyheter/2021/sakerhet/');
  });

  it('keeps the last good site while content is invalid, and recovers when it is fixed', async () => {
    await session.update();
    const good = Object.fromEntries(session.outputFiles);
    await edit('nyheter/lasning-startar.md', (text) => text.replace('date: 2020-09-01', 'date: 2020-09-31'));
    const broken = await session.update(['nyheter/lasning-startar.md']);
    expect(broken.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['3:7 invalid-date']);
    expect(Object.fromEntries(session.outputFiles)).toEqual(good);
    await edit('nyheter/lasning-startar.md', (text) => text.replace('date: 2020-09-31', 'date: 2020-09-30'));
    const fixed = await session.update(['nyheter/lasning-startar.md']);
    expect(fixed.messages).toEqual([]);
    expect(String(session.outputFiles.get('nyheter/2020/lasning-startar/index.html'))).toContain('30 september 2020');
  });

  it('shows drafts and future news only when asked, marked', async () => {
    const preview = new BuildSession({ ...options(), drafts: true });
    await preview.update();
    expect(String(preview.outputFiles.get('nyheter/2021/utkast/index.html'))).toContain('Utkast');
    expect(session.outputFiles.has('nyheter/2021/utkast/index.html')).toBe(false);
    await edit('nyheter/sakerhet.md', (text) => text.replace('date: 2021-02-01', 'date: 2026-06-01'));
    const published = await session.update();
    expect(published.messages).toEqual([]);
    expect(session.outputFiles.has('nyheter/2026/sakerhet/index.html')).toBe(false);
    const later = new BuildSession({ ...options(), today: '2026-06-01' });
    await later.update();
    expect(later.outputFiles.has('nyheter/2026/sakerhet/index.html')).toBe(true);
  });
});
