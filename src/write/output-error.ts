import { isAbsolute, join, relative } from 'node:path';

/*
 * Why a site was not written, as a sentence for the editor: an output folder the build may not
 * replace, or a file system that refused (full, read-only, a file where a folder should be).
 * Not a bug and not the content's fault; the command line prints the message as it is.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

const reasons: Readonly<Record<string, string>> = {
  ENOSPC: 'disken är full. Frigör utrymme och bygg igen',
  EDQUOT: 'din diskkvot är slut. Frigör utrymme och bygg igen',
  EFBIG: 'en fil blev större än vad som får skrivas (disken eller gränsen för filstorlek, ulimit -f). Frigör utrymme eller höj gränsen och bygg igen',
  EACCES: 'du saknar behörighet att skriva där. Ändra behörigheten, eller välj en annan mapp med --out',
  EPERM: 'du saknar behörighet att skriva där. Ändra behörigheten, eller välj en annan mapp med --out',
  EROFS: 'filsystemet är skrivskyddat. Välj en mapp på en disk som går att skriva till med --out',
  ENOTDIR: 'en del av sökvägen är en fil, inte en mapp. Välj en annan mapp med --out',
  EEXIST: 'något med samma namn fanns redan där bygget skulle skapa en mapp. Välj en annan mapp med --out',
  EISDIR: 'en mapp låg där bygget skulle skriva en fil. Bygg igen; kvarstår felet, välj en annan mapp med --out',
  ENAMETOOLONG: 'sökvägen blev för lång. Välj en utdatamapp med kortare sökväg med --out',
  EMFILE: 'för många filer var öppna samtidigt. Bygg igen',
  ENFILE: 'för många filer var öppna samtidigt. Bygg igen',
  EIO: 'disken svarade med ett läs- eller skrivfel. Kontrollera disken och bygg igen',
  ENOENT: 'mappen försvann medan bygget skrev. Bygg igen',
  EBUSY: 'mappen används av ett annat program. Stäng det och bygg igen',
};

/**
 * The sentence for a file system error met while writing the site to `outDir` (as the editor
 * gave it), with `staging` where the new site was being written; undefined for any other error.
 */
export function writeFailure(error: unknown, outDir: string, staging: string): OutputError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? reasons[code] : undefined;
  if (!reason) return undefined;
  const path = (error as NodeJS.ErrnoException).path;
  const rel = path ? relative(staging, path) : '';
  // a file of the new site is named as it would be in the output folder, not by the hidden staging name
  const file = path && rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? ` (${join(outDir, rel)})` : '';
  return new OutputError(`Webbplatsen kunde inte skrivas till ${outDir}${file}: ${reason}. Inget ändrades i ${outDir}. [${code}]`, { cause: error });
}
