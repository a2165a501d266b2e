import { execFile } from 'node:child_process';
import { createServer, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Every gate test file needs the same built sites. Test files run in separate worker processes,
 * so the builds are owned by the main process: a small HTTP service on 127.0.0.1, started by
 * the vitest global setup, builds a site the first time a worker asks and answers every later
 * request (from any worker) with the same folder. Builds run one at a time (the machine has two
 * cores) and with the command users run, `node bin/verksam.js build`, as a separate process.
 * The folders are removed when the test run ends; tests must only read them.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SiteBuildRequest {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Passed as --base-url when set. */
  baseUrl?: string;
}

export interface SiteBuildService {
  readonly origin: string;
  close(): Promise<void>;
}

function runBuild(request: SiteBuildRequest, outDir: string): Promise<void> {
  // The PDF edition is checked once, by test/build/real-content.test.ts; the gates build without it.
  const args = [join(repoRoot, 'bin', 'verksam.js'), 'build', '--content', request.contentDir, '--out', outDir, '--no-pdf'];
  if (request.baseUrl !== undefined) args.push('--base-url', request.baseUrl);
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      if (error) {
        fail(new Error(`\`node ${args.join(' ')}\` failed (${error.code ?? error.signal ?? error.message}):\n${stdout}${stderr}`));
      } else if (!existsSync(join(outDir, 'index.html'))) {
        fail(new Error(`\`node ${args.join(' ')}\` exited 0 but wrote no ${join(outDir, 'index.html')}:\n${stdout}${stderr}`));
      } else {
        done();
      }
    });
  });
}

export async function startSiteBuildService(): Promise<SiteBuildService> {
  const root = await mkdtemp(join(tmpdir(), 'verksam-sites-'));
  const builds = new Map<string, Promise<string>>();
  let queue: Promise<unknown> = Promise.resolve();

  function build(request: SiteBuildRequest): Promise<string> {
    const key = JSON.stringify([request.contentDir, request.baseUrl ?? null]);
    let outDir = builds.get(key);
    if (!outDir) {
      const folder = join(root, `${builds.size}-${basename(request.contentDir)}`, 'site');
      outDir = queue.then(() => runBuild(request, folder)).then(() => folder);
      queue = outDir.catch(() => undefined);
      builds.set(key, outDir);
    }
    return outDir;
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const contentDir = url.searchParams.get('content');
    if (url.pathname !== '/build' || contentDir === null) {
      response.writeHead(404).end();
      return;
    }
    const baseUrl = url.searchParams.get('baseUrl') ?? undefined;
    build({ contentDir, baseUrl }).then(
      (outDir) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ outDir })),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error instanceof Error ? error.message : error)),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
      // A build still running when the run is cancelled must finish before its folder goes.
      await Promise.allSettled(builds.values());
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Asks the service at `origin` for a built site; resolves with its output folder. */
export function requestSiteBuild(origin: string, request: SiteBuildRequest): Promise<string> {
  const url = new URL('/build', origin);
  url.searchParams.set('content', request.contentDir);
  if (request.baseUrl !== undefined) url.searchParams.set('baseUrl', request.baseUrl);
  return new Promise((done, fail) => {
    // node:http rather than fetch: fetch gives up on headers after 300 s, a build on a busy machine may not.
    get(url, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode === 200) done((JSON.parse(body) as { outDir: string }).outDir);
        else fail(new Error(body || `the site build service answered ${response.statusCode}`));
      });
    }).on('error', fail);
  });
}
