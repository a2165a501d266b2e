import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { ownPath } from '../installation.js';
import { initFiles, type InitFile } from '../init/site-files.js';
import type { VerksamPackage } from '../init/package-json.js';
import { defaultVerksamSource } from '../init/verksam-source.js';

/*
 * `verksam init [MAPP]`: a new organisation's site in a new or empty folder. It never writes
 * into a folder that holds anything (not even a hidden file), so nothing of anyone's can be
 * overwritten; each file is still opened with "wx", which fails rather than replaces.
 */

export interface InitOptions {
  /** The folder to start the site in, relative to `cwd`. */
  dir: string;
  cwd: string;
  /** Today in Sweden, ÅÅÅÅ-MM-DD. */
  today: string;
  /** `--verksam`: what package.json installs verksam from. */
  verksamSource?: string;
}

export type InitOutcome = { ok: true; dir: string; files: InitFile[] } | { ok: false; code: 2; message: string };

/** verksam's own package.json: its version, and what the site must copy from it. */
async function verksamPackage(): Promise<VerksamPackage> {
  return JSON.parse(await readFile(ownPath('package.json'), 'utf8')) as VerksamPackage;
}

/** The folder's entries, or undefined when there is no folder. */
async function entries(dir: string): Promise<string[] | undefined> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // a file by that name: as good as a folder with something in it
    if (code === 'ENOTDIR') return [dir];
    throw error;
  }
}

export async function initSite(options: InitOptions): Promise<InitOutcome> {
  const dir = resolve(options.cwd, options.dir);
  const shown = relative(options.cwd, dir) || '.';
  const existing = await entries(dir);
  if (existing && existing.length > 0) {
    return {
      ok: false,
      code: 2,
      message: `Mappen "${shown}" är inte tom. verksam init skriver bara i en ny eller tom mapp, så att inget skrivs över; ange en ny mapp, t.ex. verksam init min-webbplats.`,
    };
  }
  const verksam = await verksamPackage();
  const files = initFiles({
    today: options.today,
    folderName: basename(dir),
    verksamSource: options.verksamSource ?? defaultVerksamSource(verksam.version),
    verksam,
  });
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text, { flag: 'wx' });
  }
  return { ok: true, dir: shown, files };
}
