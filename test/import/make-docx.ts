import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type ParagraphChild } from 'docx';

/*
 * Word documents made in the tests, the way an editor's Word file is made: headings as Word
 * headings, bullets as Word lists, emphasis as italics, a table as a Word table (with real lists
 * in its cells). `fromReportText` reads the organisation's 2019 report as it was typed
 * (source-documents/verksamhetsberattelse-2019.txt: "- " bullets, *emphasis*, and a pasted table
 * with lists in its cells) and writes it as such a document.
 */

const numbering = { config: [{ reference: 'punkt', levels: [{ level: 0, format: 'bullet' as const, text: '•' }] }] };

/** "*kursiv*" as italic runs, the rest as plain runs. */
export function runs(text: string): TextRun[] {
  return text.split(/(\*[^*]+\*)/).filter(Boolean).map((part) => (/^\*[^*]+\*$/.test(part) ? new TextRun({ text: part.slice(1, -1), italics: true }) : new TextRun(part)));
}

export const bullet = (text: string) => new Paragraph({ children: runs(text), numbering: { reference: 'punkt', level: 0 } });
export const paragraph = (text: string) => new Paragraph({ children: runs(text) });
export const heading = (text: string, level: 1 | 2 | 3 = 1) =>
  new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 });

/** A table whose cells are lists of items. */
export const listTable = (cells: string[][]) =>
  new Table({ rows: [new TableRow({ children: cells.map((items) => new TableCell({ children: items.map(bullet) })) })] });

export const image = (data: Buffer, alt?: string) =>
  new Paragraph({
    children: [new ImageRun({ type: 'png', data, transformation: { width: 40, height: 40 }, ...(alt ? { altText: { name: alt, description: alt, title: alt } } : {}) }) as ParagraphChild],
  });

export async function docx(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
}

/** The items of a pasted table's cells: `| <ul …> - A. - B. | <ul …> - C. |` → [["A.", "B."], ["C."]]. */
export function pastedTableCells(lines: readonly string[]): string[][] {
  return lines
    .flatMap((line) => line.replace(/^\s*(?:-\s+)?\|/, '').replace(/\|\s*$/, '').split('|'))
    .map((cell) => cell.replace(/<[^>]*>/g, ' ').trim())
    .filter((cell) => cell && !/^:?-+:?$/.test(cell))
    .map((cell) => cell.split(/(?:^|\s)-\s+/).map((item) => item.trim()).filter(Boolean));
}

/** The 2019 report's text as a Word document: title, "Mål n" and section lines as headings. */
export function fromReportText(text: string, sections: readonly string[]): Promise<Buffer> {
  const lines = text.split('\n').map((line) => line.trimEnd());
  const children: (Paragraph | Table)[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.trim()) continue;
    if (/^\s*(?:-\s+)?\|/.test(line)) {
      const table: string[] = [];
      while (index < lines.length && /^\s*(?:-\s+)?\|/.test(lines[index]!)) table.push(lines[index++]!);
      index--;
      children.push(listTable(pastedTableCells(table)));
    } else if (/^Verksamhetsberättelse \d{4}$/.test(line)) children.push(new Paragraph({ text: line, heading: HeadingLevel.TITLE }));
    else if (/^Mål \d+$/.test(line)) children.push(heading(line, 1));
    else if (sections.includes(line)) children.push(heading(line, 2));
    else if (line.startsWith('- ')) children.push(bullet(line.slice(2)));
    else children.push(paragraph(line));
  }
  return docx(children);
}
