import { createHash } from 'node:crypto';
import type { OutputFile } from './atomic.js';
import { contentHash } from './manifest.js';

/*
 * One line that changes exactly when the published site would: a SHA-256 over every output
 * file's path and bytes, in path order. The Pages workflow's daily run builds the site for that
 * day and compares this file with the one on the live site; when they are equal there is nothing
 * new to publish and nothing is deployed. Every byte of a build depends only on the content and
 * the day it is built for (the PDFs' dates are fixed, see pdf/reproducible.ts), so the digest
 * does too.
 */

/** The digest's path in the output folder; the live site serves it at <baseUrl>site-digest.txt. */
export const siteDigestPath = 'site-digest.txt';

/** The digest of a site's files, the digest file itself left out. */
export function siteDigest(files: readonly OutputFile[]): string {
  const hash = createHash('sha256');
  const ordered = files.filter((file) => file.path !== siteDigestPath).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of ordered) {
    hash.update(`${file.path}\0${file.hash ?? contentHash(file.contents)}\n`);
  }
  return hash.digest('hex');
}

/** The files, each with its hash, and the digest file added (or replaced). */
export function withSiteDigest(files: readonly OutputFile[]): OutputFile[] {
  const hashed = files.filter((file) => file.path !== siteDigestPath).map((file) => (file.hash ? file : { ...file, hash: contentHash(file.contents) }));
  return [...hashed, { path: siteDigestPath, contents: `${siteDigest(hashed)}\n` }];
}
