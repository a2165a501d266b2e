import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { installationUrl, runsCompiled } from '../installation.js';

/*
 * verksam's workers run the code the command runs: compiled (lib/) when the command is, with
 * stack traces mapped to the sources; otherwise the TypeScript sources through tsx, with
 * verksam's own tsconfig. A worker can be asked for the sources even when the command is
 * compiled: the preview's worker after a template was edited must load the template as it is now.
 */

/** Starts `module` ("content/parse-worker": a path below src/, without extension) in a worker thread. */
export function startWorker(module: string, workerData: unknown, options: { fromSources?: boolean } = {}): Worker {
  const compiled = runsCompiled && !options.fromSources;
  const url = new URL(compiled ? `lib/src/${module}.js` : `src/${module}.ts`, installationUrl).href;
  const bootstrap = compiled
    ? ['process.setSourceMapsEnabled(true);', `await import(${JSON.stringify(url)});`]
    : [
        `import { register } from ${JSON.stringify(tsxApi())};`,
        `register({ tsconfig: ${JSON.stringify(fileURLToPath(new URL('tsconfig.json', installationUrl)))} });`,
        `await import(${JSON.stringify(url)});`,
      ];
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap.join('\n'))}`), { workerData });
}

const tsxApi = () => pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
