import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/*
 * verksam's workers run TypeScript like the CLI does: a tiny ES module (a data: URL) registers
 * tsx with verksam's own tsconfig, then imports the worker's module.
 */
const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

export function typescriptWorker(module: URL, workerData: unknown): Worker {
  const bootstrap = [
    `import { register } from ${JSON.stringify(tsxApi)};`,
    `register({ tsconfig: ${JSON.stringify(tsconfig)} });`,
    `await import(${JSON.stringify(module.href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData });
}
