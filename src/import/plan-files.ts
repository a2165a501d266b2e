import type { Image, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { areasInOrder, defaultReport, fileText, type ContentSummary, type FrontMatterComments } from '../commands/new.js';
import { classify, parseEntry, slugOf } from '../content/entries.js';
import { slugify } from '../format/slug.js';
import { imageUrl, type DocumentImage } from './docx.js';
import { findDate } from './found-date.js';
import { isPlainParagraph, plainText, toMarkdown } from './markdown-text.js';
import { findingText, type ImportNote } from './migration-report.js';
import type { NewsArchive } from './news-split.js';
import type { ReportDraft } from './report-split.js';
import { sentences } from './sentences.js';
import { findSourceProblems } from './source-problems.js';

/*
 * The content files an import writes, in the content model `verksam new` writes: front matter
 * made by its `fileText`, valid as it stands. What the source does not say (a report's
 * publication date, a goal's area, a news item's date) gets a valid value marked with a comment
 * in the front matter, the way the migrated content marks what it assumed, and a note for the
 * migration report. A status is never written: only the organisation can assess a goal.
 * Pure: the content folder comes in as a summary; nothing is written here.
 */

export interface PlannedFile {
  /** Path in the content folder, with "/". */
  contentPath: string;
  contents: string | Buffer;
}

export type Plan = { ok: true; files: PlannedFile[]; notes: ImportNote[] } | { ok: false; code: 1 | 2; message: string };

/** A path in the content folder as the editor finds it from the working folder. */
export const shownPath = (summary: ContentSummary, contentPath: string) => (summary.root && summary.root !== '.' ? `${summary.root.replace(/\/$/, '')}/${contentPath}` : contentPath);

const imageExtensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif', 'image/gif': 'gif' };

/**
 * The document's images as files in bilder/, named after the source file, never over an
 * existing one; the text's references are pointed at them.
 */
export function planImages(tree: Root, images: readonly DocumentImage[], base: string, summary: ContentSummary, notes: ImportNote[]): PlannedFile[] {
  const files: PlannedFile[] = [];
  const names = new Map<string, string>();
  for (const image of images) {
    // "image/x-emf" → emf, "image/svg+xml" → svg: the extension Windows would give the file
    const extension = imageExtensions[image.contentType] ?? ((image.contentType.split('/')[1] ?? '').replace(/^x-/, '').replace(/\+.*$/, '').replace(/[^a-z0-9]/g, '') || 'bin');
    let number = image.index + 1;
    let contentPath = `bilder/${base}-bild-${number}.${extension}`;
    while (summary.paths.has(contentPath) || files.some((file) => file.contentPath === contentPath)) contentPath = `bilder/${base}-bild-${++number}.${extension}`;
    files.push({ contentPath, contents: image.bytes });
    names.set(imageUrl(image.index), contentPath);
    if (!['jpg', 'png', 'webp', 'avif'].includes(extension)) {
      notes.push({
        file: shownPath(summary, contentPath),
        kind: 'fill',
        text: `bilden är av typen ${image.contentType}, som webbplatsen inte visar (check säger fel tills den är ersatt); spara den som JPEG eller PNG i bilder/, ändra hänvisningen ${contentPath} i texten och ta bort den här filen.`,
      });
    }
  }
  visit(tree, 'image', (node: Image) => {
    const path = names.get(node.url);
    if (path) node.url = path;
  });
  return files;
}

/** Notes for the images a file's text shows without alt text. */
function missingAlt(blocks: readonly RootContent[], file: string, notes: ImportNote[]): void {
  for (const block of blocks) {
    visit(block, 'image', (node: Image) => {
      if (!node.alt?.trim()) notes.push({ file, kind: 'fill', text: `bilden ${node.url} saknar alt-text i dokumentet; skriv vad bilden visar mellan hakparenteserna: ![Vad bilden visar](${node.url}).` });
    });
  }
}

function sourceNotes(blocks: readonly RootContent[], file: string, notes: ImportNote[]): void {
  for (const finding of findSourceProblems(blocks)) notes.push({ file, kind: 'broken', text: findingText(finding) });
}

/**
 * A plan that the content's own schema would refuse is a bug in the importer. An image without
 * alt text is the one exception: only the editor knows what it shows, the migration report asks
 * for it, and `check` points at its line until it is written.
 */
function assertValid(file: PlannedFile): void {
  if (typeof file.contents !== 'string') return;
  const { entry, messages: found } = parseEntry({ path: file.contentPath, contentPath: file.contentPath, text: file.contents });
  const messages = found.filter((message) => message.ruleId !== 'missing-alt');
  if (messages.length > 0 || (!entry && found.length === 0)) throw new Error(`verksam import made an invalid ${file.contentPath}: ${messages.map((message) => message.reason).join('; ')}\n${file.contents}`);
}

const section = (title: string, blocks: readonly RootContent[]) => [`## ${title}`, toMarkdown(blocks)].filter(Boolean).join('\n\n');

export interface ReportRequest {
  year?: number;
}

export function planReport(draft: ReportDraft, request: ReportRequest, summary: ContentSummary, images: PlannedFile[], notes: ImportNote[]): Plan {
  const report = summary.report ?? defaultReport;
  const year = request.year ?? draft.year;
  if (year === undefined) return { ok: false, code: 2, message: `Texten säger inte vilket år den gäller (ingen rad som "${report.name} 2019" först); ange året med --year, t.ex. --year 2019.` };
  if (draft.goals.length === 0) {
    return { ok: false, code: 2, message: 'Inga mål hittades i texten: ett mål börjar med en rubrik eller rad som "Mål 1". Är det ett nyhetsarkiv, ange --kind nyheter.' };
  }
  const folder = `verksamhetsberattelse/${year}/`;
  const existing = [...summary.paths].find((path) => path.startsWith(folder));
  if (existing) {
    return {
      ok: false,
      code: 1,
      message: `Det finns redan en ${report.name.toLowerCase()} för ${year} (${shownPath(summary, existing)}); verksam import skriver aldrig över filer. Ange ett annat år med --year, eller flytta bort mappen ${shownPath(summary, folder)} först.`,
    };
  }
  const area = areasInOrder(summary)[0];
  if (!area) return { ok: false, code: 1, message: `Det finns inga områden i ${shownPath(summary, 'omraden/')} ännu, och varje mål måste höra till ett. Skapa områdena först: verksam new omrade "Namn".` };

  const files: PlannedFile[] = [...images];
  const indexPath = `${folder}index.md`;
  const indexShown = shownPath(summary, indexPath);
  const published = `${year + 1}-03-31`;
  files.push({
    contentPath: indexPath,
    contents: fileText({ title: draft.title ?? `${report.name} ${year}`, published }, toMarkdown(draft.intro), {
      before: { published: 'published: antaget av verksam import: källan anger inget datum. Skriv dagen den publicerades.' },
    }),
  });
  notes.push({ file: indexShown, kind: 'fill', text: `published: källan anger inte när den publicerades; ${published} skrevs som antagande.` });
  if (!draft.title) notes.push({ file: indexShown, kind: 'changed', text: `ingen rubrik med årtal hittades först i texten; titeln blev "${report.name} ${year}".` });
  sourceNotes(draft.intro, indexShown, notes);
  missingAlt(draft.intro, indexShown, notes);

  const used = new Set<number>();
  const areaNames = areasInOrder(summary).map((each) => each.slug).join(', ');
  for (const goal of draft.goals) {
    let number = goal.number > 0 ? goal.number : 1;
    if (used.has(number)) {
      const free = Math.max(...used) + 1;
      notes.push({ file: indexShown, kind: 'broken', text: `Mål ${number} finns två gånger i källan; det andra skrevs som mål ${free}.` });
      number = free;
    }
    used.add(number);
    const contentPath = `${folder}mal-${String(number).padStart(2, '0')}.md`;
    const shown = shownPath(summary, contentPath);
    const statement = goal.statement || `Mål ${number}`;
    if (!goal.statement) notes.push({ file: shown, kind: 'fill', text: `ingen formulering av målet hittades efter rubriken; statement blev "${statement}". Skriv målet där.` });
    if (goal.statementLostFormatting) notes.push({ file: shown, kind: 'changed', text: 'målets formulering (statement) är ren text; länkar och kursiv i den försvann, orden är kvar.' });
    if (goal.reordered) notes.push({ file: shown, kind: 'changed', text: `avsnitten stod i en annan ordning i källan; de skrevs i ordningen ${report.sections.join(', ')}.` });
    const body: string[] = [];
    if (goal.intro.length > 0) body.push(toMarkdown(goal.intro));
    for (const title of report.sections) {
      const found = goal.sections.find((each) => each.title === title);
      const isIndicators = title === report.indicatorSection;
      if (found && (found.blocks.length > 0 || !(isIndicators && goal.indicators.length > 0))) body.push(section(title, found.blocks));
      else if (!found && !(isIndicators && goal.indicators.length > 0) && report.sectionsRequired !== false) {
        body.push(section(title, []));
        notes.push({ file: shown, kind: 'fill', text: `avsnittet ${title} fanns inte i källan; en tom rubrik lades till (den visas inte förrän den har text).` });
      }
    }
    const data: Record<string, unknown> = { number, area: area.slug, statement };
    if (goal.indicators.length > 0) data.indicators = goal.indicators.map((text) => ({ text }));
    const comments: FrontMatterComments = { before: { area: `area: antaget av verksam import: källan anger inget område. Kända områden: ${areaNames}.` } };
    files.push({ contentPath, contents: fileText(data, body.join('\n\n'), comments) });
    notes.push({ file: shown, kind: 'fill', text: `area: källan anger inget område; "${area.slug}" (först i ordningen) skrevs. Ändra till målets område.` });
    const blocks = [...goal.intro, ...goal.sections.flatMap((each) => each.blocks)];
    sourceNotes(blocks, shown, notes);
    missingAlt(blocks, shown, notes);
  }
  notes.push({
    file: indexShown,
    kind: 'fill',
    text: 'inget mål fick status. Skriv status bara i de mål som organisationen själv har bedömt (uppfyllt, delvis-uppfyllt, ej-uppfyllt eller pagaende).',
  });
  files.forEach(assertValid);
  return { ok: true, files, notes };
}

export interface NewsRequest {
  /** Today in Europe/Stockholm: the date of a draft whose date the text does not give. */
  today: string;
}

export function planNews(archive: NewsArchive, request: NewsRequest, summary: ContentSummary, images: PlannedFile[], notes: ImportNote[]): Plan {
  if (archive.items.length === 0) {
    return { ok: false, code: 2, message: 'Inga nyheter hittades i texten: en nyhet är en rubrik (en kort rad utan punkt) följd av sina stycken. Är det en verksamhetsberättelse, ange --kind rapport.' };
  }
  const files: PlannedFile[] = [...images];
  const taken = new Set([...summary.paths].filter((path) => classify(path)?.kind === 'news').map(slugOf));
  if (archive.heading) notes.push({ kind: 'changed', text: `rubriken "${archive.heading}" först i filen är arkivets rubrik och blev ingen nyhet.` });
  const firstItem = `"${archive.items[0]!.title}"`;
  for (const words of archive.before.filter(Boolean)) notes.push({ kind: 'broken', text: `texten "${words.length > 70 ? `${words.slice(0, 67)} …` : words}" står före den första nyhetens rubrik och lades sist i den första nyheten (${firstItem}); flytta den till rätt nyhet.` });
  const areaNames = areasInOrder(summary).map((each) => each.slug).join(', ') || 'inga';
  for (const item of archive.items) {
    const base = slugify(item.title) || 'nyhet';
    let slug = base;
    for (let number = 2; taken.has(slug); number++) slug = `${base}-${number}`;
    taken.add(slug);
    const contentPath = `nyheter/${slug}.md`;
    const shown = shownPath(summary, contentPath);
    if (slug !== base) notes.push({ file: shown, kind: 'changed', text: `en nyhet med namnet ${base} finns redan; den här skrevs som ${slug}.md.` });

    const blocks = [...item.blocks];
    const first = blocks[0];
    let lead: string;
    if (first && isPlainParagraph(first)) {
      lead = plainText(first);
      blocks.shift();
    } else if (first?.type === 'paragraph') {
      lead = sentences(plainText(first))[0] ?? item.title;
      notes.push({ file: shown, kind: 'changed', text: 'första stycket har länkar eller kursiv och står kvar i texten; ingressen (lead) är dess första mening. Korta eller skriv om den.' });
    } else {
      lead = item.title;
      notes.push({ file: shown, kind: 'fill', text: 'nyheten har ingen text som kan bli ingress; lead blev rubriken. Skriv en ingress.' });
    }
    const found = findDate([lead, plainText(blocks as never)].join(' '));
    const comments: FrontMatterComments = { before: {} };
    let date = request.today;
    let draft = true;
    if (found && 'date' in found) {
      date = found.date;
      draft = false;
      comments.before!.date = `date: hittat i texten av verksam import: "${found.words}". Kontrollera att det är dagen nyheten publicerades.`;
      notes.push({ file: shown, kind: 'fill', text: `date: ${date} hittades i texten ("${found.words}"); kontrollera att det är publiceringsdagen och inte dagen för något nyheten handlar om.` });
    } else {
      comments.before!.date = 'date: okänt: källan anger inget datum (verksam import). Skriv publiceringsdagen och ta bort draft: true.';
      const hint = found && 'hint' in found ? ` Texten nämner "${found.hint}" utan år.` : '';
      notes.push({ file: shown, kind: 'fill', text: `date: källan anger inget datum; nyheten är ett utkast (draft: true) och publiceras inte förrän du skriver datumet och tar bort draft: true.${hint}` });
    }
    comments.before!.areas = `areas: okänt: källan anger inga områden (verksam import). Kända områden: ${areaNames}.`;
    notes.push({ file: shown, kind: 'fill', text: 'areas: källan anger inga områden; fältet är tomt. Lägg till de områden nyheten hör till.' });
    const data = { title: item.title, date, areas: [], projects: [], lead, draft };
    files.push({ contentPath, contents: fileText(data, toMarkdown(blocks), comments) });
    sourceNotes(item.blocks, shown, notes);
    missingAlt(item.blocks, shown, notes);
  }
  files.forEach(assertValid);
  return { ok: true, files, notes };
}
