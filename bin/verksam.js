#!/usr/bin/env node
// Runs the TypeScript CLI directly: verksam ships its sources and runs them with tsx,
// so there is no compile step and no second copy of the code. verksam's own tsconfig is named
// explicitly: tsx would otherwise look in the working folder, and the templates' JSX settings
// (jsxImportSource: hastscript) must hold wherever an editor runs the command from.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli.ts');
