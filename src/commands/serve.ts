import { readBuiltSite } from '../serve/built-site.js';
import { startFolderServer, type FolderServer } from '../serve/folder-server.js';

/*
 * `verksam serve`: shows the built site (dist/) as the published site will be, search
 * included, on a local port. Unlike `verksam dev` it builds nothing and shows no drafts: it is
 * the last look before publishing.
 */

export interface ServeOptions {
  outDir: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
}

export type ServeOutcome = { ok: true; server: FolderServer } | { ok: false; code: 2; message: string };

export async function serveCommand(options: ServeOptions): Promise<ServeOutcome> {
  const site = await readBuiltSite(options.outDir);
  if (!site.ok) return { ok: false, code: 2, message: site.message };
  try {
    const server = await startFolderServer({ root: options.outDir, basePath: site.basePath, port: options.port, host: options.host });
    return { ok: true, server };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      return { ok: false, code: 2, message: `Porten ${options.port} används redan, kanske av en annan förhandsvisning. Stäng den, eller välj en annan port: verksam serve --port ${options.port + 1}` };
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') {
      return { ok: false, code: 2, message: `Webbplatsen kan inte visas på ${options.host}:${options.port} (${code}). Välj en annan adress med --host eller port med --port.` };
    }
    throw error;
  }
}
