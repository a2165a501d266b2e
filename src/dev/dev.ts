import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { SessionOptions } from '../session/session.js';
import { eventsPath, liveReloadScript } from './client.js';
import { Overlay, overlayStyle } from './overlay.js';
import type { FromWorker, Problem } from './protocol.js';
import { watchSources, type SourceChange } from './watch.js';
import { typescriptWorker } from '../workers/typescript-worker.js';

export interface DevOptions {
  contentDir: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  cwd: string;
  /** Today, ÅÅÅÅ-MM-DD, for what counts as published (tests). */
  today?: string;
  /** Where parsed files and rendered pages are kept between runs; none when absent (tests). */
  cacheDir?: string;
  /** The folder of templates and stylesheet to watch (tests use a copy of the stylesheet). */
  templatesDir?: string;
  /** Called with one line per event worth telling the editor. */
  log?: (line: string) => void;
}

export interface DevServer {
  url: string;
  /** The problems of the current content (empty when it is valid). */
  problems(): readonly Problem[];
  /** Resolves after the next update has been applied and its reload event sent. */
  nextUpdate(): Promise<UpdateSummary>;
  close(): Promise<void>;
}

export interface UpdateSummary {
  problems: number;
  changedPaths: string[];
  rendered: number;
  milliseconds: number;
}

const defaultTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

const decoder = new TextDecoder();

const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  // a module script (the search page's) must be served as JavaScript
  js: 'text/javascript; charset=utf-8',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  pdf: 'application/pdf',
};

