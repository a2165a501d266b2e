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

/*
 * A little more for the print edition's tests: the document's pages in order, each with its
 * text as lines (glyphs decoded through each font's ToUnicode map, placed by the text and
 * graphics matrices, a space wherever a gap is left between runs) and its links; the outline;
 * the named destinations. Written against what Chromium (Skia) writes: objects in the open,
 * Type0 fonts with Identity-H encoding.
 */

interface PdfObject {
  dictionary: string;
  stream?: Buffer;
}

function readObjects(pdf: Uint8Array): Map<number, PdfObject> {
  const bytes = Buffer.from(pdf);
  const raw = bytes.toString('latin1');
  const found = new Map<number, PdfObject>();
  for (const match of raw.matchAll(/(?<![0-9])(\d+) 0 obj\b/g)) {
    const start = match.index + match[0].length;
    const streamAt = raw.slice(start, raw.indexOf('endobj', start)).search(/>>\s*stream\r?\n/);
    if (streamAt < 0) {
      found.set(Number(match[1]), { dictionary: raw.slice(start, raw.indexOf('endobj', start)) });
      continue;
    }
    const dictionary = raw.slice(start, start + streamAt + 2);
    const dataStart = raw.indexOf('\n', start + streamAt + 2) + 1;
    const length = Number(/\/Length (\d+)(?! \d+ R)/.exec(dictionary)?.[1]);
    let data = bytes.subarray(dataStart, Number.isFinite(length) ? dataStart + length : raw.indexOf('endstream', dataStart));
    if (dictionary.includes('/FlateDecode')) data = inflateSync(data);
    found.set(Number(match[1]), { dictionary, stream: data });
  }
  return found;
}

function ref(dictionary: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
}

/** A PDF text string: UTF-16BE hex with a byte order mark, or a literal. */
function textString(value: string): string {
  const hex = /^<FEFF([0-9A-Fa-f]*)>$/.exec(value)?.[1];
  if (hex !== undefined) return Buffer.from(hex, 'hex').swap16().toString('utf16le');
  return literal(value.slice(1, -1));
}

/** Glyph code → text, from a ToUnicode CMap's bfchar and bfrange sections. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const section of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const [, code, text] of section[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(code!, 16), utf16(text!));
  }
  for (const section of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const [, from, to, target] of section[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const first = parseInt(from!, 16);
      const last = parseInt(to!, 16);
      const targets = target!.startsWith('[') ? [...target!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((hex) => utf16(hex[1]!)) : undefined;
      const start = targets ? 0 : parseInt(target!.slice(1, -1), 16);
      for (let code = first; code <= last; code++) map.set(code, targets ? (targets[code - first] ?? '') : String.fromCodePoint(start + code - first));
    }
  }
  return map;
}

/** Glyph widths (thousandths of the font size) from a CIDFont's /W array. */
function glyphWidths(w: string): Map<number, number> {
  const widths = new Map<number, number>();
  const tokens = [...w.matchAll(/\[|\]|[-\d.]+/g)].map((token) => token[0]);
  for (let i = 0; i < tokens.length; ) {
    const first = Number(tokens[i++]);
    if (tokens[i] === '[') {
      i++;
      for (let code = first; tokens[i] !== ']'; code++) widths.set(code, Number(tokens[i++]));
      i++;
    } else {
      const last = Number(tokens[i++]);
      const width = Number(tokens[i++]);
      for (let code = first; code <= last; code++) widths.set(code, width);
    }
  }
  return widths;
}

interface Font {
  text: Map<number, string>;
  widths: Map<number, number>;
  defaultWidth: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];

interface Run { x: number; y: number; end: number; size: number; text: string }

