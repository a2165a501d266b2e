/*
 * The same content must print to the same bytes (the README promises identical builds), but
 * Chromium writes two things into a PDF that depend on the run, not the content. Both are
 * replaced by strings of the same length, so every offset in the file (the xref table) stays
 * right.
 */

/**
 * Chromium stamps the PDF with the time it was printed: the stamps become the report's
 * publication date.
 */
export function fixDates(pdf: Uint8Array, published: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const digits = `${published.replace(/-/g, '')}000000`;
  const fixed = text.replace(/(\/(?:CreationDate|ModDate) \(D:)\d{14}/g, (_match, start: string) => `${start}${digits}`);
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/**
 * A tagged PDF names some structure elements (table headers, which cells point at) by the
 * browser's internal number of their DOM node, "node00000139". The browser hands those numbers
 * out as it goes, and how many it has handed out before printing depends on timing (paint
 * bookkeeping), so the same page gets other numbers on another run. They are renumbered 1, 2, 3…
 * in their own order: the ID tree, sorted by these strings, stays sorted, and every reference
 * (/ID, /Headers, /Names, /Limits) still names the same element.
 */
export function fixNodeIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const pattern = /\(node(\d+)\)/g;
  const numbers = [...new Set([...text.matchAll(pattern)].map((match) => Number(match[1])))].sort((a, b) => a - b);
  if (numbers.length === 0) return pdf;
  const rank = new Map(numbers.map((number, index) => [number, index + 1]));
  const fixed = text.replace(pattern, (_match, digits: string) => `(node${String(rank.get(Number(digits))).padStart(digits.length, '0')})`);
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/** A PDF from Chromium with everything that differs between runs of the same content fixed. */
export function reproducible(pdf: Uint8Array, published: string): Uint8Array {
  return fixNodeIds(fixDates(pdf, published));
}
