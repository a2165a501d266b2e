import { fileURLToPath } from 'node:url';

/*
 * verksam's own folder (where package.json, src/ and templates/ are), whether this code runs
 * from its sources (src/installation.ts) or compiled (lib/src/installation.js, one folder deeper).
 */

/** Whether this is the compiled code in lib/ rather than the TypeScript sources. */
export const runsCompiled = import.meta.url.endsWith('.js');

export const installationUrl = new URL(runsCompiled ? '../../' : '../', import.meta.url);

/** A file or folder of verksam's own, by its path from verksam's folder ("templates/style.css"). */
export const ownPath = (path: string): string => fileURLToPath(new URL(path, installationUrl));
