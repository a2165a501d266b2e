import { startFolderServer } from '../../src/serve/folder-server.js';

/*
 * The static file server of the browser and link tests: `verksam serve`'s own (see
 * src/serve/folder-server.ts), which behaves like GitHub Pages, on 127.0.0.1 on a free port,
 * for any folder (a built site or not), with helpers for addresses.
 */

export interface StaticServerOptions {
  /**
   * The URL path the folder is served under, like a GitHub Pages project site ("/repo/").
   * Must start and end with "/". Requests outside it get a plain 404 ("/" redirects to it). Default "/".
   */
  basePath?: string;
}

export interface StaticServer {
  /** "http://127.0.0.1:<port>" */
  readonly origin: string;
  /** The URL path the folder is served under ("/" or "/repo/"). */
  readonly basePath: string;
  /** Absolute URL of a root-relative path ("/repo/nyheter/" → "http://127.0.0.1:1234/repo/nyheter/"). */
  url(path: string): string;
  /**
   * Absolute URL of a page's path relative to the base path, e.g. a `SitePage.url`
   * ("/nyheter/" → "http://127.0.0.1:1234/repo/nyheter/" when served under /repo/).
   */
  pageUrl(sitePath: string): string;
  close(): Promise<void>;
}

/** Serves `folder` on 127.0.0.1 on a free port until `close()`. */
export async function startStaticServer(folder: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const basePath = options.basePath ?? '/';
  const server = await startFolderServer({ root: folder, basePath, port: 0, host: '127.0.0.1' });
  const { origin } = server;
  return {
    origin,
    basePath,
    url: (path: string) => new URL(path, origin).href,
    pageUrl: (sitePath: string) => new URL(basePath + sitePath.replace(/^\//, ''), origin).href,
    close: () => server.close(),
  };
}
