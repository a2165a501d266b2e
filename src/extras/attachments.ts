import { readFile, stat } from 'node:fs/promises';
import type { Extra, ExtraFile } from './extra.js';

/*
 * The attachments of content/filer/, published byte for byte at their own address
 * (/filer/forbundsordning.pdf), in the same atomic swap as the pages. Their addresses are known
 * from the graph before anything is read, so links to them are checked with the pages'.
 */

export function attachmentsExtra(): Extra {
  // the preview copies on every update: a file is read again only when its size or time of change moved
  const read = new Map<string, { stamp: string; contents: Uint8Array }>();
  return {
    name: 'attachments',
    paths: ({ graph }) => graph.attachments.map((attachment) => attachment.url.replace(/^\//, '')),
    async make({ graph }) {
      const files: ExtraFile[] = [];
      for (const attachment of graph.attachments) {
        const info = await stat(attachment.absolutePath);
        const stamp = `${info.size}:${info.mtimeMs}`;
        let known = read.get(attachment.absolutePath);
        if (known?.stamp !== stamp) {
          known = { stamp, contents: new Uint8Array(await readFile(attachment.absolutePath)) };
          read.set(attachment.absolutePath, known);
        }
        files.push({ path: attachment.url.replace(/^\//, ''), contents: known.contents });
      }
      const wanted = new Set(graph.attachments.map((attachment) => attachment.absolutePath));
      for (const path of [...read.keys()]) if (!wanted.has(path)) read.delete(path);
      return files;
    },
  };
}
