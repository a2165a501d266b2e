import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A content file as read from disk: the only place verksam reads content. */
export interface SourceFile {
  /** Path relative to the current directory, with forward slashes; used in every message. */
  path: string;
  /** Path relative to the content folder, with forward slashes; decides the content type. */
  contentPath: string;
  text: string;
}

const ignored = (name: string) => name.startsWith('.') || name.endsWith('~');

export async function loadContent(contentDir: string, cwd = process.cwd()): Promise<SourceFile[]> {
  const names = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const files = names
    .filter((entry) => entry.isFile() && !ignored(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((absolute) => !relative(contentDir, absolute).split(sep).some(ignored))
    .sort();
  // read one after another: for thousands of small files faster than in parallel, and never out of file handles
  return files.map((absolute) => ({
    path: toPosix(relative(cwd, absolute)) || absolute,
    contentPath: toPosix(relative(contentDir, absolute)),
    text: readFileSync(absolute, 'utf8'),
  }));
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
