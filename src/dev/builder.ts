import { isAbsolute, relative } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { SessionOptions } from '../session/session.js';
import { startWorker } from '../workers/start-worker.js';
import type { FromWorker, Problem } from './protocol.js';

/**
 * One build worker (see worker.ts) and the templates it loaded. A worker whose templates do
 * not load, or that dies, answers every request with `failed` instead of never answering.
 */
export interface Builder {
  /** Brings the worker's build up to date: `null` builds everything (its first request). */
  update(changed: string[] | null): Promise<FromWorker>;
  terminate(): Promise<void>;
}

export function startBuilder(options: SessionOptions, { fromSources = false } = {}): Builder {
  const worker: Worker = startWorker('dev/worker', options, { fromSources });
  // the worker answers in order, one reply per request
  const waiting: ((reply: FromWorker) => void)[] = [];
  let dead: string | undefined;
  const die = (error: string) => {
    dead ??= error;
    for (const answer of waiting.splice(0)) answer({ type: 'failed', error: dead });
  };
  worker.on('message', (reply: FromWorker) => waiting.shift()?.(reply));
  worker.on('error', (error) => die(error.stack ?? error.message));
  worker.on('exit', (code) => die(`the build worker stopped (exit code ${code})`));
  return {
    update(changed) {
      if (dead !== undefined) return Promise.resolve({ type: 'failed', error: dead });
      return new Promise((answer) => {
        waiting.push(answer);
        worker.postMessage({ type: 'update', changed });
      });
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

/**
 * A failed build as a problem for the editor, located where possible: a template that does
 * not compile (esbuild names file:line:column), or the first line of the stack inside a template.
 */
export function failureProblem(error: string, cwd: string, templatesDir: string): Problem {
  const display = (file: string) => relative(cwd, file).split('\\').join('/');
  const compile = /^(.+?):(\d+):(\d+): ERROR: (.+)$/m.exec(error);
  if (compile && isAbsolute(compile[1]!)) {
    return { file: display(compile[1]!), line: Number(compile[2]), column: Number(compile[3]), message: compile[4]! };
  }
  const message = error.split('\n')[0] ?? error;
  for (const frame of error.matchAll(/(?:\(|at )(?:file:\/\/)?([^\s()]+):(\d+):(\d+)\)?$/gm)) {
    if (isAbsolute(frame[1]!) && !relative(templatesDir, frame[1]!).startsWith('..')) {
      return { file: display(frame[1]!), line: Number(frame[2]), column: Number(frame[3]), message };
    }
  }
  return { file: 'templates', message };
}
