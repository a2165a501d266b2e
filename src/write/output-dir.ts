import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/*
 * A build replaces its output folder as a whole, so which folders it may replace is decided
 * before anything is built or moved. Some never: the content, the working folder, the home
 * folder, a git repository, the file system root. Others only when the editor says so
 * (--replace-out): a folder with files verksam did not write, such as docs/ with a handbook.
 */

/** The file every built site holds, so the next build knows the folder is its own to replace. */
export const outputMarker = '.verksam-output';
export const outputMarkerText = 'Den här mappen skapades av verksam build och ersätts i sin helhet vid nästa bygge.\nLägg inga egna filer här.\n';

const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Folders a build must never replace, even when told to. */
export interface ProtectedPlaces {
  /** The working folder (and so the repository an editor works in). */
  cwd: string;
  home: string;
}

/**
 * Why `outDir` may never be an output folder, as a sentence for the editor; undefined when it
 * may. The content folder itself, any folder containing it or the working or home folder, a
 * git repository, the file system root.
 */
export function checkOutputDir(outDir: string, contentDir: string, places: ProtectedPlaces = { cwd: process.cwd(), home: homedir() }): string | undefined {
  const out = resolve(outDir);
  const content = resolve(contentDir);
  const choose = 'Välj en egen mapp för webbplatsen, t.ex. --out dist.';
  if (out === dirname(out)) return `Utdatamappen ${outDir} är filsystemets rot. ${choose}`;
  if (inside(out, content)) return `Utdatamappen ${outDir} innehåller innehållsmappen ${contentDir}; välj en annan utdatamapp.`;
  if (inside(content, out)) return `Utdatamappen ${outDir} ligger i innehållsmappen ${contentDir}; välj en annan utdatamapp.`;
  if (inside(out, resolve(places.cwd))) return `Utdatamappen ${outDir} är arbetsmappen eller en mapp runt den, och bygget ersätter hela utdatamappen. ${choose}`;
  if (inside(out, resolve(places.home))) return `Utdatamappen ${outDir} är hemmappen eller en mapp runt den, och bygget ersätter hela utdatamappen. ${choose}`;
  if (existsSync(join(out, '.git'))) return `Utdatamappen ${outDir} är ett git-förråd (den har en .git-mapp), och bygget ersätter hela utdatamappen. ${choose}`;
  return undefined;
}

/**
 * Why the build may not replace `outDir` unless told to, as a sentence; undefined when it may:
 * it does not exist, is empty, or an earlier build made it (it holds the marker). A site built
 * before there was a marker is replaced once with --replace-out.
 */
export async function outputDirRefusal(outDir: string, options: { replace?: boolean } = {}): Promise<string | undefined> {
  const info = await stat(outDir).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory()) return `Utdatamappen ${outDir} finns redan och är en fil, inte en mapp. Välj en annan mapp med --out, eller ta bort filen.`;
  if (options.replace) return undefined;
  const entries = await readdir(outDir);
  if (entries.length === 0 || entries.includes(outputMarker)) return undefined;
  const example = entries.sort()[0];
  return `Utdatamappen ${outDir} har filer som verksam inte skrev (t.ex. ${example}), och bygget ersätter hela mappen. Välj en annan mapp med --out, eller ersätt den ändå med --replace-out.`;
}
