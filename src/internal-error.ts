import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownPath } from './installation.js';

/*
 * An error that is neither the content's nor the command's: a bug in verksam or one of its
 * templates. The editor gets one sentence that says so and names the file when it is known;
 * the stack is for whoever fixes it (VERKSAM_DEBUG=1).
 */

/** verksam's own folder: files are named relative to it (templates/news.tsx). */
const installation = ownPath('./');

const own = (path: string): string | undefined => {
  const rel = relative(installation, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith('node_modules') ? rel.split('\\').join('/') : undefined;
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The sentence for an internal error, one line. */
export function describeInternalError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // tsx/esbuild could not compile a file: "Transform failed with 1 error:\n/path/x.tsx:3:5: ERROR: …"
  const compile = /^(\/.+?|[A-Za-z]:\\.+?):(\d+):(\d+): ERROR: (.+)$/m.exec(message);
  if (compile && /Transform failed/.test(message)) {
    const file = own(compile[1]!) ?? compile[1]!;
    const kind = file.startsWith('templates/') ? 'mallen' : 'filen';
    return `verksam: internt fel: ${kind} ${file} går inte att tolka (rad ${compile[2]}, kolumn ${compile[3]}: ${oneLine(compile[4]!)}). Rätta ${kind}; felet ligger inte i innehållet.`;
  }
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frame = [...stack.matchAll(/(file:\/\/[^\s()]+?|\/[^\s():]+):(\d+)/g)]
    .map((match) => ({ file: own(match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!), line: match[2] }))
    .find((candidate) => candidate.file !== undefined);
  const where = frame ? ` i ${frame.file}:${frame.line}` : '';
  return `verksam: internt fel${where}, inte ett fel i innehållet: ${oneLine(message) || 'okänt fel'}. Kör igen med VERKSAM_DEBUG=1 för detaljer och rapportera felet.`;
}
