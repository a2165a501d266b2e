#!/usr/bin/env node
// Runs the TypeScript CLI directly: verksam ships its sources and runs them with tsx,
// so there is no compile step and no second copy of the code. verksam's own tsconfig is named
// explicitly: tsx would otherwise look in the working folder, and the templates' JSX settings
// (jsxImportSource: hastscript) must hold wherever an editor runs the command from.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
try {
  const { main } = await import('../src/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // the command line itself did not load, or failed outside what main answers: still a sentence and exit code 3
  const { describeInternalError } = await import('../src/internal-error.ts').catch(() => ({ describeInternalError: (e) => `verksam: internt fel: ${e?.message ?? e}` }));
  const debug = process.env.VERKSAM_DEBUG && process.env.VERKSAM_DEBUG !== '0';
  console.error(debug && error?.stack ? `${describeInternalError(error)}\n${error.stack}` : describeInternalError(error));
  process.exitCode = 3;
}
