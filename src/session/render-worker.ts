import { parentPort, workerData } from 'node:worker_threads';
import { templates } from '../../templates/index.js';
import { assemble } from '../content/assemble.js';
import { fromRecord } from '../content/entry-record.js';
import { withBaseUrl } from '../content/graph.js';
import { linkInfo } from '../render/links.js';
import { pageContext, pageHtml, renderRoute, type Templates } from '../render/render.js';
import { PageKeys } from '../routes/page-key.js';
import { deriveRoutes } from '../routes/routes.js';
import type { RenderWorkerData, WorkerMessage } from './render-share.js';

/*
 * A second core for rendering (see render-share.ts): templates are given graph objects, so the
 * worker builds the same graph and routes from the same parsed files the session did, checks
 * that its routes and page keys are the main thread's, and renders the pages it claims from the
 * back of the list, sending each back as the main thread would have made it.
 */
const data = workerData as RenderWorkerData;
const send = (message: WorkerMessage) => parentPort!.postMessage(message);
const encoder = new TextEncoder();

function run(): WorkerMessage {
  const files = data.files.map(({ contentPath, path, record }) => ({
    contentPath,
    // a valid file's entry: its text is only read again to locate a problem, which a valid graph has none of
    result: record ? { entry: fromRecord(record, { path, contentPath, text: '' } as never), messages: [] } : { messages: [] },
  }));
  const built = assemble(files, { drafts: data.drafts, today: data.today, images: data.images, attachments: data.attachments });
  if (!built.graph || !built.bodies) return { type: 'mismatch', detail: `no graph (${built.messages.map((message) => message.reason).join('; ')})` };
  const graph = data.baseUrl ? withBaseUrl(built.graph, data.baseUrl) : built.graph;
  const routes = deriveRoutes(graph);
  if (routes.length !== data.paths.length) return { type: 'mismatch', detail: `${routes.length} routes, not ${data.paths.length}` };
  const differing = routes.findIndex((route, index) => route.path !== data.paths[index]);
  if (differing >= 0) return { type: 'mismatch', detail: `route ${differing} is ${routes[differing]!.path}, not ${data.paths[differing]}` };

  const bodies = built.bodies;
  const keys = new PageKeys((file) => {
    const hash = data.hashes.get(file);
    return hash === undefined ? undefined : `${hash}${bodies.imageStamp(file)}`;
  });
  const used: Templates = data.failAt ? failingAt(data.failAt) : templates;
  const claims = new Int32Array(data.claims);
  send({ type: 'ready', at: Date.now() });
  for (let miss = data.misses.length - 1; miss >= 0; miss--) {
    if (Atomics.compareExchange(claims, miss, 0, 2) !== 0) break;
    const route = routes[data.misses[miss]!]!;
    const ctx = pageContext(graph, route);
    if (keys.key(route, ctx) !== data.keys[miss]) return { type: 'mismatch', detail: `the page key of ${route.path} differs` };
    let tree;
    try {
      tree = renderRoute(route, ctx, used);
    } catch (error) {
      const cause = (error as Error).cause as Error | undefined;
      return { type: 'failed', message: (error as Error).message, stack: (error as Error).stack, ...(cause ? { cause: { message: String(cause.message ?? cause), stack: cause.stack } } : {}) };
    }
    // in the main thread's order (render-pages.ts): the HTML first, then the links
    // encoded here, into a buffer of the page's own that is handed over rather than copied
    const html = encoder.encode(pageHtml(tree, graph.site.baseUrl));
    const { links, ids } = linkInfo(tree, graph.site.baseUrl, route.path);
    parentPort!.postMessage({ type: 'page', miss, page: { html, links, ids: [...ids] } } satisfies WorkerMessage, [html.buffer]);
  }
  return { type: 'done' };
}

/** The templates, but the page at `path` throws, as a broken template would. */
function failingAt(path: string): Templates {
  return new Proxy(templates, {
    get: (target, kind: keyof Templates) => (route: { path: string }, ctx: unknown) => {
      if (route.path === path) throw new Error('a template failed (VERKSAM_TEST_RENDER_FAIL)');
      return (target[kind] as (route: unknown, ctx: unknown) => unknown)(route, ctx);
    },
  }) as Templates;
}

send(run());