/** The output file a request path is served from, as the published site would. */
function fileFor(urlPath: string): string {
  const path = decodeURIComponent(urlPath).replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The URL path of an output file: "nyheter/index.html" → "/nyheter/". */
function pathFor(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * `verksam dev`: builds, serves the site on 127.0.0.1, watches content and templates, rebuilds
 * what a change touches and tells open pages to reload. Invalid content never takes the preview
 * down: the last good site stays, with the problem list over it.
 */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const log = options.log ?? (() => {});
  const output = new Map<string, string | Uint8Array>();
  let problems: Problem[] = [];
  let fatal: string | undefined;
  const clients = new Set<ServerResponse>();
  const waiting: ((summary: UpdateSummary) => void)[] = [];

  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const server: Server = createServer((request, response) => handle(request, response));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host}:${port}/`;

  const templatesDir = options.templatesDir ?? defaultTemplatesDir;
  const sessionOptions: SessionOptions = {
    contentDir: options.contentDir,
    cwd: options.cwd,
    baseUrl: url,
    drafts: true,
    today: options.today,
    stylesheet: join(templatesDir, 'style.css'),
    mode: 'dev',
    cacheDir: options.cacheDir,
  };
  let started = performance.now();
  let worker = await startWorker();
  let pending: SourceChange[] = [];
  let busy = false;

  function startWorker(): Promise<Worker> {
    const next = typescriptWorker(new URL('./worker.ts', import.meta.url), sessionOptions);
    next.on('message', (reply: FromWorker) => apply(reply));
    next.on('error', (error) => apply({ type: 'failed', error: error.stack ?? error.message }));
    return new Promise((done) => {
      next.once('message', () => done(next));
      next.once('error', () => done(next));
      next.postMessage({ type: 'update', changed: null });
    });
  }

  function apply(reply: FromWorker): void {
    const previousProblems = JSON.stringify(problems);
    const previousFatal = fatal;
    let changedPaths: string[] = [];
    let rendered = 0;
    if (reply.type === 'failed') {
      fatal = reply.error;
      log(`verksam: mallarna eller byggsteget gick inte att köra:\n${reply.error}`);
    } else {
      fatal = undefined;
      problems = reply.problems;
      rendered = reply.rendered;
      if (reply.problems.length === 0) {
        if (reply.full) output.clear();
        for (const [file, contents] of reply.files) output.set(file, contents);
        for (const file of reply.removed) output.delete(file);
        changedPaths = [...reply.files.map(([file]) => file), ...reply.removed].map(pathFor);
      }
    }
    const problemsChanged = previousProblems !== JSON.stringify(problems) || previousFatal !== fatal;
    const onlyCss = changedPaths.length > 0 && changedPaths.every((path) => path.endsWith('.css'));
    if (problemsChanged) send('reload', null);
    else if (onlyCss) send('css', changedPaths);
    else if (changedPaths.length > 0) send('reload', changedPaths);
    const summary = { problems: problems.length, changedPaths, rendered, milliseconds: performance.now() - started };
    if (problems.length > 0 && problemsChanged) {
      const lines = problems.map((problem) => `  ${problem.file}${problem.line ? `:${problem.line}:${problem.column ?? 1}` : ''}  ${problem.message}`);
      const shown = output.size > 0 ? 'förhandsvisningen visar senaste fungerande version' : 'sidorna visar bara problemen tills de är rättade';
      log(`verksam: ${problems.length} problem i innehållet; ${shown}:\n${lines.join('\n')}`);
    } else if (problems.length === 0 && problemsChanged) log('verksam: alla problem är rättade.');
    if (problems.length === 0 && changedPaths.length > 0) log(`verksam: ${rendered} sidor uppdaterade på ${Math.round(summary.milliseconds)} ms.`);
    for (const resolveWaiting of waiting.splice(0)) resolveWaiting(summary);
  }

  async function onChanges(changes: SourceChange[]): Promise<void> {
    pending.push(...changes);
    if (busy) return;
    busy = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      started = performance.now();
      const templatesChanged = batch.some((change) => change.root === 'templates' && !change.path.endsWith('.css'));
      if (templatesChanged) {
        // A fresh worker loads the changed templates; the old one serves until it is ready.
        const old = worker;
        const next = await startWorker();
        if (fatal === undefined) {
          worker = next;
          await old.terminate();
        } else {
          await next.terminate();
        }
        continue;
      }
      const changed = batch.filter((change) => change.root === 'content').map((change) => change.path);
      await new Promise<void>((done) => {
        worker.once('message', () => done());
        worker.postMessage({ type: 'update', changed });
      });
    }
    busy = false;
  }

  const watcher = await watchSources({ content: resolve(options.contentDir), templates: templatesDir }, (changes) => void onChanges(changes));

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const requestUrl = new URL(request.url ?? '/', url);
    if (requestUrl.pathname === eventsPath) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': verksam\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    let file = fileFor(requestUrl.pathname);
    if (!output.has(file) && output.has(`${file}/index.html`)) {
      response.writeHead(301, { location: `${requestUrl.pathname}/` }).end();
      return;
    }
    let status = 200;
    if (!output.has(file)) {
      status = 404;
      file = '404.html';
    }
    const body = output.get(file);
    const extension = file.split('.').pop() ?? '';
    if (body === undefined) {
      response.writeHead(503, { 'content-type': types.html! }).end(page(problems, fatal));
      return;
    }
    response.writeHead(status, { 'content-type': types[extension] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(extension === 'html' ? inject(typeof body === 'string' ? body : decoder.decode(body), problems, fatal) : body);
  }

  log(`verksam: förhandsvisningen körs på ${url} (Ctrl+C avslutar)`);
  return {
    url,
    problems: () => problems,
    nextUpdate: () => new Promise((done) => waiting.push(done)),
    async close() {
      await watcher.close();
      for (const client of clients) client.end();
      await worker.terminate();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Adds the live-reload script and, when there are problems, the problem list to a page. */
function inject(html: string, problems: readonly Problem[], fatal: string | undefined): string {
  const all = fatal ? [{ file: 'templates', message: fatal.split('\n')[0] ?? fatal }, ...problems] : problems;
  const extra = [
    ...(all.length > 0
      ? [{ type: 'element' as const, tagName: 'style', properties: {}, children: [{ type: 'text' as const, value: overlayStyle }] }, Overlay(all)]
      : []),
    liveReloadScript(),
  ];
  return html.replace('</body>', `${toHtml({ type: 'root', children: extra })}</body>`);
}

/** Served before any good build exists: only the problems, and the reload script. */
function page(problems: readonly Problem[], fatal: string | undefined): string {
  const shell = h(null, [{ type: 'doctype' }, h('html', { lang: 'sv' }, [h('head', [h('meta', { charset: 'utf-8' }), h('title', 'verksam')]), h('body')])]);
  return inject(toHtml(shell), problems, fatal);
}
