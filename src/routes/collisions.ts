import { posix } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { problem } from '../content/problems.js';
import type { Route } from './routes.js';
import { outputFile } from './urls.js';

/**
 * Checks, before anything is written, that no two pages share an output file and that no page
 * would be written outside the output folder. Every source file involved is named.
 */
export function checkOutputPaths(routes: readonly Route[]): VFileMessage[] {
  const messages: VFileMessage[] = [];
  const owners = new Map<string, Route>();
  for (const route of routes) {
    const file = outputFile(route.path);
    const normalised = posix.normalize(file);
    const where = route.sources[0] ?? 'verksam';
    if (normalised !== file || normalised === '.' || normalised === '..' || normalised.startsWith('../') || posix.isAbsolute(normalised) || /[\\\0]/.test(file)) {
      messages.push(problem(where, 'unsafe-output-path', `Sidan ${route.path} skulle skrivas utanför utdatamappen; adresser får bara innehålla a–z, siffror och bindestreck.`));
      continue;
    }
    const other = owners.get(normalised);
    if (other) {
      const all = [...other.sources, ...route.sources];
      messages.push(
        problem(where, 'duplicate-output', `Två sidor skulle skrivas till ${route.path}: ${all.length > 0 ? all.join(' och ') : 'sidor som verksam skapar'}. Byt namn på en av filerna.`),
      );
      continue;
    }
    owners.set(normalised, route);
  }
  return messages;
}
