import { createHash } from 'node:crypto';
import { linkSync, lstatSync, type Stats } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/*
 * What the last build wrote to an output folder: each file's hash, and the size, time and inode
 * it had on disk. The next build links a file it would write with the same contents instead of
 * writing it again (on this kind of disk, writing is ~40× slower than linking), but only when
 * the file on disk is still the very one the build wrote: a file changed by hand since is
 * written anew. Like git's index, it trusts size, modification time and inode.
 */

type Record = [hash: string, size: number, mtimeMs: number, ino: number];

/**
 * The hash of an output file's contents: the manifest's and the site digest's (site-digest.ts)
 * alike, so a build hashes each file once.
 */
export const contentHash = (contents: string | Uint8Array): string => createHash('sha256').update(contents).digest('hex');

export class OutputManifest {
  private readonly files = new Map<string, Record>();

  constructor(readonly outDir: string) {}

  /** Names a manifest file after its output folder. */
  static hash(contents: string | Uint8Array): string {
    return createHash('sha1').update(contents).digest('hex');
  }

  /** The manifest of `outDir`, or undefined when there is none or it is of another folder. */
  static async read(path: string, outDir: string): Promise<OutputManifest | undefined> {
    try {
      const stored = JSON.parse(await readFile(path, 'utf8')) as { outDir: string; files: [string, Record][] };
      if (stored.outDir !== outDir) return undefined;
      const manifest = new OutputManifest(outDir);
      for (const [file, record] of stored.files) manifest.files.set(file, record);
      return manifest;
    } catch {
      return undefined;
    }
  }

  add(file: string, hash: string, stats: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>): void {
    this.files.set(file, [hash, stats.size, stats.mtimeMs, stats.ino]);
  }

  /**
   * Links the previous build's copy of `file` to `target` when its contents are `hash` and it
   * is unchanged on disk; returns its stats, or undefined when the file must be written.
   */
  link(file: string, hash: string, target: string): Stats | undefined {
    const record = this.files.get(file);
    if (!record || record[0] !== hash) return undefined;
    const existing = join(this.outDir, file);
    try {
      const stats = lstatSync(existing);
      if (!stats.isFile() || stats.size !== record[1] || stats.mtimeMs !== record[2] || stats.ino !== record[3]) return undefined;
      linkSync(existing, target);
      return stats;
    } catch {
      return undefined; // gone, or a file system without hard links: write it
    }
  }

  async write(path: string): Promise<void> {
    try {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}`;
      await writeFile(temporary, JSON.stringify({ outDir: this.outDir, files: [...this.files] }));
      await rename(temporary, path);
    } catch {
      // without a manifest the next build writes every file: slower, never wrong
    }
  }
}
