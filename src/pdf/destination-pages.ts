/*
 * Which page each heading of a printed report landed on, read back from the PDF Chromium wrote:
 * Chromium turns every element that a link within the page points at (`href="#mal-1"`) into a
 * named destination, `/mal-1 [<page> /XYZ …]`, in the catalog's /Dests dictionary. The page is
 * an object reference; its number is its place in the page tree.
 *
 * Only as much PDF as Chromium's (Skia's) output needs: objects written out in the file, no
 * compressed object streams, /Dests as a dictionary. Anything else is reported, never guessed.
 */

/** The body of every `N 0 obj … endobj` in the file, by object number. */
function objects(text: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const match of text.matchAll(/(?<![0-9])(\d+) 0 obj\b/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    // a stream's bytes may contain anything: only the dictionary before it is kept
    const body = text.slice(start, end);
    const stream = body.indexOf('stream');
    found.set(Number(match[1]), stream < 0 ? body : body.slice(0, stream));
  }
  return found;
}

function reference(dictionary: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
}

/** A PDF name's #xx escapes undone (UTF-8 bytes, as Chromium writes the element's id). */
function pdfName(name: string): string {
  const bytes = Buffer.from(name.replace(/#([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}

/** The page objects in reading order, walking the page tree from the catalog. */
function pageOrder(all: Map<number, string>, root: number): number[] {
  const pages: number[] = [];
  const visit = (number: number, depth: number) => {
    const node = all.get(number);
    if (node === undefined || depth > 32) throw new Error(`the PDF's page tree names object ${number}, which it does not hold`);
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+) 0 R/g)) visit(Number(kid[1]), depth + 1);
    } else pages.push(number);
  };
  visit(root, 0);
  return pages;
}

/**
 * The page number (1 for the first page) of each named destination in a PDF from Chromium.
 * Throws when the PDF is not laid out as Chromium writes it: a bug to fix here, not content.
 */
export function destinationPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf).toString('latin1');
  const all = objects(text);
  const catalog = [...all.values()].find((body) => /\/Type\s*\/Catalog\b/.test(body));
  if (catalog === undefined) throw new Error('the PDF has no catalog written out (compressed object streams are not read)');
  const pagesRoot = reference(catalog, 'Pages');
  if (pagesRoot === undefined) throw new Error('the PDF\'s catalog has no page tree');
  const pageNumber = new Map(pageOrder(all, pagesRoot).map((object, index) => [object, index + 1]));
  const destsObject = reference(catalog, 'Dests');
  const pages = new Map<string, number>();
  if (destsObject === undefined) return pages;
  const dests = all.get(destsObject);
  if (dests === undefined) throw new Error('the PDF\'s catalog names a /Dests dictionary it does not hold');
  for (const match of dests.matchAll(/\/([^\s/<>[\]()]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = pageNumber.get(Number(match[2]));
    if (page === undefined) throw new Error(`the PDF's destination /${match[1]} is on no page`);
    pages.set(pdfName(match[1]!), page);
  }
  return pages;
}
