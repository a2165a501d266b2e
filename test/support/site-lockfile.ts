import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/*
 * The lock file `npm install` would write for an organisation's site that depends on verksam:
 * verksam's own locked dependencies (its dev dependencies left out), at the same places in
 * node_modules. The test machine is offline and npm's cache holds the packages verksam's lock
 * names, by their integrity, but not every package's registry metadata, which an install
 * without a lock file needs to choose versions. With this lock npm installs from the cache alone.
 * verksam's lock leaves out the tarball addresses (npm finds them from the metadata); they are
 * the registry's standard ones and are written in.
 */

interface LockEntry {
  version?: string;
  resolved?: string;
  link?: boolean;
  dev?: boolean;
  devOptional?: boolean;
  name?: string;
  [field: string]: unknown;
}

export async function siteLockfile(options: { siteName: string; verksamLock: string; tarball: string; spec: string }): Promise<string> {
  const lock = JSON.parse(await readFile(options.verksamLock, 'utf8')) as { packages: Record<string, LockEntry> };
  const root = lock.packages['']!;
  const integrity = `sha512-${createHash('sha512').update(await readFile(options.tarball)).digest('base64')}`;
  const packages: Record<string, LockEntry> = {
    '': { name: options.siteName, dependencies: { verksam: options.spec } },
    'node_modules/verksam': {
      version: root.version,
      resolved: options.spec,
      integrity,
      dependencies: root.dependencies,
      bin: root.bin,
      engines: root.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.devOptional) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    packages[path] = entry.resolved || entry.link ? entry : { resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`, ...entry };
  }
  return `${JSON.stringify({ name: options.siteName, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}
