#!/usr/bin/env node
// Runs the TypeScript CLI directly: verksam ships its sources and runs them with tsx,
// so there is no compile step and no second copy of the code.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
