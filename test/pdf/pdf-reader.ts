import { inflateSync, constants } from 'node:zlib';

/*
 * Just enough of a PDF reader for tests: the file's own text plus every Flate stream inflated
 * (Chromium may put objects, annotations among them, into compressed object streams), and the
 * link annotations found in it.
 */

/** The PDF as text (latin1), followed by the inflated contents of each of its Flate streams. */
export function pdfText(pdf: Uint8Array): string {
  const bytes = Buffer.from(pdf);
  const raw = bytes.toString('latin1');
  const parts = [raw];
  for (const match of raw.matchAll(/>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    const dictionary = raw.slice(raw.lastIndexOf('<<', match.index), match.index);
    if (!dictionary.includes('/FlateDecode')) continue;
    try {
      parts.push(inflateSync(bytes.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1'));
    } catch {
      // not a zlib stream after all (an image's filter chain, say): nothing to read in it
    }
  }
  return parts.join('\n');
}

/** A PDF literal string's escapes undone: \( \) \\ \n and octal. */
function literal(value: string): string {
  return value.replace(/\\([0-7]{1,3}|.)/gs, (_match, escaped: string) => {
    if (/^[0-7]+$/.test(escaped)) return String.fromCharCode(parseInt(escaped, 8));
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[escaped] ?? escaped;
  });
}

/** Every URI of a link annotation (`/URI (…)` or `/URI <…>`), in file order. */
export function pdfUris(pdf: Uint8Array): string[] {
  const text = pdfText(pdf);
  const uris: string[] = [];
  for (const match of text.matchAll(/\/URI\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>)/gs)) {
    if (match[1] !== undefined) uris.push(literal(match[1]));
    else uris.push(Buffer.from(match[2]!.replace(/\s/g, ''), 'hex').toString('latin1'));
  }
  return uris;
}

/** The named destinations that links within the document jump to (`/Dest /mal-1`). */
export function pdfDestinations(pdf: Uint8Array): string[] {
  return [...pdfText(pdf).matchAll(/\/Subtype\s*\/Link\b(?:(?!endobj)[^])*?\/Dest\s*\/([^\s/<>\[\]()]+)/g)].map((match) => match[1]!);
}
