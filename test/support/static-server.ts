import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { resolve, sep } from 'node:path';
import { contentTypeFor } from '../../src/format/content-types.js';

/*
 * A tiny static file server for the browser and link tests, behaving like GitHub Pages:
 * `/x/` serves `/x/index.html`, `/x` redirects to `/x/` when x is a folder, a missing file gets
 * the folder's 404.html with status 404. It listens on 127.0.0.1 on an ephemeral port and never
 * serves anything outside its folder.
 */


export interface StaticServerOptions {
  /**
   * The URL path the folder is served under, like a GitHub Pages project site ("/repo/").
   * Must start and end with "/". Requests outside it get a plain 404. Default "/".
   */
  basePath?: string;
}

export interface StaticServer {
  /** "http://127.0.0.1:<port>" */
  readonly origin: string;
  /** The URL path the folder is served under ("/" or "/repo/"). */
  readonly basePath: string;
  /** Absolute URL of a root-relative path ("/repo/nyheter/" → "http://127.0.0.1:1234/repo/nyheter/"). */
  url(path: string): string;
  /**
   * Absolute URL of a page's path relative to the base path, e.g. a `SitePage.url`
   * ("/nyheter/" → "http://127.0.0.1:1234/repo/nyheter/" when served under /repo/).
   */
  pageUrl(sitePath: string): string;
  close(): Promise<void>;
}

type Resolved =
  | { kind: 'file'; file: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found' }
  | { kind: 'forbidden' };

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Maps a request path to a file inside `root`, refusing anything that escapes it. */
async function resolveRequest(root: string, basePath: string, rawPath: string): Promise<Resolved> {
  if (!rawPath.startsWith(basePath)) return { kind: 'not-found' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath.slice(basePath.length));
  } catch {
    return { kind: 'not-found' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  // Resolve against the root and check the result is still inside it: "..", "%2e%2e" and
  // absolute-looking paths all end up here.
  const target = resolve(root, `.${'/'}${decoded}`);
  if (target !== root && !target.startsWith(root + sep)) return { kind: 'forbidden' };
  if (rawPath.endsWith('/')) {
    const index = resolve(target, 'index.html');
    return (await isFile(index)) ? { kind: 'file', file: index } : { kind: 'not-found' };
  }
  if (await isFile(target)) return { kind: 'file', file: target };
  if (await isDirectory(target)) return { kind: 'redirect', location: `${rawPath}/` };
  return { kind: 'not-found' };
}

async function send(response: ServerResponse, method: string, status: number, type: string, body: Buffer): Promise<void> {
  response.writeHead(status, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
  response.end(method === 'HEAD' ? undefined : body);
}

/** Serves `folder` on 127.0.0.1 on a free port until `close()`. */
export async function startStaticServer(folder: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(folder);
  const basePath = options.basePath ?? '/';
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) {
    throw new Error(`startStaticServer: basePath must start and end with "/", got ${JSON.stringify(basePath)}`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const resolved = await resolveRequest(root, basePath, path);
    switch (resolved.kind) {
      case 'file':
        return send(response, method, 200, contentTypeFor(resolved.file), await readFile(resolved.file));
      case 'redirect':
        response.writeHead(301, { location: resolved.location }).end();
        return;
      case 'forbidden':
        return send(response, method, 403, 'text/plain; charset=utf-8', Buffer.from('403 Forbidden\n'));
      case 'not-found': {
        const notFoundPage = resolve(root, '404.html');
        if (path.startsWith(basePath) && (await isFile(notFoundPage))) {
          return send(response, method, 404, contentTypeFor(notFoundPage), await readFile(notFoundPage));
        }
        return send(response, method, 404, 'text/plain; charset=utf-8', Buffer.from('404 Not Found\n'));
      }
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`500 ${String(error)}\n`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    basePath,
    url: (path: string) => new URL(path, origin).href,
    pageUrl: (sitePath: string) => new URL(basePath + sitePath.replace(/^\//, ''), origin).href,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
