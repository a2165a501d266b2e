import type { ListRepair } from './flattened-lists.js';
import type { SourceFinding } from './source-problems.js';
import type { RemovedLink } from './unsafe-links.js';

/*
 * The migration report: what the import wrote, what it could not know and left for the editor
 * to fill in, what looks broken in the source, and what it changed on the way. Swedish, for
 * the editor; each line names the file it is about.
 */

export interface ImportNote {
  /** The file the note is about, as the editor finds it ("content/nyheter/x.md"); none for the import as a whole. */
  file?: string;
  /** fill: the editor must supply it; broken: the source looks wrong; changed: the import changed it. */
  kind: 'fill' | 'broken' | 'changed';
  text: string;
}

/** A finding in the source as a sentence to the editor. */
export function findingText(finding: SourceFinding): string {
  switch (finding.kind) {
    case 'fused-words':
      return `"${finding.excerpt}" ser ut som två ord som gått ihop (liten bokstav följd av stor mitt i ordet); skriv mellanslag eller punkt mellan dem om det är så.`;
    case 'quote-dash':
      return `Stycket "${finding.excerpt}" börjar med ett tankstreck. Det behölls som ett stycke (ett citat skrivs så på svenska); är det en punktlista, skriv "- " i början av varje rad.`;
    case 'vague-link':
      return `Länktexten "${finding.excerpt}" säger inte vart länken går; skriv vad man hittar där, t.ex. "Läs verksamhetsplanen".`;
    case 'broken-table':
      return `"${finding.excerpt}" ser ut som en tabell som tappat sin form; skriv om den som en tabell eller lista.`;
    case 'flattened-list':
      return `"${finding.excerpt}" ser ut som en lista som klistrats in på en rad; skriv den som en lista med en rad per punkt ("- ").`;
  }
}

/**
 * A list the import made of flattened lines, as a note on the file it ended up in. Lists are
 * repaired before the text is split into files, so the file is the first written one whose text
 * has the list's first item (none when the words were rewritten on the way).
 */
export function listRepairNote(repair: ListRepair, files: readonly { file: string; text: string }[]): ImportNote {
  const how = repair.reason === 'colon' ? 'efter ett kolon' : 'som börjar med ett punkttecken';
  const lines = repair.items === 1 ? `raden ${how} ("${repair.first}")` : `raderna ${how} ("${repair.first}" och ${repair.items - 1} till)`;
  const file = files.find((candidate) => candidate.text.includes(repair.first))?.file;
  return { ...(file === undefined ? {} : { file }), kind: 'changed', text: `${lines} blev en punktlista; kontrollera att det var en lista.` };
}

/** A link the import took away, its words kept. */
export function removedLinkText(link: RemovedLink): string {
  const target = link.url.length > 60 ? `${link.url.slice(0, 57)} …` : link.url;
  return link.reason === 'anchor'
    ? `länken "${link.text}" pekade på ett ställe i källdokumentet (${target}), som inte finns på webbplatsen; orden behölls utan länk.`
    : `länken "${link.text}" gick till ${target}, som inte får finnas på en webbsida; orden behölls utan länk.`;
}

const headings: Record<ImportNote['kind'], string> = {
  fill: 'Att fylla i – verksam kunde inte veta detta:',
  broken: 'Ser trasigt ut i källan – läs och rätta vid behov:',
  changed: 'Ändrat vid importen:',
};

/** The report as lines: files written, then the notes by kind, each group by file. */
export function formatMigrationReport(summary: string, written: readonly string[], notes: readonly ImportNote[]): string {
  const lines = [summary, `Skrev ${written.length} ${written.length === 1 ? 'fil' : 'filer'}:`, ...written.map((path) => `  ${path}`)];
  for (const kind of ['fill', 'broken', 'changed'] as const) {
    const group = notes.filter((note) => note.kind === kind);
    if (group.length === 0) continue;
    lines.push('', headings[kind]);
    // notes on the import as a whole first, so none reads as belonging to the file above it
    const named = [...new Set(group.map((note) => note.file))].filter((file) => file !== undefined);
    const files = group.some((note) => note.file === undefined) ? [undefined, ...named] : named;
    for (const file of files) {
      const texts = group.filter((note) => note.file === file).map((note) => note.text);
      if (file === undefined) lines.push(...texts.map((text) => `  ${text}`));
      else lines.push(`  ${file}:`, ...texts.map((text) => `    ${text}`));
    }
  }
  const toFill = notes.filter((note) => note.kind === 'fill').length;
  lines.push(
    '',
    toFill > 0
      ? 'Fyll i det som står under "Att fylla i", läs igenom texterna och kör sedan npm run check. Inga befintliga filer ändrades.'
      : 'Läs igenom texterna och kör sedan npm run check. Inga befintliga filer ändrades.',
  );
  return lines.join('\n');
}
