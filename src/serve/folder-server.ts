import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { contentTypeFor } from '../format/content-types.js';
import { siteFileFor } from './site-path.js';

/*
 * Serves a folder of built site files over HTTP as GitHub Pages would (see site-path.ts):
 * "/x" redirects to "/x/" when x is a folder, a missing file gets the site's 404.html with
 * status 404, nothing outside the folder is ever read. GET and HEAD only, with Content-Length,
 * Last-Modified and an ETag, so a browser asks again rather than keeping a stale page after the
 * next build.
 */

export interface FolderServerOptions {
  /** The folder of site files. */
  root: string;
  /** The URL path the site is served under: "/" or, for a site built for a sub-path, "/repo/". */
  basePath?: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
}

export interface FolderServer {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  /** The site's front page: the origin and the base path. */
  url: string;
  close(): Promise<void>;
}

const plain = 'text/plain; charset=utf-8';

/** The file's stats when `path` is a regular file inside `root` (after following links); else undefined. */
async function fileInside(root: string, path: string): Promise<Stats | undefined> {
  try {
    const real = await realpath(path);
    const rel = relative(root, real);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    const info = await stat(real);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/** Answers one request from the folder; never throws for a request's sake. */
async function answer(root: string, basePath: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  const text = (status: number, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': plain, 'content-length': Buffer.byteLength(body), ...headers });
    response.end(method === 'HEAD' ? undefined : body);
  };
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Bara GET och HEAD.\n', { allow: 'GET, HEAD' });

  // the raw path, not a URL parsed against a base: the parser would quietly drop a leading "/.."
  const rawPath = (request.url ?? '/').split(/[?#]/)[0]!;
  const asked = siteFileFor(rawPath, basePath);
  if (asked.kind === 'refused') return text(400, 'Felaktig adress: den går utanför webbplatsens mapp eller går inte att läsa.\n');
  if (asked.kind === 'outside') {
    // the front page of a site served under a sub-path, asked for at the root
    if (rawPath === '/') return text(302, `Webbplatsen finns på ${basePath}\n`, { location: basePath });
    return text(404, `Webbplatsen finns under ${basePath}; den här adressen ligger utanför den.\n`);
  }

  const path = join(root, asked.file);
  let status = 200;
  let info = await fileInside(root, path);
  let served = path;
  if (!info) {
    if (!asked.file.endsWith('index.html') && (await isFolder(path))) {
      const query = (request.url ?? '').slice(rawPath.length);
      // one leading slash: "//nyheter/" would send the browser to the host "nyheter"
      return text(301, '', { location: `/${rawPath.replace(/^\/+/, '')}/${query}` });
    }
    const notFound = join(root, '404.html');
    info = await fileInside(root, notFound);
    if (!info) return text(404, 'Sidan finns inte.\n');
    status = 404;
    served = notFound;
  }

  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': contentTypeFor(served),
    'content-length': String(info.size),
    'last-modified': info.mtime.toUTCString(),
    etag,
    // always asked again, so the next build shows at once; an unchanged file is a 304
    'cache-control': 'no-cache',
  };
  if (status === 200 && request.headers['if-none-match'] === etag) {
    const { 'content-length': _length, ...rest } = headers;
    response.writeHead(304, rest).end();
    return;
  }
  response.writeHead(status, headers);
  if (method === 'HEAD') {
    response.end();
    return;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(served);
    stream.once('error', () => {
      response.destroy();
      done();
    });
    stream.once('end', () => done());
    stream.pipe(response);
  });
}

/** Serves `root` until `close()`; rejects with the listen error (EADDRINUSE …) when the port cannot be had. */
export async function startFolderServer(options: FolderServerOptions): Promise<FolderServer> {
  const root = await realpath(resolve(options.root));
  const basePath = options.basePath ?? '/';
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) throw new TypeError(`basePath must start and end with "/": ${basePath}`);
  const server = createServer((request, response) => {
    answer(root, basePath, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': plain });
      response.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: `${origin}${basePath}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
