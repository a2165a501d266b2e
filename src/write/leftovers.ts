import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/*
 * The folders a build keeps beside its output folder, `.verksam-<kind>-<pid>-<stamp>-<name>`:
 * the new site while it is written (staging), the old site while the new one is moved in
 * (previous), and old sites waiting to be removed (trash). The common prefix is what
 * .gitignore matches (`.verksam-*`), so none of them is ever committed; the pid tells whether
 * the build that made one still runs.
 */

export type LeftoverKind = 'staging' | 'previous' | 'trash';

interface Leftover {
  path: string;
  kind: LeftoverKind;
  pid: number;
}

const ours = /^\.verksam-(staging|previous|trash)-(\d+)-[0-9a-z]+-(.+)$/;
/** The names verksam used before: `.<name>.staging-<pid>-<time>`, `.<name>.previous-<pid>-<time>`. */
const earlier = /^\.(.+)\.(staging|previous)-(\d+)-[0-9a-z]+$/;

/** A new, unused path of `kind` beside the output folder `out` (absolute). */
export function leftoverPath(out: string, kind: LeftoverKind): string {
  const stamp = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  return join(dirname(out), `.verksam-${kind}-${process.pid}-${stamp}-${basename(out)}`);
}

async function leftoversOf(out: string): Promise<Leftover[]> {
  const name = basename(out);
  const entries = await readdir(dirname(out)).catch(() => [] as string[]);
  const found: Leftover[] = [];
  for (const entry of entries) {
    const match = ours.exec(entry);
    if (match && match[3] === name) found.push({ path: join(dirname(out), entry), kind: match[1] as LeftoverKind, pid: Number(match[2]) });
    const old = earlier.exec(entry);
    if (old && old[1] === name) found.push({ path: join(dirname(out), entry), kind: old[2] as LeftoverKind, pid: Number(old[3]) });
  }
  return found;
}

/** Whether a build with this pid still runs (a pid that belongs to another user counts as running). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts right what builds that were killed left beside `out`: when one was killed after moving
 * the old site aside and before moving the new one in, the old site is moved back; the rest of
 * what no running build uses is removed in the background.
 */
export async function tidyAfterKilledBuilds(out: string): Promise<void> {
  const stale = (await leftoversOf(out)).filter((leftover) => leftover.kind === 'trash' || !running(leftover.pid));
  if (stale.length === 0) return;
  const missing = await stat(out).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
  if (missing) {
    // the newest site moved aside is the one that was published last
    const asides = stale.filter((leftover) => leftover.kind === 'previous');
    const moved = await Promise.all(asides.map(async (leftover) => ({ leftover, time: (await stat(leftover.path).catch(() => undefined))?.ctimeMs ?? -1 })));
    const newest = moved.sort((a, b) => b.time - a.time)[0]?.leftover;
    if (newest && (await rename(newest.path, out).then(() => true, () => false))) stale.splice(stale.indexOf(newest), 1);
  }
  const trash: string[] = [];
  for (const leftover of stale) {
    if (leftover.kind === 'trash') trash.push(leftover.path);
    else trash.push(await moveToTrash(out, leftover.path));
  }
  removeInBackground(trash);
}

/**
 * Renames a folder no build will use again to a trash name, so no later build takes it for a
 * site to restore; returns where it is now.
 */
export async function moveToTrash(out: string, folder: string): Promise<string> {
  const trash = leftoverPath(out, 'trash');
  return rename(folder, trash).then(
    () => trash,
    () => folder,
  );
}

/**
 * Removes folders in a process of its own that outlives this one: deleting thousands of files
 * would otherwise add seconds to a build, and nothing needs to wait for it.
 */
export function removeInBackground(folders: readonly string[]): void {
  if (folders.length === 0) return;
  const script = `for (const folder of ${JSON.stringify(folders)}) { try { require('node:fs').rmSync(folder, { recursive: true, force: true }); } catch {} }`;
  try {
    const child = spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // the next build finds them (trash is always removed)
  }
}
