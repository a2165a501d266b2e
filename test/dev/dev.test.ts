import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/dev.js';
import { copyContent, fixture } from '../support/cli.js';

let content: string;
let dev: DevServer;
let events: EventReader;

/** Reads Server-Sent Events from the preview, as a browser's EventSource would. */
class EventReader {
  private buffer = '';
  private readonly received: { event: string; data: unknown }[] = [];
  private readonly controller = new AbortController();
  private notify?: () => void;

  constructor(url: string) {
    void fetch(new URL('/__verksam/events', url), { signal: this.controller.signal })
      .then(async (response) => {
        const decoder = new TextDecoder();
        for await (const chunk of response.body!) {
          this.buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end: number;
          while ((end = this.buffer.indexOf('\n\n')) >= 0) {
            const block = this.buffer.slice(0, end);
            this.buffer = this.buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data !== undefined) this.received.push({ event, data: JSON.parse(data) });
            this.notify?.();
          }
        }
      })
      .catch(() => {});
  }

  /** The next event; waits for it. */
  async next(): Promise<{ event: string; data: unknown }> {
    while (this.received.length === 0) await new Promise<void>((done) => (this.notify = done));
    return this.received.shift()!;
  }

  close(): void {
    this.controller.abort();
  }
}

const get = async (path: string) => {
  const response = await fetch(new URL(path, dev.url));
  return { status: response.status, text: await response.text() };
};

async function edit(path: string, change: (text: string) => string): Promise<void> {
  const file = join(content, path);
  await writeFile(file, change(await readFile(file, 'utf8')));
}

beforeEach(async () => {
  content = await copyContent(fixture('basic'));
  // a copy of the stylesheet, so the CSS test never touches the real one
  const templatesDir = join(dirname(content), 'templates');
  await mkdir(templatesDir);
  await copyFile(new URL('../../templates/style.css', import.meta.url), join(templatesDir, 'style.css'));
  dev = await startDev({ contentDir: content, cwd: dirname(content), port: 0, host: '127.0.0.1', today: '2026-01-01', templatesDir });
  events = new EventReader(dev.url);
  // the events connection is open once the server has answered its first comment
  await new Promise((done) => setTimeout(done, 100));
});

afterEach(async () => {
  events.close();
  await dev.close();
  await rm(dirname(content), { recursive: true, force: true });
});

describe('verksam dev', () => {
  it('serves the search script as JavaScript and images as images, but builds no search index', async () => {
    const script = await fetch(new URL('/sok.js', dev.url));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const search = await get('/sok/');
    expect(search.text).toContain('data-search-no-index');
    expect(search.text).toContain('npm run build');
    expect((await get('/pagefind/pagefind.js')).status).toBe(404);
    const item = await get('/nyheter/2020/lasning-startar/');
    const image = /src="(\/bilder\/bokhylla-[0-9a-f]+-960\.jpg)"/.exec(item.text)?.[1];
    const response = await fetch(new URL(image!, dev.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
  });

  it('serves the site on 127.0.0.1 with drafts marked, and a 404 page for unknown addresses', async () => {
    expect(dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<html lang="sv">');
    expect(home.text).toContain('/__verksam/events');
    const draft = await get('/nyheter/2021/utkast/');
    expect(draft.status).toBe(200);
    expect(draft.text).toContain('Utkast');
    const missing = await get('/finns-inte/');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Sidan finns inte');
  });

  it('sends a reload event for the edited page and serves its new HTML', async () => {
    await edit('nyheter/lasning-startar.md', (text) => text.replace('Ännu mer.', 'Ännu mer, sparat nyss.'));
    const event = await events.next();
    expect(event.event).toBe('reload');
    expect(event.data).toContain('/nyheter/2020/lasning-startar/');
    expect((await get('/nyheter/2020/lasning-startar/')).text).toContain('sparat nyss');
  });

  it('shows an overlay with file:line while content is broken, keeps the last good page, and removes it when fixed', async () => {
    await edit('nyheter/lasning-startar.md', (text) => text.replace('date: 2020-09-01', 'date: 2020-09-31'));
    expect((await events.next()).event).toBe('reload');
    const broken = await get('/omraden/skola/');
    expect(broken.status).toBe(200);
    expect(broken.text).toContain('id="verksam-problem"');
    expect(broken.text).toMatch(/nyheter\/lasning-startar\.md:3:7/);
    expect(broken.text).toContain('Läsningen startar');
    expect(dev.problems()).toHaveLength(1);

    await edit('nyheter/lasning-startar.md', (text) => text.replace('date: 2020-09-31', 'date: 2020-09-30'));
    expect((await events.next()).event).toBe('reload');
    // the watcher may first see the file half-written (and say so); its second look 80 ms later has it whole
    await expect.poll(async () => (await get('/omraden/skola/')).text, { timeout: 5000 }).not.toContain('id="verksam-problem"');
    expect((await get('/omraden/skola/')).text).toContain('30 september 2020');
  });

  it('answers 404 for a deleted file\'s page and drops every link to it', async () => {
    await rm(join(content, 'nyheter', 'sakerhet.md'));
    await events.next();
    expect((await get('/nyheter/2021/sakerhet/')).status).toBe(404);
    expect((await get('/nyheter/')).text).not.toContain('/nyheter/2021/sakerhet/');
  });

  it('swaps the stylesheet without a reload when only CSS changed', async () => {
    const summary = dev.nextUpdate();
    const css = join(dirname(content), 'templates', 'style.css');
    await writeFile(css, `${await readFile(css, 'utf8')}\n/* preview test */\n`);
    const event = await events.next();
    expect(event.event).toBe('css');
    expect((await summary).changedPaths).toEqual(['/stil.css']);
    expect((await get('/stil.css')).text).toContain('/* preview test */');
  });
});
