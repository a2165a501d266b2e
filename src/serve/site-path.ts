/*
 * How a request's URL path names a file of a built site, as GitHub Pages answers it: "/foo/" is
 * foo/index.html, "/" is index.html, and a site built for a sub-path (https://x.github.io/repo/)
 * answers only under it. Shared by the preview (files in memory) and `verksam serve` (files on
 * disk), so both answer the same URLs the published site does.
 */

export type SitePath =
  /** `file` is relative to the site's folder, "/"-separated, never leaving it. */
  | { kind: 'file'; file: string }
  /** The path is not under the site's base path. */
  | { kind: 'outside' }
  /** Undecodable, or it climbs out of the site's folder ("..", "%2e%2e", a backslash, NUL). */
  | { kind: 'refused' };

/**
 * The site file `pathname` (the URL's path, still percent-encoded) asks for, under `basePath`
 * ("/" or "/repo/").
 */
export function siteFileFor(pathname: string, basePath = '/'): SitePath {
  if (!pathname.startsWith(basePath)) return { kind: 'outside' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice(basePath.length));
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused' };
  const segments = decoded.split('/');
  // checked after decoding, so an encoded "..%2f" is caught too; "." and empty segments are harmless but not a file's name
  if (segments.some((segment) => segment === '..')) return { kind: 'refused' };
  const path = segments.filter((segment) => segment !== '' && segment !== '.').join('/');
  const isFolder = decoded === '' || decoded.endsWith('/');
  return { kind: 'file', file: isFolder ? (path === '' ? 'index.html' : `${path}/index.html`) : path };
}

/** The URL path of a site file: "nyheter/index.html" → "/nyheter/". */
export function pathForFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}
