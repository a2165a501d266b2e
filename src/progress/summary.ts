/** What a finished build did, for the last line `verksam build` prints. */
export interface BuildSummary {
  pages: number;
  /** Pages left as the last build wrote them; absent when that is not known (a build without the cache). */
  unchangedPages?: number;
  /** Absent when the build made no search index (--no-search). */
  search?: 'made' | 'reused';
  pdfs: readonly { reused: boolean }[];
  warnings: number;
  milliseconds: number;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('sv-SE')} ${n === 1 ? one : many}`;

/** "verksam: klart: 67 sidor (3 nya eller ändrade, 64 oförändrade), sökindexet gjordes, 1 PDF skrevs ut, 0 varningar, 0,21 s." */
export function formatSummary(summary: BuildSummary): string {
  const { pages, unchangedPages } = summary;
  const pageText = plural(pages, 'sida', 'sidor') + (unchangedPages === undefined ? '' : ` (${(pages - unchangedPages).toLocaleString('sv-SE')} nya eller ändrade, ${unchangedPages.toLocaleString('sv-SE')} oförändrade)`);
  const searchText = summary.search === 'made' ? 'sökindexet gjordes' : summary.search === 'reused' ? 'sökindexet återanvändes' : 'inget sökindex';
  const reused = summary.pdfs.filter((pdf) => pdf.reused).length;
  const printed = summary.pdfs.length - reused;
  const pdfText = summary.pdfs.length === 0 ? 'ingen PDF' : [printed > 0 ? `${printed} PDF skrevs ut` : '', reused > 0 ? `${reused} PDF återanvändes` : ''].filter(Boolean).join(', ');
  const seconds = (summary.milliseconds / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 2 });
  return `verksam: klart: ${pageText}, ${searchText}, ${pdfText}, ${plural(summary.warnings, 'varning', 'varningar')}, ${seconds} s.`;
}
