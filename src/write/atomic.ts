import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { leftoverPath, moveToTrash, removeInBackground, tidyAfterKilledBuilds } from './leftovers.js';
import { contentHash, OutputManifest } from './manifest.js';
import { checkOutputDir, outputDirRefusal, outputMarker, outputMarkerText } from './output-dir.js';
import { OutputError, writeFailure } from './output-error.js';

export { checkOutputDir };

/** One file of the finished site, relative to the output folder. */
export interface OutputFile {
  path: string;
  contents: string | Uint8Array;
  /** contentHash(contents) when already known (see site-digest.ts). */
  hash?: string;
}

const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Writes in flight at once: enough to keep the disk busy, few enough not to exhaust file handles. */
const parallelWrites = 64;

export interface WriteOptions {
  /** The manifest of what the last build wrote there (see manifest.ts); with it, unchanged files are linked. */
  manifest?: string;
  /** Replace the output folder even when it holds files verksam did not write (--replace-out). */
  replaceOut?: boolean;
}

/** What writing did: `linked` lists the files left as the last build wrote them; absent without a manifest, when nobody knows. */
export interface WriteResult {
  linked?: string[];
}

/**
 * Makes the output folder ready for a build, before anything is built: puts back a site a
 * killed build left moved aside, and throws OutputError when the folder is not the build's to
 * replace.
 */
export async function prepareOutputDir(outDir: string, options: Pick<WriteOptions, 'replaceOut'> = {}): Promise<void> {
  await tidyAfterKilledBuilds(resolve(outDir));
  const refusal = await outputDirRefusal(outDir, { replace: options.replaceOut });
  if (refusal) throw new OutputError(refusal);
}

/**
 * Writes the whole site to a staging folder beside the output folder, then swaps it into place
 * with two renames: the old site aside, the new one in. A build that fails before the swap
 * leaves the previous site untouched; after it, no stale page survives. The old site is
 * removed by a detached process, never waited for. A build killed between the renames leaves
 * the old site aside, and the next build puts it back first (see leftovers.ts).
 */
export async function writeSiteAtomically(outDir: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const out = resolve(outDir);
  await prepareOutputDir(outDir, options);
  const reuse = options.manifest ? await OutputManifest.read(options.manifest, out) : undefined;
  const next = new OutputManifest(out);
  const staging = leftoverPath(out, 'staging');
  const previous = leftoverPath(out, 'previous');
  let replaced = false;
  const linkedFiles: string[] = [];
  try {
    await mkdir(staging, { recursive: true });
    const targets = files.map((file) => {
      const target = resolve(staging, file.path);
      if (!inside(staging, target) || target === staging) throw new Error(`refusing to write ${file.path} outside the output folder`);
      return target;
    });
    // each folder once, parents before children
    for (const folder of [...new Set(targets.map((target) => dirname(target)))].sort()) await mkdir(folder, { recursive: true });
    // a file the previous build wrote with the same contents, untouched since, is linked, not written again
    // hashed only when there is a manifest to keep (a build with the cache)
    const hashes = options.manifest ? files.map((file) => file.hash ?? contentHash(file.contents)) : [];
    const toWrite: number[] = [];
    files.forEach((file, index) => {
      const linked = options.manifest ? reuse?.link(file.path, hashes[index]!, targets[index]!) : undefined;
      if (linked) {
        next.add(file.path, hashes[index]!, linked);
        linkedFiles.push(file.path);
      } else toWrite.push(index);
    });
    let cursor = 0;
    const writer = async () => {
      while (cursor < toWrite.length) {
        const index = toWrite[cursor++]!;
        await writeFile(targets[index]!, files[index]!.contents);
        if (options.manifest) next.add(files[index]!.path, hashes[index]!, await stat(targets[index]!));
      }
    };
    await Promise.all(Array.from({ length: parallelWrites }, writer));
    await writeFile(join(staging, outputMarker), outputMarkerText);
    const exists = await stat(out).then(
      (info) => info,
      () => undefined,
    );
    if (exists && !exists.isDirectory()) throw new OutputError(`Utdatamappen ${outDir} finns redan och är en fil, inte en mapp. Välj en annan mapp med --out, eller ta bort filen.`);
    if (exists) await rename(out, previous);
    replaced = Boolean(exists);
    // lets a test kill the build where a real kill would hurt most: the old site aside, the new one not yet in
    if (process.env.VERKSAM_TEST_KILL_AT === 'swap') process.kill(process.pid, 'SIGKILL');
    try {
      await rename(staging, out);
    } catch (error) {
      if (replaced) await rename(previous, out).catch(() => {});
      throw error;
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw writeFailure(error, outDir, staging) ?? error;
  }
  if (replaced) removeInBackground([await moveToTrash(out, previous)]);
  if (options.manifest) await next.write(options.manifest);
  return { linked: options.manifest ? linkedFiles : undefined };
}
