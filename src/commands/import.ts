import { stat } from 'node:fs/promises';
import { basename, extname, relative, resolve, sep } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { defaultReport, summariseContent } from './new.js';
import { loadContent } from '../content/load.js';
import { slugify } from '../format/slug.js';
import { docxToMdast, type DocumentImage } from '../import/docx.js';
import { repairFlattenedLists } from '../import/flattened-lists.js';
import { formatMigrationReport, listRepairNote, removedLinkText, type ImportNote } from '../import/migration-report.js';
import { splitNews } from '../import/news-split.js';
import { planImages, planNews, planReport, shownPath, type Plan } from '../import/plan-files.js';
import { goalLine, isReportHeading, splitReport } from '../import/report-split.js';
import { readSourceFile } from '../import/source-file.js';
import { splitFrontMatter, textToMdast } from '../import/text.js';
import { maxUnpackedText, unpackedTextSize } from '../import/zip-size.js';
import { removeUnkeptLinks } from '../import/unsafe-links.js';
import { writePlannedFiles } from '../import/write.js';

/*
 * `verksam import FIL`: a Word document or text file the organisation already has, as content
 * files: an annual report (its index and one file per goal) or a news archive (one file per
 * item). It never overwrites a file, and it ends with a migration report in Swedish of what the
 * editor must fill in and what looks broken in the source.
 */

export const importKinds = ['rapport', 'nyheter'] as const;
export type ImportKind = (typeof importKinds)[number];
export const isImportKind = (value: string): value is ImportKind => (importKinds as readonly string[]).includes(value);

export interface ImportRequest {
  /** The file to import, as the editor typed it (relative to `cwd`). */
  file: string;
  contentDir: string;
  cwd: string;
  /** `--kind`; without it, a text with "Mål 1" lines is a report, any other a news archive. */
  kind?: ImportKind;
  /** `--year`: the report's year, when its title line does not say. */
  year?: number;
  /** Today in Europe/Stockholm, ÅÅÅÅ-MM-DD: the date of a news draft whose text gives none. */
  today: string;
}

export type ImportOutcome = { ok: true; report: string; written: string[]; notes: ImportNote[] } | { ok: false; code: 1 | 2; message: string };

/** A report when any block is a goal line ("Mål 1"), else a news archive. */
export const detectKind = (tree: Root): ImportKind => (tree.children.some((node) => goalLine(node) !== undefined) ? 'rapport' : 'nyheter');

export async function importFile(request: ImportRequest): Promise<ImportOutcome> {
  const { cwd, contentDir } = request;
  const folder = await stat(resolve(cwd, contentDir)).catch(() => undefined);
  if (!folder?.isDirectory()) return { ok: false, code: 2, message: `Innehållsmappen "${contentDir}" finns inte; ange den med --content MAPP.` };
  const source = await readSourceFile(resolve(cwd, request.file), request.file);
  if (!source.ok) return source;

  const notes: ImportNote[] = [];
  let tree: Root;
  let images: DocumentImage[] = [];
  if (source.kind === 'docx') {
    const unpacked = unpackedTextSize(source.bytes);
    if (unpacked !== undefined && unpacked > maxUnpackedText) {
      const megabytes = Math.round(unpacked / 1024 / 1024);
      return { ok: false, code: 2, message: `"${request.file}" packar upp till ${megabytes} MB text, mer än de ${maxUnpackedText / 1024 / 1024} MB som verksam import läser; filen är trasig eller inget vanligt Word-dokument. Öppna den i Word och spara den igen, eller dela upp den i flera dokument.` };
    }
    const document = await docxToMdast(source.bytes);
    if (!document) return { ok: false, code: 2, message: `"${request.file}" är ett zip-arkiv men inget Word-dokument som går att läsa. Öppna det i Word och spara det igen som Word-dokument (.docx).` };
    tree = document.tree;
    images = document.images;
  } else {
    const { body, frontMatter } = source.markdown ? splitFrontMatter(source.text) : { body: source.text };
    if (frontMatter !== undefined) {
      const fields = frontMatter.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join('; ');
      notes.push({ kind: 'changed', text: `${request.file} började med front matter, som inte togs med (importen skriver egen): ${fields.length > 200 ? `${fields.slice(0, 197)} …` : fields}. För över det som behövs.` });
    }
    const text = textToMdast(body, source.markdown);
    tree = text.tree;
    if (text.droppedTags > 0) notes.push({ kind: 'changed', text: `${request.file} innehöll HTML-kod (${text.droppedTags} ${text.droppedTags === 1 ? 'tagg' : 'taggar'}, t.ex. från en inklistrad tabell); koden togs bort och orden behölls.` });
    if (source.encoding === 'windows-1252') notes.push({ kind: 'changed', text: `${request.file} var inte sparad som UTF-8 och lästes som Windows-text (Windows-1252); kontrollera å, ä och ö.` });
  }

  for (const link of removeUnkeptLinks(tree)) notes.push({ kind: 'changed', text: removedLinkText(link) });

  const root = relative(cwd, resolve(cwd, contentDir)).split(sep).join('/') || '.';
  const summary = summariseContent(await loadContent(resolve(cwd, contentDir), cwd), root);
  const report = summary.report ?? defaultReport;
  const kind = request.kind ?? detectKind(tree);
  const settings = { sections: report.sections, indicatorSection: report.indicatorSection };
  const isHeading = kind === 'rapport' ? isReportHeading(settings) : (node: RootContent) => node.type === 'heading';
  const repairs = repairFlattenedLists(tree, isHeading);
  const base = slugify(basename(request.file, extname(request.file))) || 'import';
  const imageFiles = planImages(tree, images, base, summary, notes);

  let plan: Plan;
  let what: string;
  if (kind === 'rapport') {
    const draft = splitReport(tree, settings);
    plan = planReport(draft, { year: request.year }, summary, imageFiles, notes);
    what = `som ${report.name.toLowerCase()} för ${request.year ?? draft.year} med ${draft.goals.length} mål`;
  } else {
    if (request.year !== undefined) return { ok: false, code: 2, message: '--year gäller bara när en verksamhetsberättelse importeras (--kind rapport).' };
    const archive = splitNews(tree);
    plan = planNews(archive, { today: request.today }, summary, imageFiles, notes);
    what = `som ett nyhetsarkiv med ${archive.items.length} ${archive.items.length === 1 ? 'nyhet' : 'nyheter'}`;
  }
  if (!plan.ok) return plan;
  const texts = plan.files.flatMap((file) => (typeof file.contents === 'string' ? [{ file: shownPath(summary, file.contentPath), text: file.contents }] : []));
  plan.notes.push(...repairs.map((repair) => listRepairNote(repair, texts)));

  const outcome = await writePlannedFiles(plan.files, resolve(cwd, contentDir), cwd);
  if (!outcome.ok) return { ok: false, code: 1, message: `Filen ${outcome.existing} finns redan; verksam import skriver aldrig över en fil. Inget importerades.` };
  const kindName = source.kind === 'docx' ? 'Word-dokumentet' : 'textfilen';
  const summaryLine = `verksam import: läste ${kindName} ${request.file} ${what}.`;
  return { ok: true, report: formatMigrationReport(summaryLine, outcome.written, plan.notes), written: outcome.written, notes: plan.notes };
}
