import type { Attachment } from '../content/attachments.js';
import type { EntryRecord } from '../content/entry-record.js';
import type { ImageStatus } from '../images/inspect.js';
import type { PageLink } from '../render/links.js';
import { startWorker } from '../workers/start-worker.js';

/*
 * The second core for rendering (render-worker.ts is the other side). The pages to render are
 * claimed one by one in a shared array: the main thread takes them from the front, the worker
 * from the back, each until it reaches one the other has, so the two meet wherever the worker's
 * late start (it builds its own graph first) and the machine's load put them, and every page is
 * rendered exactly once. The main thread delivers the pages in route order, its own first and
 * then the worker's.
 */

/** A content file as the worker gets it: a valid file's entry as a record, or null (no entry). */
export interface SharedFile {
  contentPath: string;
  path: string;
  record: EntryRecord | null;
}

/** What the worker builds its graph and routes from, the same way the session does. */
export interface RenderWorkerInput {
  files: SharedFile[];
  drafts: boolean;
  today: string;
  images: ReadonlyMap<string, ImageStatus>;
  attachments: ReadonlyMap<string, Attachment>;
  baseUrl?: string;
  /** Each file's text hash by the path entries name it with, for the page keys. */
  hashes: ReadonlyMap<string, string>;
}

export interface RenderWorkerData extends RenderWorkerInput {
  /** Every route's path, in order: the worker's routes must be the same. */
  paths: string[];
  /** The routes to render (indexes into `paths`) and their page keys. */
  misses: number[];
  keys: string[];
  /** One Int32 per miss: 0 unclaimed, 1 the main thread's, 2 the worker's. */
  claims: SharedArrayBuffer;
  /** A test's way to make one page's template throw in the worker (VERKSAM_TEST_RENDER_FAIL). */
  failAt?: string;
}

/** A page as the worker sends it back (ids as an array: the main thread makes the set). */
export interface SharedPage {
  /** The page's UTF-8 bytes, as the main thread holds a page (render-pages.ts). */
  html: Uint8Array;
  links: PageLink[];
  ids: string[];
}

export type WorkerMessage =
  | { type: 'page'; miss: number; page: SharedPage }
  | { type: 'ready'; at: number }
  | { type: 'done' }
  | { type: 'failed'; message: string; stack?: string; cause?: { message: string; stack?: string } }
  | { type: 'mismatch'; detail: string };

/**
 * How many pages to render before a worker is worth starting: it starts (~0.4 s) and builds its
 * own graph (~0.2 s per 1 000 files) before it renders its first page, at about 2–3 ms a page.
 * Below this, the main thread is done before the worker would have helped, and the worker's
 * start only takes the core the main thread and Pagefind share. VERKSAM_RENDER_WORKER=always
 * starts it for any number and leaves it the second half (the tests' way to see its pages);
 * `never` renders on the main thread alone.
 */
export const renderWorkerThreshold = 400;

export type ShareMode = 'auto' | 'always' | 'never';

export function shareMode(): ShareMode {
  const value = process.env.VERKSAM_RENDER_WORKER;
  return value === 'always' || value === 'never' ? value : 'auto';
}

/** The worker's side of the rendering, seen from the main thread. */
export class RenderShare {
  private readonly claims: Int32Array;
  private readonly worker;
  private readonly pages = new Map<number, SharedPage>();
  private readonly finished: Promise<void>;
  private failure: unknown;
  /** How long after it was started the worker began rendering (its graph and routes built), in ms. */
  readyAfter?: number;
  private readonly started = Date.now();
  /** In `always` mode the main thread leaves the second half to the worker. */
  private readonly mainLimit: number;

  constructor(input: RenderWorkerInput, paths: string[], misses: number[], keys: string[], mode: ShareMode) {
    const claims = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * misses.length);
    this.claims = new Int32Array(claims);
    this.mainLimit = mode === 'always' ? Math.ceil(misses.length / 2) : misses.length;
    const failAt = process.env.VERKSAM_TEST_RENDER_FAIL || undefined;
    this.worker = startWorker('session/render-worker', { ...input, paths, misses, keys, claims, failAt } satisfies RenderWorkerData);
    this.finished = new Promise((done, fail) => {
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'page') this.pages.set(message.miss, message.page);
        else if (message.type === 'ready') this.readyAfter = message.at - this.started;
        else if (message.type === 'done') done();
        else if (message.type === 'mismatch') fail(new Error(`the render worker's routes differ from the main thread's: ${message.detail}`));
        else {
          const cause = message.cause && Object.assign(new Error(message.cause.message), { stack: message.cause.stack });
          fail(Object.assign(new Error(message.message, cause ? { cause } : {}), { stack: message.stack }));
        }
      });
      this.worker.once('error', (error) => fail(new Error('the render worker failed', { cause: error })));
      this.worker.once('exit', (code) => fail(new Error(`the render worker stopped (exit code ${code}) before it was done`)));
    });
    // thrown where the main thread waits for the worker's pages, or by `check` when it never had to
    this.finished.catch((error: unknown) => {
      this.failure = error;
    });
  }

  /** Whether the main thread may render miss `miss` (the worker has not taken it). */
  claim(miss: number): boolean {
    return miss < this.mainLimit && Atomics.compareExchange(this.claims, miss, 0, 1) === 0;
  }

  /** The worker's pages, by miss, once it has rendered all it claimed; throws what went wrong in it. */
  async rest(): Promise<ReadonlyMap<number, SharedPage>> {
    await this.finished;
    return this.pages;
  }

  /**
   * Throws what went wrong in the worker, if it has said so by now: when the main thread rendered
   * every page itself, routes that differ (a bug) must not go unnoticed all the same.
   */
  async check(): Promise<void> {
    // one turn of the event loop, for the messages that came while the main thread was busy
    await new Promise((done) => setImmediate(done));
    if (this.failure !== undefined) throw this.failure;
  }

  /** Ends the worker, whether it is done or not. */
  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
