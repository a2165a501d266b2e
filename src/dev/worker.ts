import { parentPort, workerData } from 'node:worker_threads';
import type { VFileMessage } from 'vfile-message';
import { BuildSession, type SessionOptions } from '../session/session.js';
import type { FromWorker, Problem, ToWorker } from './protocol.js';

/*
 * The preview's build runs in a worker thread: when a template changes, the server starts a
 * fresh worker (a fresh module graph, so the new template is loaded) and keeps serving the
 * last good site until the new worker has built it.
 */

const toProblem = (message: VFileMessage): Problem => ({
  file: String(message.file),
  line: message.line,
  column: message.column,
  rule: message.ruleId,
  message: message.reason,
});

const encoder = new TextEncoder();
const session = new BuildSession(workerData as SessionOptions);
const port = parentPort!;
let queue = Promise.resolve();

port.on('message', (request: ToWorker) => {
  queue = queue.then(async () => {
    const started = performance.now();
    let reply: FromWorker;
    try {
      const result = await session.update(request.changed ?? undefined);
      const files = result.changed.map((path): [string, string | Uint8Array] => [path, session.outputFiles.get(path)!]);
      reply = {
        type: 'updated',
        full: request.changed === null,
        problems: result.messages.map(toProblem),
        files: request.changed === null ? [...session.outputFiles] : files,
        removed: result.removed,
        rendered: result.rendered,
        milliseconds: performance.now() - started,
      };
    } catch (error) {
      reply = { type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    // Text goes over as UTF-8 bytes, handed over rather than copied: the server would otherwise hold a
    // second copy of every such file, as UTF-16. Pages are bytes already (the session keeps them,
    // so they are copied, at their UTF-8 size).
    const transfer: ArrayBuffer[] = [];
    if (reply.type === 'updated') {
      reply.files = reply.files.map(([path, contents]) => {
        if (typeof contents !== 'string') return [path, contents];
        const bytes = encoder.encode(contents);
        transfer.push(bytes.buffer as ArrayBuffer);
        return [path, bytes];
      });
    }
    port.postMessage(reply, transfer);
    // the first build is written to the cache after the preview has it, so start-up does not wait for the disk
    await session.persist();
  });
});
