import { parentPort, workerData } from 'node:worker_threads';
import type { VFileMessage } from 'vfile-message';
import { BuildSession, type SessionOptions } from '../session.js';
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
    port.postMessage(reply);
    // the first build is written to the cache after the preview has it, so start-up does not wait for the disk
    await session.persist();
  });
});
