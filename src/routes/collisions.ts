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

/**
 * Top-level folders verksam writes whatever the content holds today: the extras' files (image
 * variants, attachments, the search index) and the pages of every kind, even one the site does
 * not have yet (a first newsletter, the accessibility statement). A free page may take none of
 * them, or a later build would quietly lose it or the generated page.
 */
export const reservedFolders: readonly string[] = ['bilder', 'filer', 'pagefind', 'sok', 'omraden', 'projekt', 'nyheter', 'nyhetsbrev', 'tillganglighet'];

/**
 * Checks that no free page (content/sidor/) takes the address of a generated page or folder: its
 * address `/<slug>/` is compared with the first segment of every other page's address, the
 * reports' folder and the reserved folders. Returns the problems and the pages that collide (left
 * out of the general check, so a collision is reported once, in these words).
 */
export function checkPageAddresses(routes: readonly Route[], reportPath: string): { messages: VFileMessage[]; colliding: Set<string> } {
  const generated = new Map<string, string>();
  for (const folder of [...reservedFolders, reportPath]) generated.set(folder, `/${folder}/`);
  for (const route of routes) {
    if (route.kind === 'page') continue;
    const segment = route.path.split('/')[1]!;
    if (segment && !generated.has(segment)) generated.set(segment, route.path);
  }
  const messages: VFileMessage[] = [];
  const colliding = new Set<string>();
  for (const route of routes) {
    if (route.kind !== 'page') continue;
    const taken = generated.get(route.page.slug);
    if (!taken) continue;
    colliding.add(route.path);
    messages.push(
      problem(
        route.page.source.file,
        'reserved-address',
        `Sidan skulle få adressen ${route.path}, men där skapar verksam redan webbplatsens egna sidor eller filer (${taken}). Byt namn på filen, t.ex. till "om-${route.page.slug}.md".`,
        { line: 1, column: 1 },
      ),
    );
  }
  return { messages, colliding };
}
