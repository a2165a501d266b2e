const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Swedish alphabetical order (å, ä, ö after z), stable and locale-independent of the machine. */
export function compareSwedish(a: string, b: string): number {
  return collator.compare(a, b);
}
