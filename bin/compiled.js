// Whether lib/ (verksam compiled to JavaScript, see scripts/compile.js) was made from exactly the
// sources beside it. Plain JavaScript, because it decides whether TypeScript is needed at all.
// The digest is of the files' bytes, not their times: a fresh clone, `git checkout` and an npm
// tarball (every time set to 1985) all change times without changing code.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the compiled code is made from. */
export const sourceFolders = ['src', 'templates'];
/** Where the digest of the sources lib/ was compiled from is kept. */
export const digestFile = join('lib', 'sources.sha256');

/** One digest of every file in src/ and templates/: names and bytes. */
export function sourcesDigest(root) {
  const files = [];
  for (const folder of sourceFolders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
    }
  }
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${relative(root, file).split('\\').join('/')}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** 'current' when lib/ was compiled from the sources as they are, 'stale' when from others, 'missing' when never. */
export function compiledState(root) {
  let recorded;
  try {
    recorded = readFileSync(join(root, digestFile), 'utf8').trim();
  } catch {
    return 'missing';
  }
  return recorded === sourcesDigest(root) ? 'current' : 'stale';
}
