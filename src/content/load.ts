import { closeSync, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { explainFileSystemError, type RuleId } from '../errors.js';

/** A content file as read from disk: the only place verksam reads content. */
export interface SourceFile {
  /** Path relative to the current directory, with forward slashes; used in every message. */
  path: string;
  /** Path relative to the content folder, with forward slashes; decides the content type. */
  contentPath: string;
  /**
   * The file's text. A file verksam does not read as text (an image, or a file it only names
   * in a message) is not read at all: its `text` is a stand-in made of its size and time of
   * change, so a changed file still has a changed text; images/inspect.ts reads an image's bytes.
   */
  text: string;
  /** Why the file could not be read (or may not be): reported as its only problem. Plain data, for the parse worker. */
  unread?: ReadProblem;
}

export interface ReadProblem {
  ruleId: RuleId;
  reason: string;
  line?: number;
  column?: number;
}

/** What one content file may weigh: the largest real one is a few kB; a 50 MB file would exhaust the heap. */
export const contentLimits = { fileBytes: 1024 * 1024 } as const;

/** Files an editor's tools leave behind, never content: backups, Office lock files, Windows' and macOS' own. */
const ignored = (name: string) =>
  name.startsWith('.') || name.endsWith('~') || name.startsWith('~$') || /^(?:thumbs\.db|desktop\.ini)$/i.test(name);

/** Content verksam reads as text; every other file is only named (or, for images, read as bytes elsewhere). */
export const isTextContent = (contentPath: string) => /\.(?:md|ya?ml)$/.test(contentPath);

export async function loadContent(contentDir: string, cwd = process.cwd()): Promise<SourceFile[]> {
  const names = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const entries = names
    .filter((entry) => !ignored(entry.name))
    .map((entry) => ({ entry, absolute: join(entry.parentPath, entry.name) }))
    .filter(({ absolute }) => !relative(contentDir, absolute).split(sep).some(ignored))
    .sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
  // read one after another: for thousands of small files faster than in parallel, and never out of file handles
  return entries.flatMap(({ entry, absolute }) => sourceOf(entry, absolute, contentDir, cwd) ?? []);
}

/**
 * One path of the content folder as loadContent reads it, for a reader of single files (the
 * preview reads the files that changed); undefined for a folder, a file verksam ignores, or a
 * path that is gone.
 */
export function readContentFile(contentDir: string, absolute: string, cwd = process.cwd()): SourceFile | undefined {
  if (relative(contentDir, absolute).split(sep).some(ignored)) return undefined;
  let info: Stats;
  try {
    info = lstatSync(absolute);
  } catch {
    return undefined;
  }
  return sourceOf(info, absolute, contentDir, cwd);
}

type Kind = Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink'>;

function sourceOf(kind: Kind, absolute: string, contentDir: string, cwd: string): SourceFile | undefined {
  const names = { path: toPosix(relative(cwd, absolute)) || absolute, contentPath: toPosix(relative(contentDir, absolute)) };
  const name = names.contentPath.split('/').pop()!;
  if (kind.isSymbolicLink()) return { ...names, text: '', unread: symbolicLink(absolute, name) };
  if (kind.isDirectory()) {
    // a folder named like a content file is surely meant to be one, and would otherwise vanish without a word
    if (!isTextContent(name)) return undefined;
    return { ...names, text: '', unread: { ruleId: 'unreadable-file', reason: `"${name}" är en mapp, inte en fil; verksam läser bara filer med det namnet. Ta bort mappen eller byt namn på den.` } };
  }
  if (!kind.isFile()) {
    // never opened: reading a named pipe would wait for ever
    return { ...names, text: '', unread: { ruleId: 'unreadable-file', reason: `"${name}" är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och kan inte läsas; ta bort den ur innehållsmappen.` } };
  }
  return { ...names, ...readSource(absolute, names.contentPath) };
}

/**
 * A content file's text, or why it cannot be used: not readable, too large, not UTF-8. Other
 * files are only looked at, not read (see SourceFile.text).
 */
export function readSource(absolute: string, contentPath: string): Pick<SourceFile, 'text' | 'unread'> {
  const name = contentPath.split('/').pop()!;
  try {
    if (!isTextContent(contentPath)) {
      const info = statSync(absolute);
      return { text: `${info.size}:${info.mtimeMs}` };
    }
    const handle = openSync(absolute, 'r');
    try {
      const size = fstatSync(handle).size;
      if (size > contentLimits.fileBytes) return tooLarge(handle, size);
      const bytes = Buffer.alloc(size);
      let read = 0;
      while (read < size) {
        const count = readSync(handle, bytes, read, size - read, read);
        if (count === 0) break;
        read += count;
      }
      return decode(bytes.subarray(0, read));
    } finally {
      closeSync(handle);
    }
  } catch (error) {
    const explanation = explainFileSystemError(error);
    if (!explanation) throw error;
    return { text: '', unread: { ruleId: 'unreadable-file', reason: `"${name}" går inte att läsa: ${explanation}.` } };
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

/** Refused unread but for the part up to the limit, to say on which line the limit is passed. */
function tooLarge(handle: number, size: number): Pick<SourceFile, 'text' | 'unread'> {
  const head = Buffer.alloc(contentLimits.fileBytes);
  const read = readSync(handle, head, 0, head.length, 0);
  let line = 1;
  let lineStart = 0;
  for (let index = head.indexOf(10, 0); index !== -1 && index < read; index = head.indexOf(10, index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return {
    // a stand-in as for files not read as text: a changed file is still a change
    text: `${size}`,
    unread: {
      ruleId: 'file-too-large',
      reason: `Filen är ${megabytes(size)}, mer än gränsen ${megabytes(contentLimits.fileBytes)} för en innehållsfil; gränsen passeras på rad ${line}. Dela upp texten i flera filer, eller ta bort det som inte hör hemma här (inklistrade bilder eller tabeller).`,
      line,
      column: read - lineStart + 1,
    },
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** The text, or the first line that is not UTF-8: a Latin-1 "å" would otherwise be published as "�". */
function decode(bytes: Uint8Array): Pick<SourceFile, 'text' | 'unread'> {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    let line = 1;
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(10, start);
      const lineBytes = bytes.subarray(start, end === -1 ? bytes.length : end);
      try {
        utf8.decode(lineBytes);
      } catch {
        const offset = firstInvalidByte(lineBytes);
        const column = lenient.decode(lineBytes.subarray(0, offset)).length + 1;
        // one byte per character: the word as it was meant, when the file is Latin-1 or Windows-1252
        const latin1 = new TextDecoder('windows-1252').decode(lineBytes);
        const word = /\S*$/.exec(latin1.slice(0, offset))![0] + /^\S*/.exec(latin1.slice(offset))![0];
        return {
          text: lenient.decode(bytes),
          unread: {
            ruleId: 'invalid-encoding',
            reason: `Filen är inte sparad som UTF-8: rad ${line} har tecken som inte går att läsa${word ? ` (kanske "${word}", sparat som Latin-1/Windows-1252)` : ''}. Spara filen som UTF-8 i redigeraren (Spara som … kodning UTF-8).`,
            line,
            column,
          },
        };
      }
      if (end === -1) break;
      start = end + 1;
      line++;
    }
    // invalid only across a line break: cannot happen in UTF-8, whose sequences never contain byte 10
    return { text: lenient.decode(bytes) };
  }
}

/** The offset of the byte where the bytes stop being UTF-8 (they are known not to be). */
function firstInvalidByte(bytes: Uint8Array): number {
  // the shortest prefix that fails: a prefix that merely cuts a character short is not an error when streaming
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle + 1;
    } catch {
      high = middle;
    }
  }
  // the decoder fails only at the byte after a broken sequence's start ("ä" in Latin-1 looks like the start of a
  // three-byte character): the sequence starts where the last complete character before it ends
  for (let end = low - 1; end > Math.max(0, low - 5); end--) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
      return end;
    } catch {
      // still inside the broken sequence
    }
  }
  return Math.max(0, low - 5);
}

function symbolicLink(absolute: string, name: string): ReadProblem {
  let target: string | undefined;
  let exists = true;
  try {
    target = readlinkSync(absolute);
    statSync(absolute);
  } catch {
    exists = false;
  }
  const to = target ? ` till ${target}` : '';
  return {
    ruleId: 'symbolic-link',
    reason: exists
      ? `"${name}" är en symbolisk länk${to}. verksam följer inte länkar, eftersom de kan peka ut ur innehållsmappen; lägg en kopia av filen här i stället.`
      : `"${name}" är en symbolisk länk${to}, som inte finns. verksam följer inte länkar; ta bort länken, eller lägg en kopia av filen här i stället.`,
  };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