/** The text runs of one content stream, placed on the page (PDF points, y up). */
function textRuns(content: string, fonts: Map<string, Font>): Run[] {
  const runs: Run[] = [];
  const tokens = content.matchAll(/<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|\/[^\s/<>[\]()]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+\d?|\S/g);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  let font: Font | undefined;
  let size = 0;
  const operands: string[] = [];
  const show = (strings: string[]) => {
    if (!font) return;
    let text = '';
    let advance = 0;
    for (const hex of strings) {
      const digits = hex.replace(/[<>\s]/g, '');
      for (let i = 0; i + 4 <= digits.length; i += 4) {
        const code = parseInt(digits.slice(i, i + 4), 16);
        text += font.text.get(code) ?? '';
        advance += ((font.widths.get(code) ?? font.defaultWidth) / 1000) * size;
      }
    }
    const place = multiply(tm, ctm);
    const scale = Math.hypot(place[0], place[1]);
    runs.push({ x: place[4], y: place[5], end: place[4] + advance * scale, size: size * Math.hypot(place[2], place[3]), text });
  };
  for (const [token] of tokens) {
    if (/^[A-Za-z'"*]/.test(token)) {
      const n = operands.map(Number);
      switch (token) {
        case 'q': saved.push(ctm); break;
        case 'Q': ctm = saved.pop() ?? [1, 0, 0, 1, 0, 0]; break;
        case 'cm': ctm = multiply(n.slice(-6) as Matrix, ctm); break;
        case 'BT': tm = tlm = [1, 0, 0, 1, 0, 0]; break;
        case 'Tf': font = fonts.get(operands[0]!.slice(1)); size = n[1]!; break;
        case 'Tm': tm = tlm = n.slice(-6) as Matrix; break;
        case 'Td': case 'TD': tm = tlm = multiply([1, 0, 0, 1, n[0]!, n[1]!], tlm); break;
        case 'Tj': show(operands.filter((operand) => operand.startsWith('<'))); break;
        case 'TJ': show(operands.filter((operand) => operand.startsWith('<'))); break;
      }
      operands.length = 0;
    } else if (token !== '[' && token !== ']' && token !== '<<' && token !== '>>') operands.push(token);
  }
  return runs;
}

/** Runs on (about) the same baseline make a line; a gap between runs is a space. */
function lines(runs: Run[]): { text: string; y: number }[] {
  const sorted = [...runs].filter((run) => run.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const result: { y: number; runs: Run[] }[] = [];
  for (const run of sorted) {
    const line = result.find((candidate) => Math.abs(candidate.y - run.y) < run.size * 0.5);
    if (line) line.runs.push(run);
    else result.push({ y: run.y, runs: [run] });
  }
  return result
    .sort((a, b) => b.y - a.y)
    .map(({ y, runs: parts }) => ({
      y,
      text: parts
        .sort((a, b) => a.x - b.x)
        .reduce((text, run, index) => text + (index > 0 && run.x - parts[index - 1]!.end > run.size * 0.15 ? ' ' : '') + run.text, '')
        .replace(/\s+/g, ' ')
        .trim(),
    }));
}

export interface PdfPage {
  /** The page's text, line by line, top to bottom. */
  lines: string[];
  /** Its text in the order it is painted (a table cell by cell, not line by line). */
  paintedText: string;
  /** The baseline of each line, in points from the foot of the page. */
  baselines: number[];
  /** Its links: to a web address, or to a named destination in the document. */
  links: { uri?: string; dest?: string }[];
}

export interface PdfDocument {
  pages: PdfPage[];
  /** The bookmarks, depth first, with their depth (0 at the top) and page number (from 1). */
  outline: { title: string; depth: number; page: number }[];
  /** The page number of each named destination. */
  destinations: Map<string, number>;
}

export function readPdf(pdf: Uint8Array): PdfDocument {
  const objects = readObjects(pdf);
  const object = (number: number | undefined) => {
    const found = number === undefined ? undefined : objects.get(number);
    if (!found) throw new Error(`no object ${number}`);
    return found;
  };
  const catalog = [...objects.values()].find((candidate) => /\/Type\s*\/Catalog\b/.test(candidate.dictionary))!;
  const pageObjects: number[] = [];
  const visit = (number: number) => {
    const node = object(number).dictionary;
    if (/\/Type\s*\/Pages\b/.test(node)) for (const kid of (/\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '').matchAll(/(\d+) 0 R/g)) visit(Number(kid[1]));
    else pageObjects.push(number);
  };
  visit(ref(catalog.dictionary, 'Pages')!);
  const pageOf = new Map(pageObjects.map((number, index) => [number, index + 1]));
  const fonts = new Map<number, Font>();
  const font = (number: number): Font => {
    if (!fonts.has(number)) {
      const dictionary = object(number).dictionary;
      const descendant = object(Number(/\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(dictionary)?.[1])).dictionary;
      fonts.set(number, {
        text: toUnicode(object(ref(dictionary, 'ToUnicode')).stream!.toString('latin1')),
        widths: glyphWidths(/\/W\s*\[([^]*)\]/.exec(descendant)?.[1] ?? ''),
        defaultWidth: Number(/\/DW\s+([\d.]+)/.exec(descendant)?.[1] ?? 1000),
      });
    }
    return fonts.get(number)!;
  };
  const pages = pageObjects.map((number): PdfPage => {
    const dictionary = object(number).dictionary;
    const fontMap = new Map(
      [...(/\/Font\s*<<([^>]*)>>/.exec(dictionary)?.[1] ?? '').matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)].map(([, name, ref_]) => [name!, font(Number(ref_))]),
    );
    const contents = /\/Contents\s*(?:(\d+) 0 R|\[([^\]]*)\])/.exec(dictionary);
    const streams = contents?.[1] ? [Number(contents[1])] : [...(contents?.[2] ?? '').matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1]));
    const runs = streams.flatMap((stream) => textRuns(object(stream).stream!.toString('latin1'), fontMap));
    const annots = [...(/\/Annots\s*\[([^\]]*)\]/.exec(dictionary)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((match) => object(Number(match[1])).dictionary);
    const links = annots
      .filter((annot) => /\/Subtype\s*\/Link\b/.test(annot))
      .map((annot) => {
        const uri = /\/URI\s*(\((?:\\.|[^\\)])*\))/.exec(annot)?.[1];
        const dest = /\/Dest\s*\/([^\s/<>[\]()]+)/.exec(annot)?.[1];
        return { ...(uri ? { uri: literal(uri.slice(1, -1)) } : {}), ...(dest ? { dest } : {}) };
      });
    const placed = lines(runs);
    return { paintedText: runs.map((run) => run.text).join(' '), lines: placed.map((line) => line.text), baselines: placed.map((line) => line.y), links };
  });
  const outline: PdfDocument['outline'] = [];
  const walk = (first: number | undefined, depth: number) => {
    for (let item = first; item !== undefined; item = ref(object(item).dictionary, 'Next')) {
      const dictionary = object(item).dictionary;
      const title = /\/Title\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/.exec(dictionary)?.[1] ?? '()';
      outline.push({ title: textString(title), depth, page: pageOf.get(Number(/\/Dest\s*\[\s*(\d+) 0 R/.exec(dictionary)?.[1]))! });
      walk(ref(dictionary, 'First'), depth + 1);
    }
  };
  const outlines = ref(catalog.dictionary, 'Outlines');
  if (outlines !== undefined) walk(ref(object(outlines).dictionary, 'First'), 0);
  const destinations = new Map<string, number>();
  const dests = ref(catalog.dictionary, 'Dests');
  if (dests !== undefined) {
    for (const [, name, page] of object(dests).dictionary.matchAll(/\/([^\s/<>[\]()]+)\s*\[\s*(\d+) 0 R/g)) destinations.set(name!, pageOf.get(Number(page))!);
  }
  return { pages, outline, destinations };
}
