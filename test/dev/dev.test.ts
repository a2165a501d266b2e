import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, open, readFile, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyContent, fixture, root } from '../support/cli.js';

/*
 * Every test runs `verksam dev` as an editor does, `node bin/verksam.js dev`, from a copy of
 * verksam itself: a test may then break a template or change the stylesheet without touching
 * the real ones. The copy includes the compiled lib/, so the preview starts compiled, as an
 * editor's does, and a template edited while it runs is loaded from its source. Tests wait only
 * for what the preview says (its log lines, its events).
 */

let site: string;
let verksam: string;
let preview: Preview;
let events: EventReader | undefined;

/** A running `verksam dev`, read line by line. */
class Preview {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private stderr = '';
  private exited: number | null | undefined;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.child = spawn(
      process.execPath,
      [join(verksam, 'bin', 'verksam.js'), 'dev', '--content', 'content', '--port', '0', '--no-cache', '--now', '2026-01-01'],
      { cwd: site, env: { ...process.env, NO_COLOR: '1' } },
    );
    let buffer = '';
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const complete = buffer.split('\n');
      buffer = complete.pop()!;
      this.lines.push(...complete);
      this.changed();
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.child.on('exit', (code) => {
      this.exited = code;
      this.changed();
    });
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** The `count`th line of output that matches; fails if the preview stops before printing it. */
  line(pattern: RegExp, count = 1): Promise<string> {
    return new Promise((done, fail) => {
      const check = () => {
        const matching = this.lines.filter((line) => pattern.test(line));
        if (matching.length >= count) done(matching[count - 1]!);
        else if (this.exited !== undefined) fail(new Error(`verksam dev stopped (${this.exited}):\n${this.lines.join('\n')}\n${this.stderr}`));
        else return;
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** The address the preview says it serves, once it says so. */
  async url(): Promise<string> {
    return /förhandsvisningen körs på (\S+)/.exec(await this.line(/förhandsvisningen körs på/))![1]!;
  }

  /** Ctrl+C, as the editor stops it. */
  async stop(): Promise<void> {
    if (this.exited !== undefined) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGINT');
    await exited;
  }
}

/** Reads Server-Sent Events from the preview, as a browser's EventSource would. */
class EventReader {
  private buffer = '';
  private readonly received: { event: string; data: unknown }[] = [];
  private readonly controller = new AbortController();
  private notify?: () => void;
  /** Resolves when the preview has answered: from then on no event is missed. */
  readonly opened: Promise<void>;

  constructor(url: string) {
    let open!: () => void;
    this.opened = new Promise((done) => (open = done));
    void fetch(new URL('/__verksam/events', url), { signal: this.controller.signal })
      .then(async (response) => {
        const decoder = new TextDecoder();
        for await (const chunk of response.body!) {
          this.buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end: number;
          while ((end = this.buffer.indexOf('\n\n')) >= 0) {
            const block = this.buffer.slice(0, end);
            this.buffer = this.buffer.slice(end + 2);
            // the preview's first block is a comment, sent when it has taken the connection
            open();
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

/** Starts the preview and listens to its events, as an open page does. */
async function start(): Promise<string> {
  preview = new Preview();
  const url = await preview.url();
  events = new EventReader(url);
  await events.opened;
  return url;
}

const get = async (path: string) => {
  const response = await fetch(new URL(path, await preview.url()));
  return { status: response.status, text: await response.text() };
};

/**
 * Saves a file whole, as editors that write a new file and rename it over the old one do: the
 * preview never sees it half-written, so each save is exactly one change.
 */
async function save(file: string, text: string | Uint8Array): Promise<void> {
  const temporary = join(site, '.saving');
  await writeFile(temporary, text);
  await rename(temporary, file);
}

async function edit(path: string, change: (text: string) => string): Promise<void> {
  const file = join(site, 'content', path);
  await save(file, change(await readFile(file, 'utf8')));
}

async function editTemplate(path: string, change: (text: string) => string): Promise<void> {
  const file = join(verksam, 'templates', path);
  await save(file, change(await readFile(file, 'utf8')));
}

const breakHome = (text: string) => `${text}\nexport const broken = (;\n`;
const brokenLine = async () => (await readFile(join(verksam, 'templates', 'home.tsx'), 'utf8')).split('\n').length - 1;

beforeEach(async () => {
  const content = await copyContent(fixture('basic'));
  // the test's own folder: content/, verksam/ (the copy), and where the preview runs
  site = dirname(content);
  verksam = join(site, 'verksam');
  await mkdir(verksam);
  for (const part of ['bin', 'src', 'templates', 'lib', 'package.json', 'tsconfig.json']) await cp(join(root, part), join(verksam, part), { recursive: true });
  await symlink(await realpath(join(root, 'node_modules')), join(verksam, 'node_modules'));
});

afterEach(async () => {
  events?.close();
  events = undefined;
  await preview.stop();
  await rm(site, { recursive: true, force: true });
});

describe('verksam dev', () => {
  it('serves the search script as JavaScript and images as images, but builds no search index', async () => {
    const url = await start();
    const script = await fetch(new URL('/sok.js', url));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const search = await get('/sok/');
    expect(search.text).toContain('data-search-no-index');
    expect(search.text).toContain('npm run build');
    expect((await get('/pagefind/pagefind.js')).status).toBe(404);
    const item = await get('/nyheter/2020/lasning-startar/');
    const image = /src="(\/bilder\/bokhylla-[0-9a-f]+-960\.jpg)"/.exec(item.text)?.[1];
    const response = await fetch(new URL(image!, url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
  });

  it('serves the site on 127.0.0.1 with drafts marked, and a 404 page for unknown addresses', async () => {
    expect(await start()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
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

  it('answers 400 to an address with a malformed escape, and keeps serving', async () => {
    await start();
    expect((await get('/nyheter/100%zz/')).status).toBe(400);
    expect((await get('/%E0%A4%A/')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('sends a folder asked without its slash to the folder on this site, never to another host', async () => {
    const { hostname, port } = new URL(await start());
    // sent as written: fetch would tidy "/./" away
    const location = (path: string) =>
      new Promise<string | undefined>((done, fail) => {
        const sent = request({ host: hostname, port, path }, (response) => {
          response.resume();
          done(response.headers.location);
        });
        sent.once('error', fail);
        sent.end();
      });
    expect(await location('/nyheter')).toBe('/nyheter/');
    // "//nyheter/" would be the host "nyheter" to a browser
    expect(await location('/.//nyheter')).toBe('/nyheter/');
  });

  it('sends a reload event for the edited page and serves its new HTML', async () => {
    await start();
    await edit('nyheter/lasning-startar.md', (text) => text.replace('Ännu mer.', 'Ännu mer, sparat nyss.'));
    const event = await events!.next();
    expect(event.event).toBe('reload');
    expect(event.data).toContain('/nyheter/2020/lasning-startar/');
    expect((await get('/nyheter/2020/lasning-startar/')).text).toContain('sparat nyss');
  });

  it('publishes an attachment saved or replaced while it runs, and the links to it say its new size', async () => {
    const url = await start();
    expect((await get('/om-oss/')).text).toContain('förbundsordning (PDF, 1 kB)');
    const larger = Buffer.concat([await readFile(join(site, 'content', 'filer', 'forbundsordning.pdf')), Buffer.alloc(4000, 32)]);
    await save(join(site, 'content', 'filer', 'forbundsordning.pdf'), larger);
    const event = await events!.next();
    expect(event.event).toBe('reload');
    expect(event.data).toContain('/om-oss/');
    expect((await get('/om-oss/')).text).toContain('förbundsordning (PDF, 4 kB)');
    const served = await fetch(new URL('/filer/forbundsordning.pdf', url));
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), larger)).toBe(0);

    await save(join(site, 'content', 'filer', 'stadgar.docx'), 'PK stadgar');
    expect((await events!.next()).event).toBe('reload');
    const added = await fetch(new URL('/filer/stadgar.docx', url));
    expect(added.status).toBe(200);
    expect(await added.text()).toBe('PK stadgar');
  });

  it('applies an edit saved while the first build runs', async () => {
    // The stylesheet, made a named pipe, holds the first build where it reads it, after the
    // content: the test knows the build is running, and the edit comes after it read the file.
    const stylesheet = join(verksam, 'templates', 'style.css');
    const css = await readFile(stylesheet, 'utf8');
    await rm(stylesheet);
    await new Promise((done, fail) => execFile('mkfifo', [stylesheet], (error) => (error ? fail(error) : done(null))));
    preview = new Preview();
    const pipe = await open(stylesheet, 'w');
    // later builds read a plain file again, with the same text
    await save(stylesheet, css);
    await edit('nyheter/lasning-startar.md', (text) => text.replace('Ännu mer.', 'Ännu mer, sparat under bygget.'));
    await pipe.writeFile(css);
    await pipe.close();
    await preview.line(/sidor uppdaterade/, 2);
    expect((await get('/nyheter/2020/lasning-startar/')).text).toContain('sparat under bygget');
  });

  it('shows an overlay with file:line while content is broken, keeps the last good page, and removes it when fixed', async () => {
    await start();
    await edit('nyheter/lasning-startar.md', (text) => text.replace('date: 2020-09-01', 'date: 2020-09-31'));
    expect((await events!.next()).event).toBe('reload');
    const broken = await get('/omraden/skola/');
    expect(broken.status).toBe(200);
    expect(broken.text).toContain('id="verksam-problem"');
    expect(broken.text).toMatch(/nyheter\/lasning-startar\.md:3:7/);
    expect(broken.text).toContain('Läsningen startar');

    await edit('nyheter/lasning-startar.md', (text) => text.replace('date: 2020-09-31', 'date: 2020-09-30'));
    expect((await events!.next()).event).toBe('reload');
    const fixed = await get('/omraden/skola/');
    expect(fixed.text).not.toContain('id="verksam-problem"');
    expect(fixed.text).toContain('30 september 2020');
  });

  it("lists a placeholder left by verksam new among the preview's problems, at its line", async () => {
    await start();
    await edit('projekt/gammalt.md', (text) => text.replace('summary: Ett avslutat projekt.', 'summary: Skriv en mening om vad projektet gör.'));
    expect((await events!.next()).event).toBe('reload');
    const page = await get('/projekt/gammalt/');
    expect(page.text).toContain('id="verksam-problem"');
    expect(page.text).toMatch(/projekt\/gammalt\.md:4:10/);
    expect(page.text).toContain('platshållaren');
    expect(page.text).toContain('Ett avslutat projekt.');
  });

  it('keeps a template error on every page while content edits are applied, until the template is fixed', async () => {
    await start();
    await editTemplate('home.tsx', breakHome);
    expect(await events!.next()).toEqual({ event: 'reload', data: null });
    const line = await brokenLine();
    expect((await get('/')).text).toMatch(new RegExp(`templates/home\\.tsx:${line}:\\d+`));

    // the templates that still load render the edit; the template error stays
    await edit('nyheter/lasning-startar.md', (text) => text.replace('Ännu mer.', 'Ännu mer, sparat nyss.'));
    expect((await events!.next()).data).toContain('/nyheter/2020/lasning-startar/');
    const edited = (await get('/nyheter/2020/lasning-startar/')).text;
    expect(edited).toContain('sparat nyss');
    expect(edited).toMatch(new RegExp(`templates/home\\.tsx:${line}:\\d+`));

    await editTemplate('home.tsx', (text) => text.replace('\nexport const broken = (;\n', ''));
    expect((await events!.next()).event).toBe('reload');
    expect((await get('/nyheter/2020/lasning-startar/')).text).not.toContain('id="verksam-problem"');
  });

  it('starts with a template that does not load, names it on every page, and builds the site when it is fixed', async () => {
    await editTemplate('home.tsx', breakHome);
    const line = await brokenLine();
    await start();
    const broken = await get('/');
    expect(broken.text).toContain('id="verksam-problem"');
    expect(broken.text).toMatch(new RegExp(`templates/home\\.tsx:${line}:\\d+`));
    expect(await preview.line(/templates\/home\.tsx/)).toBeTruthy();

    await editTemplate('home.tsx', (text) => text.replace('\nexport const broken = (;\n', ''));
    expect((await events!.next()).event).toBe('reload');
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<html lang="sv">');
    expect(home.text).not.toContain('id="verksam-problem"');
  });

  it('answers 404 for a deleted file\'s page and drops every link to it', async () => {
    await start();
    await rm(join(site, 'content', 'nyheter', 'sakerhet.md'));
    await events!.next();
    expect((await get('/nyheter/2021/sakerhet/')).status).toBe(404);
    expect((await get('/nyheter/')).text).not.toContain('/nyheter/2021/sakerhet/');
  });

  it('swaps the stylesheet without a reload when only CSS changed', async () => {
    await start();
    await editTemplate('style.css', (text) => `${text}\n/* preview test */\n`);
    expect(await events!.next()).toEqual({ event: 'css', data: ['/stil.css'] });
    expect((await get('/stil.css')).text).toContain('/* preview test */');
  });
});
