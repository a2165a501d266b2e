import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { OutputManifest } from './manifest.js';

/** One file of the finished site, relative to the output folder. */
export interface OutputFile {
  path: string;
  contents: string | Uint8Array;
}

const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Refuses output folders that would overwrite content or something larger than a site:
 * the content folder itself, any folder containing it, the file system root.
 */
export function checkOutputDir(outDir: string, contentDir: string): string | undefined {
  const out = resolve(outDir);
  const content = resolve(contentDir);
  if (out === dirname(out)) return `Utdatamappen ${outDir} är filsystemets rot.`;
  if (inside(out, content)) return `Utdatamappen ${outDir} innehåller innehållsmappen ${contentDir}; välj en annan utdatamapp.`;
  if (inside(content, out)) return `Utdatamappen ${outDir} ligger i innehållsmappen ${contentDir}; välj en annan utdatamapp.`;
  return undefined;
}

/** Writes in flight at once: enough to keep the disk busy, few enough not to exhaust file handles. */
const parallelWrites = 64;

/**
 * Writes the whole site to a sibling staging folder, then swaps it into place. A build that
 * fails before the swap leaves the previous site untouched; after it, no stale page survives.
 * The previous site is removed after the swap by a detached process: deleting thousands of
 * files would otherwise add seconds to every build, and nothing waits for it.
 */
export async function writeSiteAtomically(outDir: string, files: readonly OutputFile[], options: { manifest?: string } = {}): Promise<void> {
  const out = resolve(outDir);
  const reuse = options.manifest ? await OutputManifest.read(options.manifest, out) : undefined;
  const next = new OutputManifest(out);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(dirname(out), `.${basename(out)}.staging-${stamp}`);
  const previous = join(dirname(out), `.${basename(out)}.previous-${stamp}`);
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
    const hashes = options.manifest ? files.map((file) => OutputManifest.hash(file.contents)) : [];
    const toWrite: number[] = [];
    files.forEach((file, index) => {
      const linked = options.manifest ? reuse?.link(file.path, hashes[index]!, targets[index]!) : undefined;
      if (linked) next.add(file.path, hashes[index]!, linked);
      else toWrite.push(index);
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
    const exists = await stat(out).then(
      (info) => info,
      () => undefined,
    );
    if (exists && !exists.isDirectory()) throw new Error(`${outDir} exists and is not a folder`);
    if (exists) await rename(out, previous);
    await rename(staging, out);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  removeInBackground(previous);
  await removeLeftovers(dirname(out), basename(out));
  if (options.manifest) await next.write(options.manifest);
}

/** Starts removing a folder in a process of its own that outlives this one. */
function removeInBackground(folder: string): void {
  try {
    const child = spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(folder)}, { recursive: true, force: true })`], {
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => {});
    child.unref();
  } catch {
    // removeLeftovers takes it next time
  }
}

/**
 * Previous sites whose removal was interrupted (the machine stopped): removed now, so they do
 * not pile up. Only folders of this output's own naming, and only those older than a minute,
 * so a removal still under way elsewhere is left alone.
 */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const prefix = `.${name}.previous-`;
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const path = join(parent, entry);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 60_000) await rm(path, { recursive: true, force: true });
  }
}
