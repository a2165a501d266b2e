#!/usr/bin/env node
// Runs verksam compiled to JavaScript (lib/, made by `npm run compile`, which `npm ci` and
// `npm pack` run) when it was compiled from exactly the sources beside it; otherwise the
// TypeScript sources themselves through tsx, so an edit to src/ or templates/ is never run
// stale. verksam's own tsconfig is named explicitly: tsx would otherwise look in the working
// folder, and the templates' JSX settings (jsxImportSource: hastscript) must hold wherever an
// editor runs the command from.
import { fileURLToPath } from 'node:url';
import { compiledState } from './compiled.js';

const state = compiledState(fileURLToPath(new URL('..', import.meta.url)));
const from = state === 'current' ? '../lib/src' : '../src';
const extension = state === 'current' ? 'js' : 'ts';
if (state === 'current') {
  // stack traces name the TypeScript file and line, for the error sentence and VERKSAM_DEBUG
  process.setSourceMapsEnabled(true);
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  // lib/ exists but is older than the sources: say why this start is slower
  if (state === 'stale') console.error('verksam: kör från källkoden (npm run compile gör start snabbare)');
}
try {
  const { main } = await import(`${from}/cli/main.${extension}`);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // the command line itself did not load, or failed outside what main answers: still a sentence and exit code 3
  const { describeInternalError } = await import(`${from}/internal-error.${extension}`).catch(() => ({ describeInternalError: (e) => `verksam: internt fel: ${e?.message ?? e}` }));
  const debug = process.env.VERKSAM_DEBUG && process.env.VERKSAM_DEBUG !== '0';
  console.error(debug && error?.stack ? `${describeInternalError(error)}\n${error.stack}` : describeInternalError(error));
  process.exitCode = 3;
}
