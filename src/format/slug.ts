/**
 * A title as a lowercase ASCII URL slug: "50 år med AV-Media" → "50-ar-med-av-media".
 * Decomposing (NFKD) and dropping the combining marks turns å/ä into a and ö into o, which is
 * how Swedish addresses are written.
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
