import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

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

/**
 * Writes the whole site to a sibling staging folder, then swaps it into place. A build that
 * fails before the swap leaves the previous site untouched; after it, no stale page survives.
 */
export async function writeSiteAtomically(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const out = resolve(outDir);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(dirname(out), `.${basename(out)}.staging-${stamp}`);
  const previous = join(dirname(out), `.${basename(out)}.previous-${stamp}`);
  try {
    await mkdir(staging, { recursive: true });
    for (const file of files) {
      const target = resolve(staging, file.path);
      if (!inside(staging, target) || target === staging) throw new Error(`refusing to write ${file.path} outside the output folder`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
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
  await rm(previous, { recursive: true, force: true });
}
