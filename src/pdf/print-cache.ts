import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import type { CacheView } from '../cache/store.js';

/*
 * A print edition is kept in the disk cache and used again when nothing it was printed from has
 * changed: printing starts Chromium and prints each report two or three times (edition.ts), by
 * far the slowest part of a build with nothing changed.
 *
 * What a PDF is printed from cannot be listed in advance without reading the page as the browser
 * does (the stylesheet names fonts and images, which name nothing further, but a template may
 * add any file). So the files are taken from the print itself: every address under the base URL
 * that Chromium asked for, with a digest of the bytes it was given (or of none, when the site has
 * no such file). A stored PDF is used only when each of those files has the same bytes now, so a
 * changed page, stylesheet, font or image prints anew, and an unrelated news item does not.
 *
 * The rest is in the address: the pipeline (the cache's salt: verksam's code, edition.css and the
 * locked versions of playwright-core and every other dependency), the browser and the fonts of
 * the system it draws text with, the base URL, the report's page and the cover's texts and date.
 */

/** A stored print: what the browser loaded, by path under the base URL, and the PDF. */
export interface StoredPrint {
  /** [path, digest of its bytes, or '' when the site had no such file], in the order asked for. */
  loaded: [string, string][];
  /** The PDF, base64. */
  pdf: string;
}

export const digest = (contents: string | Uint8Array): string => createHash('sha256').update(contents).digest('hex');

/**
 * What the printing browser is, without starting it (`chromium --version` costs as much as the
 * rest of a build with nothing changed): the file the path leads to, by inode, size and times.
 * Installing another version replaces the file (a new inode and change time, even when a
 * launcher script such as Debian's /usr/bin/chromium keeps its text). The system's font folders
 * and fontconfig's cache are there too, since Chromium draws text the page does not bring with
 * fonts of the system; a folder's times change when fonts are added or the cache is rebuilt.
 */
export async function browserIdentity(chromiumPath: string): Promise<string> {
  const parts: string[] = [];
  for (const path of [chromiumPath, '/etc/fonts', '/usr/share/fonts', '/usr/local/share/fonts', '/var/cache/fontconfig']) {
    const real = await realpath(path).catch(() => path);
    const info = await stat(real, { bigint: true }).catch(() => undefined);
    parts.push(info ? `${real} ${info.ino} ${info.size} ${info.mtimeNs} ${info.ctimeNs}` : `${real} -`);
  }
  return parts.join('\n');
}

/** The stored print's address: everything but the files the print loaded. */
export function printAddress(cache: CacheView, inputs: { browser: string; baseUrl: string; path: string; cover: unknown; published: string }): string {
  return cache.address(['print', inputs.browser, inputs.baseUrl, inputs.path, JSON.stringify(inputs.cover), inputs.published]);
}

/** A stored print, if it has the shape of one (a damaged cache is a miss). */
function storedPrint(value: unknown): StoredPrint | undefined {
  const print = value as Partial<StoredPrint> | undefined;
  const loaded = print?.loaded;
  if (typeof print?.pdf !== 'string' || !Array.isArray(loaded)) return undefined;
  const wellFormed = loaded.every((entry) => Array.isArray(entry) && entry.length === 2 && entry.every((part) => typeof part === 'string'));
  return wellFormed && loaded.length > 0 ? (print as StoredPrint) : undefined;
}

/**
 * The stored PDF at `address`, when every file its print loaded has the same bytes in the site
 * now (`current` gives a file's digest, '' when there is none); otherwise none.
 */
export function reusablePrint(cache: CacheView, address: string, current: (path: string) => string): Uint8Array | undefined {
  const stored = storedPrint(cache.get(address));
  if (!stored) return undefined;
  if (!stored.loaded.every(([path, hash]) => current(path) === hash)) return undefined;
  return new Uint8Array(Buffer.from(stored.pdf, 'base64'));
}
