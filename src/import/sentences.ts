/*
 * Swedish text split into sentences: at ".", "!" or "?" followed by a space and a capital
 * letter, a digit or a quotation mark, except after the abbreviations Swedish reports use
 * ("t.ex. Kalmar", "bl.a. AV-Media").
 */

const abbreviations = /(?:^|\s)(?:t\.ex|bl\.a|m\.m|s\.k|d\.v\.s|dvs|ca|resp|kl|nr|jfr|p\.g\.a|pga|o\.s\.v|osv|fr\.o\.m|t\.o\.m|m\.fl|e\.d|mfl|tex|st)\.$/i;

export function sentences(text: string): string[] {
  const normal = text.replace(/\s+/g, ' ').trim();
  if (!normal) return [];
  const result: string[] = [];
  let start = 0;
  for (const match of normal.matchAll(/[.!?]["”»)]?(?= ["”»(]?[\p{Lu}\d])/gu)) {
    const end = match.index + match[0].length;
    if (abbreviations.test(normal.slice(start, match.index + 1))) continue;
    result.push(normal.slice(start, end).trim());
    start = end;
  }
  const rest = normal.slice(start).trim();
  if (rest) result.push(rest);
  return result;
}
