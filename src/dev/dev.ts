import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { SessionOptions } from '../session/session.js';
import { eventsPath, liveReloadScript } from './client.js';
import { Overlay, overlayStyle } from './overlay.js';
import { failureProblem, startBuilder, type Builder } from './builder.js';
import type { FromWorker, Problem } from './protocol.js';
import { watchSources, type SourceChange } from './watch.js';
import { contentTypeFor } from '../format/content-types.js';
import { ownPath } from '../installation.js';
import { pathForFile, siteFileFor } from '../serve/site-path.js';

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
  close(): Promise<void>;
}

const defaultTemplatesDir = ownPath('templates/');

const decoder = new TextDecoder();


/**
 * `verksam dev`: builds, serves the site on 127.0.0.1, watches content and templates, rebuilds
 * what a change touches and tells open pages to reload. Invalid content never takes the preview
 * down: the last good site stays, with the problem list over it. Neither do templates that do
 * not load: the problem list names them until they are fixed.
 */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const log = options.log ?? (() => {});
  const output = new Map<string, string | Uint8Array>();
  // Problems by where they come from, so one source's update never clears another's:
  // the templates on disk (a fresh worker could not load them or build with them), and
  // the content (the current worker's last update).
  let templateProblem: Problem | undefined;
  let contentProblems: Problem[] = [];
  const problems = (): Problem[] => [...(templateProblem ? [templateProblem] : []), ...contentProblems];
  const clients = new Set<ServerResponse>();

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
  let builder: Builder | undefined;
  /** Every live worker: the current one, and one loading new templates. */
  const builders = new Set<Builder>();
  let pending: SourceChange[] = [];
  // the first build is running: changes wait for it
  let busy = true;

  /** Records what one source reports, and tells the pages and the editor what changed. */
  function report(change: () => void, changedPaths: string[] = [], rendered = 0): void {
    const before = JSON.stringify(problems());
    change();
    const all = problems();
    const problemsChanged = before !== JSON.stringify(all);
    const onlyCss = changedPaths.length > 0 && changedPaths.every((path) => path.endsWith('.css'));
    if (problemsChanged) send('reload', null);
    else if (onlyCss) send('css', changedPaths);
    else if (changedPaths.length > 0) send('reload', changedPaths);
    if (all.length > 0 && problemsChanged) {
      const lines = all.map((problem) => `  ${location(problem)}  ${problem.message}`);
      const shown = output.size > 0 ? 'förhandsvisningen visar senaste fungerande version' : 'sidorna visar bara problemen tills de är rättade';
      log(`verksam: ${all.length} problem; ${shown}:\n${lines.join('\n')}`);
    } else if (all.length === 0 && problemsChanged) log('verksam: alla problem är rättade.');
    if (changedPaths.length > 0) log(`verksam: ${rendered} sidor uppdaterade på ${Math.round(performance.now() - started)} ms.`);
  }

  /** Applies a worker's reply to the content it built; `alsoChange` records its other news. */
  function applyContent(reply: FromWorker, alsoChange = () => {}): void {
    if (reply.type === 'failed') {
      log(`verksam: byggsteget gick inte att köra:\n${reply.error}`);
      report(() => {
        alsoChange();
        contentProblems = [failureProblem(reply.error, options.cwd, templatesDir)];
      });
      return;
    }
    let changedPaths: string[] = [];
    if (reply.problems.length === 0) {
      if (reply.full) output.clear();
      for (const [file, contents] of reply.files) output.set(file, contents);
      for (const file of reply.removed) output.delete(file);
      changedPaths = [...reply.files.map(([file]) => file), ...reply.removed].map(pathForFile);
    }
    report(
      () => {
        alsoChange();
        contentProblems = reply.problems;
      },
      changedPaths,
      reply.rendered,
    );
  }

  /**
   * Loads the templates on disk in a fresh worker (a fresh module graph) and builds the whole
   * site with them. The old worker serves, and builds content changes, until the new one has
   * built; if the new one cannot, the old one stays and the templates' problem is shown.
   * Templates edited since the preview started are loaded from their sources: the compiled
   * ones in lib/ are what they were.
   */
  async function loadTemplates(fromSources = false): Promise<boolean> {
    const next = startBuilder(sessionOptions, { fromSources });
    builders.add(next);
    const reply = await next.update(null);
    if (reply.type === 'failed') {
      builders.delete(next);
      await next.terminate();
      const problem = failureProblem(reply.error, options.cwd, templatesDir);
      if (problem.file === 'templates') log(`verksam: mallarna gick inte att köra:\n${reply.error}`);
      report(() => (templateProblem = problem));
      return false;
    }
    const old = builder;
    builder = next;
    if (old) {
      builders.delete(old);
      await old.terminate();
    }
    applyContent(reply, () => (templateProblem = undefined));
    return true;
  }

  async function onChanges(): Promise<void> {
    if (busy) return;
    busy = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      started = performance.now();
      const templatesChanged = batch.some((change) => change.root === 'templates' && !change.path.endsWith('.css'));
      // new templates build everything anew, this batch's content too
      if (templatesChanged && (await loadTemplates(true))) continue;
      if (!builder) continue;
      const changed = batch.filter((change) => change.root === 'content').map((change) => change.path);
      applyContent(await builder.update(changed));
    }
    busy = false;
  }

  // Watching starts before the first build reads anything, so a file saved while it runs is
  // a change it is followed by, never one it missed.
  const watcher = await watchSources({ content: resolve(options.contentDir), templates: templatesDir }, (changes) => {
    pending.push(...changes);
    void onChanges();
  });
  await loadTemplates();
  busy = false;
  void onChanges();

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const requestUrl = URL.parse(request.url ?? '/', url);
    if (requestUrl?.pathname === eventsPath) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': verksam\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const asked = requestUrl ? siteFileFor(requestUrl.pathname) : undefined;
    if (asked?.kind !== 'file') {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Felaktig adress: den går inte att läsa som en sökväg.\n');
      return;
    }
    let file = asked.file;
    if (!output.has(file) && output.has(`${file}/index.html`)) {
      // one leading slash: "//nyheter/" would send the browser to the host "nyheter"
      response.writeHead(301, { location: `/${requestUrl!.pathname.replace(/^\/+/, '')}/` }).end();
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
      response.writeHead(503, { 'content-type': contentTypeFor('.html') }).end(page(problems()));
      return;
    }
    response.writeHead(status, { 'content-type': contentTypeFor(file), 'cache-control': 'no-store' });
    response.end(extension === 'html' ? inject(typeof body === 'string' ? body : decoder.decode(body), problems()) : body);
  }

  log(`verksam: förhandsvisningen körs på ${url} (Ctrl+C avslutar)`);
  return {
    url,
    async close() {
      await watcher.close();
      for (const client of clients) client.end();
      await Promise.all([...builders].map((each) => each.terminate()));
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}

const location = (problem: Problem) => `${problem.file}${problem.line ? `:${problem.line}:${problem.column ?? 1}` : ''}`;

/** Adds the live-reload script and, when there are problems, the problem list to a page. */
function inject(html: string, problems: readonly Problem[]): string {
  const extra = [
    ...(problems.length > 0
      ? [{ type: 'element' as const, tagName: 'style', properties: {}, children: [{ type: 'text' as const, value: overlayStyle }] }, Overlay(problems)]
      : []),
    liveReloadScript(),
  ];
  return html.replace('</body>', `${toHtml({ type: 'root', children: extra })}</body>`);
}

/** Served before any good build exists: only the problems, and the reload script. */
function page(problems: readonly Problem[]): string {
  const shell = h(null, [{ type: 'doctype' }, h('html', { lang: 'sv' }, [h('head', [h('meta', { charset: 'utf-8' }), h('title', 'verksam')]), h('body')])]);
  return inject(toHtml(shell), problems);
}
