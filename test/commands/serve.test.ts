import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { basePathFromRobots } from '../../src/serve/built-site.js';
import { siteFileFor } from '../../src/serve/site-path.js';
import { buildSite, siteSources } from '../support/build-site.js';
import { chromiumAvailable, launchBrowser } from '../support/browser.js';
import { root, runCli, tempDir } from '../support/cli.js';

/*
 * `verksam serve` as an editor runs it: a real process showing a real build on 127.0.0.1 on a
 * port the system picks, asked over real HTTP, and searched in a real Chromium.
 */

const hasChromium = chromiumAvailable();
const secret = 'inte-en-del-av-webbplatsen';

interface Serving {
  /** The address serve printed: the site's front page. */
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  stdout: () => string;
}

const running: Serving[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const serving of running.splice(0)) {
    if (serving.process.exitCode === null) serving.process.kill('SIGTERM');
    await serving.exited;
  }
});
afterAll(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Starts `verksam serve …` and waits for the line with its address. */
function serve(args: readonly string[], cwd = root): Promise<Serving> {
  const child = spawn(process.execPath, [join(root, 'bin', 'verksam.js'), 'serve', '--port', '0', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /visas på (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        const serving = { url, process: child, exited, stdout: () => out };
        running.push(serving);
        done(serving);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    void exited.then((code) => fail(new Error(`verksam serve ended (${code}) before printing its address:\n${out}${err}`)));
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the path exactly as given: fetch would tidy "/../" away before sending it. */
function ask(url: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const sent = request({ host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.once('error', fail);
    sent.end();
  });
}

const basic = () => siteSources().find((source) => source.name === 'basic')!;

/** A copy of a built site in a folder of its own, with a file beside it that must never be served. */
async function siteCopy(baseUrl?: string): Promise<{ dir: string; site: string }> {
  const built = await buildSite(basic(), { baseUrl });
  const dir = await tempDir('verksam-serve-');
  folders.push(dir);
  const site = join(dir, 'dist');
  await cp(built.outDir, site, { recursive: true });
  await writeFile(join(dir, 'hemlig.txt'), secret);
  return { dir, site };
}

describe('verksam serve', () => {
  let plain: { dir: string; site: string };
  let underRepo: { dir: string; site: string };
  beforeAll(async () => {
    plain = await siteCopy();
    underRepo = await siteCopy('https://exempel.github.io/repo/');
  });

  it('serves pages, assets and the search index with their content types, the default folder being dist/', async () => {
    const { url } = await serve([], plain.dir);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const front = await ask(url, '/');
    expect(front.status).toBe(200);
    expect(front.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(front.body).toBe(await readFile(join(plain.site, 'index.html'), 'utf8'));
    expect(Number(front.headers['content-length'])).toBe(Buffer.byteLength(front.body));

    const news = await ask(url, '/nyheter/');
    expect(news.status).toBe(200);
    expect(news.body).toBe(await readFile(join(plain.site, 'nyheter', 'index.html'), 'utf8'));
    const withoutSlash = await ask(url, '/nyheter?sida=2');
    expect(withoutSlash.status).toBe(301);
    expect(withoutSlash.headers.location).toBe('/nyheter/?sida=2');

    expect((await ask(url, '/stil.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const pagefind = await ask(url, '/pagefind/pagefind.js');
    expect(pagefind.status).toBe(200);
    expect(pagefind.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await ask(url, '/robots.txt')).headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers HEAD with the headers alone, and an unchanged file with 304', async () => {
    const { url } = await serve(['--out', plain.site]);
    const get = await ask(url, '/stil.css');
    const head = await ask(url, '/stil.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['last-modified']).toBe(get.headers['last-modified']);
    const again = await ask(url, '/stil.css', { headers: { 'if-none-match': String(get.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect((await ask(url, '/stil.css', { method: 'POST' })).status).toBe(405);
  });

  it("answers a missing page with the site's 404 page and status 404", async () => {
    const { url } = await serve(['--out', plain.site]);
    const missing = await ask(url, '/finns-inte/');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body).toBe(await readFile(join(plain.site, '404.html'), 'utf8'));
    expect((await ask(url, '/nyheter/finns-inte.css')).status).toBe(404);
  });

  it('never serves a file outside the folder, however the path is written', async () => {
    await symlink(join(plain.dir, 'hemlig.txt'), join(plain.site, 'lank.txt'));
    const { url } = await serve(['--out', plain.site]);
    const attempts = [
      '/../hemlig.txt',
      '/nyheter/../../hemlig.txt',
      '/%2e%2e/hemlig.txt',
      '/%2E%2E%2Fhemlig.txt',
      '/..%2fhemlig.txt',
      '/nyheter/..%2f..%2fhemlig.txt',
      '/..%5chemlig.txt',
      '/%2e%2e%5c%2e%2e%5chemlig.txt',
      '/lank.txt',
      '/%00/../hemlig.txt',
      '/%e0%a4%a/',
    ];
    for (const path of attempts) {
      const answer = await ask(url, path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body, path).not.toContain(secret);
    }
    // the server is still there after them
    expect((await ask(url, '/')).status).toBe(200);
  });

  it('sends a folder asked without its slash to the same folder on this site, never to another host', async () => {
    const { url } = await serve(['--out', plain.site]);
    for (const [path, location] of [
      ['/nyheter', '/nyheter/'],
      ['/nyheter?sida=2', '/nyheter/?sida=2'],
      // "//nyheter/" would be the host "nyheter" to a browser
      ['//nyheter', '/nyheter/'],
      ['///nyheter', '/nyheter/'],
    ] as const) {
      const answer = await ask(url, path);
      expect(answer.status, path).toBe(301);
      expect(answer.headers.location, path).toBe(location);
    }
    expect((await ask(url, '/..;/hemlig.txt')).status).toBe(404);
    expect((await ask(url, '/', { method: 'OPTIONS' })).headers.allow).toBe('GET, HEAD');
  });

  it('serves a site built for a sub-path under that path, and prints that address', async () => {
    const { url } = await serve(['--out', underRepo.site]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/repo\/$/);
    const front = await ask(url, '/repo/');
    expect(front.status).toBe(200);
    expect(front.body).toContain('href="/repo/stil.css');
    expect((await ask(url, '/repo/stil.css')).status).toBe(200);
    expect((await ask(url, '/repo/pagefind/pagefind.js')).status).toBe(200);
    const root = await ask(url, '/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/repo/');
    expect((await ask(url, '/stil.css')).status).toBe(404);
    expect((await ask(url, '/repo/finns-inte/')).body).toBe(await readFile(join(underRepo.site, '404.html'), 'utf8'));
  });

  it('stops cleanly, exit code 0, on Ctrl+C (SIGINT) and on SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const serving = await serve(['--out', plain.site]);
      // a browser's open connection does not hold it up
      const kept = await ask(serving.url, '/', { headers: { connection: 'keep-alive' } });
      expect(kept.status).toBe(200);
      serving.process.kill(signal);
      expect(await serving.exited, signal).toBe(0);
    }
  });

  it('refuses a folder that verksam did not build, and one that does not exist, saying to build first', async () => {
    const dir = await tempDir('verksam-serve-');
    folders.push(dir);
    const other = join(dir, 'annan');
    await mkdir(other);
    await writeFile(join(other, 'index.html'), '<!doctype html><title>x</title>');
    const foreign = await runCli(['serve', '--out', other, '--port', '0']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('är ingen webbplats som verksam har byggt');
    expect(foreign.stderr).toContain('Kör verksam build först');
    expect(foreign.stdout).toBe('');
    const missing = await runCli(['serve', '--port', '0'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Mappen dist finns inte. Kör verksam build först');
  });

  it('says so when the port is taken, with exit code 2', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', () => done()));
    const { port } = taken.address() as { port: number };
    try {
      const result = await runCli(['serve', '--out', plain.site, '--port', String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Porten ${port} används redan`);
    } finally {
      await new Promise<void>((done) => taken.close(() => done()));
    }
  });

  describe.skipIf(!hasChromium)('in Chromium', () => {
    it('finds a news item with the search page of the served site, under a sub-path too', async () => {
      const browser = await launchBrowser();
      try {
        for (const site of [plain.site, underRepo.site]) {
          const { url } = await serve(['--out', site]);
          const context = await browser.newContext();
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (error) => errors.push(error.message));
          await page.goto(new URL(`sok/?q=${encodeURIComponent('Läsfrämjande')}`, url).href, { waitUntil: 'load' });
          await page.waitForFunction(() => /träff/.test(document.getElementById('sok-status')?.textContent ?? ''));
          const titles = await page.$$eval('#sok-traffar > li h2', (items) => items.map((item) => item.textContent ?? ''));
          expect(titles, site).toContain('Läsningen startar');
          const href = await page.getAttribute('#sok-traffar > li a', 'href');
          expect(href?.startsWith(new URL(url).pathname), site).toBe(true);
          expect(errors, site).toEqual([]);
          await context.close();
        }
      } finally {
        await browser.close();
      }
    });
  });
});

describe('which file a URL path names', () => {
  it('maps folders to their index.html, under the base path only', () => {
    expect(siteFileFor('/')).toEqual({ kind: 'file', file: 'index.html' });
    expect(siteFileFor('/nyheter/')).toEqual({ kind: 'file', file: 'nyheter/index.html' });
    expect(siteFileFor('/nyheter')).toEqual({ kind: 'file', file: 'nyheter' });
    expect(siteFileFor('/s%C3%B6k/')).toEqual({ kind: 'file', file: 'sök/index.html' });
    expect(siteFileFor('/repo/stil.css', '/repo/')).toEqual({ kind: 'file', file: 'stil.css' });
    expect(siteFileFor('/stil.css', '/repo/')).toEqual({ kind: 'outside' });
  });

  it('refuses what climbs out or cannot be read', () => {
    for (const path of ['/../x', '/a/%2e%2e/%2e%2e/x', '/..%2fx', '/a%5cb', '/%00', '/%e0%a4%a']) expect(siteFileFor(path), path).toEqual({ kind: 'refused' });
  });

  it("reads the base path from the build's robots.txt", () => {
    expect(basePathFromRobots('User-agent: *\nAllow: /\n\nSitemap: https://exempel.github.io/repo/sitemap.xml\n')).toBe('/repo/');
    expect(basePathFromRobots('Sitemap: https://www.kfkl.se/sitemap.xml\n')).toBe('/');
    expect(basePathFromRobots('')).toBe('/');
  });
});
