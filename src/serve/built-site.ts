import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { outputMarker } from '../write/output-dir.js';

/*
 * What `verksam serve` needs to know about a built site before showing it: that verksam built
 * it (the output marker), and the URL path it was built for. Links in a site built with
 * --base-url https://x.github.io/repo/ all start with /repo/, so it is served under /repo/. The
 * build writes that address into robots.txt's Sitemap line (see extras/sitemap.ts); that line
 * is read rather than a second record of the same fact.
 */

export type BuiltSite = { ok: true; basePath: string } | { ok: false; message: string };

/** The base path from robots.txt's "Sitemap: <base URL>sitemap.xml"; "/" when there is none to read. */
export function basePathFromRobots(robots: string): string {
  const line = /^Sitemap:\s*(\S+)\s*$/m.exec(robots)?.[1];
  if (!line || !URL.canParse(line)) return '/';
  const path = new URL(line).pathname;
  return path.slice(0, path.lastIndexOf('/') + 1) || '/';
}

/** Whether `outDir` holds a site verksam built, and the path it is served under. */
export async function readBuiltSite(outDir: string): Promise<BuiltSite> {
  const build = `Kör verksam build först (npm run build), eller ange mappen med den byggda webbplatsen med --out MAPP.`;
  const folder = await stat(outDir).catch(() => undefined);
  if (!folder) return { ok: false, message: `Mappen ${outDir} finns inte. ${build}` };
  if (!folder.isDirectory()) return { ok: false, message: `${outDir} är en fil, inte en mapp med en byggd webbplats. ${build}` };
  const marker = await stat(join(outDir, outputMarker)).catch(() => undefined);
  if (!marker?.isFile()) return { ok: false, message: `Mappen ${outDir} är ingen webbplats som verksam har byggt (filen ${outputMarker} saknas). ${build}` };
  const robots = await readFile(join(outDir, 'robots.txt'), 'utf8').catch(() => '');
  return { ok: true, basePath: basePathFromRobots(robots) };
}
