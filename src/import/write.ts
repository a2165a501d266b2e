import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { PlannedFile } from './plan-files.js';

/*
 * Writes an import's files. Never over an existing file: each is opened with "wx", so even a
 * file created after the plan was made is safe. When one cannot be written, the ones this
 * import already wrote are removed again, so a failed import leaves the content as it was.
 */

export type WriteOutcome = { ok: true; written: string[] } | { ok: false; existing: string };

export async function writePlannedFiles(files: readonly PlannedFile[], contentDir: string, cwd: string): Promise<WriteOutcome> {
  const written: string[] = [];
  const shown = (absolute: string) => relative(cwd, absolute).split(sep).join('/');
  try {
    for (const file of files) {
      const absolute = join(contentDir, ...file.contentPath.split('/'));
      await mkdir(dirname(absolute), { recursive: true });
      try {
        await writeFile(absolute, file.contents, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          await undo(written);
          return { ok: false, existing: shown(absolute) };
        }
        throw error;
      }
      written.push(absolute);
    }
  } catch (error) {
    await undo(written);
    throw error;
  }
  return { ok: true, written: written.map(shown) };
}

async function undo(written: readonly string[]): Promise<void> {
  await Promise.all(written.map((path) => rm(path, { force: true })));
}
