import { lstatSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { attachmentNameProblem, attachmentTypes, attachmentUrl, isAttachmentPath, type Attachment } from './attachments.js';

/**
 * The attachments among a content folder's files (paths relative to it), each with its size:
 * the one fact a page shows of it. Files whose names cannot be published are left out (their
 * problem is the file's own, content/entries.ts), and so is anything not a plain file (a
 * symbolic link is reported where the folder is read). Only sizes are read here; the bytes are
 * read when the site is written (extras/attachments.ts).
 */
export function inspectAttachments(contentDir: string, cwd: string, contentPaths: Iterable<string>): Map<string, Attachment> {
  const found = new Map<string, Attachment>();
  for (const contentPath of [...contentPaths].filter(isAttachmentPath).sort()) {
    if (attachmentNameProblem(contentPath)) continue;
    const absolutePath = resolve(contentDir, contentPath);
    let bytes: number;
    try {
      const info = lstatSync(absolutePath);
      if (!info.isFile()) continue;
      bytes = info.size;
    } catch {
      continue; // gone since the folder was read: the next read says so
    }
    const extension = contentPath.slice(contentPath.lastIndexOf('.') + 1);
    found.set(contentPath, {
      url: attachmentUrl(contentPath),
      type: attachmentTypes[extension]!,
      bytes,
      contentPath,
      path: relative(cwd, absolutePath).split(sep).join('/') || absolutePath,
      absolutePath,
    });
  }
  return found;
}
