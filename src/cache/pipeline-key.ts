import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ownPath } from '../installation.js';

/*
 * What the cache's entries were made by: every source file of verksam, its templates and the
 * exact versions of its dependencies (package-lock.json). Any change to them, an upgraded
 * Markdown plugin as much as an edited template, gives a new key, so the cache can never serve
 * what an older pipeline made.
 */

// the sources, also when this runs compiled: they are what lib/ is made from
const root = ownPath('./');
/** Bumped when the cache's record format changes without any source file changing. */
const formatVersion = '1';

let computed: Promise<string> | undefined;

export function pipelineKey(): Promise<string> {
  computed ??= computeKey();
  return computed;
}

async function computeKey(): Promise<string> {
  const hash = createHash('sha256').update(`verksam-cache ${formatVersion}\n`);
  const files: string[] = [];
  for (const folder of ['src', 'templates']) {
    const names = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
    for (const entry of names) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  }
  files.sort();
  files.push(join(root, 'package-lock.json'));
  for (const file of files) {
    const contents = await readFile(file).catch(() => undefined);
    // a missing lock file (an installed copy without one) still changes the key
    hash.update(`${file.slice(root.length)}\0${contents ? createHash('sha256').update(contents).digest('hex') : '-'}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}
