import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';

/*
 * What an import reads: a Word document (.docx, a zip archive) or text (.txt, .md). Everything a
 * file can be instead of what its name says (an old binary .doc, a password-protected .docx, a
 * renamed text file) is told apart here by its first bytes, so the editor gets one sentence
 * saying what the file really is.
 */

export type SourceFile =
  | { ok: true; kind: 'docx'; bytes: Buffer }
  | { ok: true; kind: 'text'; text: string; markdown: boolean; encoding: 'utf-8' | 'windows-1252' };

/** A file that cannot be read as asked: exit code 2. */
export interface SourceRefusal {
  ok: false;
  code: 2;
  message: string;
}

const refuse = (message: string): SourceRefusal => ({ ok: false, code: 2, message });

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Microsoft's Compound File Binary format: old .doc files, and .docx files encrypted with a password. */
const cfbMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted Office document keeps its contents in; directory names are UTF-16LE. */
const encryptedPackage = Buffer.from('EncryptedPackage', 'utf16le');

const textExtensions = new Set(['.txt', '.text', '.md', '.markdown']);

/** What the first bytes say a file is, whatever its name says. */
export function sniff(bytes: Buffer): 'zip' | 'encrypted-office' | 'old-office' | 'text' | 'binary' {
  if (bytes.subarray(0, 4).equals(zipMagic)) return 'zip';
  if (bytes.subarray(0, 8).equals(cfbMagic)) return bytes.includes(encryptedPackage) ? 'encrypted-office' : 'old-office';
  return bytes.subarray(0, 8000).includes(0) ? 'binary' : 'text';
}

/** Text as UTF-8, or (a file saved by an old Windows program) as Windows-1252. */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Reads the file to import; `shown` is its name as the editor typed it. */
export async function readSourceFile(path: string, shown = path): Promise<SourceFile | SourceRefusal> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    return refuse(info.code === 'ENOENT' ? `Filen "${shown}" finns inte; kontrollera namnet och mappen.` : `Filen "${shown}" går inte att läsa (${info.code ?? info.message}).`);
  }
  if (!info.isFile()) return refuse(`"${shown}" är ingen fil; ange ett Word-dokument (.docx) eller en textfil (.txt, .md).`);
  const extension = extname(path).toLowerCase();
  const bytes = await readFile(path);
  const kind = sniff(bytes);
  if (kind === 'encrypted-office') {
    return refuse(`Word-filen "${shown}" är lösenordsskyddad och går inte att läsa. Öppna den i Word, ta bort lösenordet (Arkiv > Info > Skydda dokument) och spara den igen.`);
  }
  if (kind === 'old-office') {
    return refuse(`"${shown}" är en äldre Word-fil (.doc), som verksam inte kan läsa. Öppna den i Word och spara den som Word-dokument (.docx).`);
  }
  if (extension === '.docx') {
    if (kind === 'zip') return { ok: true, kind: 'docx', bytes };
    const what = kind === 'text' ? ' Den innehåller vanlig text: byt ändelsen till .txt om det är en textfil.' : '';
    return refuse(`"${shown}" är inget Word-dokument: en .docx-fil är ett zip-arkiv, och den här är det inte.${what}`);
  }
  if (extension === '.doc') return refuse(`"${shown}" är ingen Word-fil som verksam kan läsa. Öppna den i Word och spara den som Word-dokument (.docx).`);
  if (kind === 'zip') return refuse(`"${shown}" är ett zip-arkiv. Är det ett Word-dokument, ge det ändelsen .docx.`);
  if (!textExtensions.has(extension)) {
    return refuse(`verksam kan importera Word-dokument (.docx) och textfiler (.txt, .md), inte "${shown}".`);
  }
  if (kind === 'binary') return refuse(`"${shown}" är ingen textfil: den innehåller tecken som inte är text.`);
  const { text, encoding } = decodeText(bytes);
  return { ok: true, kind: 'text', text, markdown: extension === '.md' || extension === '.markdown', encoding };
}
