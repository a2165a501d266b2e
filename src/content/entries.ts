import type { Root } from 'hast';
import type { VFileMessage } from 'vfile-message';
import type { z } from 'zod';
import { slugify } from '../format/slug.js';
import { dropPositions } from '../markdown/drop-positions.js';
import { imageExtensions } from './schemas.js';
import { checkMarkdownLimits } from '../markdown/limits.js';
import { parseMarkdown } from '../markdown/processor.js';
import { classify, slugOf, type Kind } from './content-paths.js';
import { freezeJson } from './freeze.js';
import { parseFrontMatter, parseYamlFile, type FieldPath } from './front-matter.js';
import type { SourceFile } from './load.js';
import { problem, type Point } from './problems.js';
import {
  accessibilitySchema,
  areaSchema,
  goalSchema,
  newsletterSchema,
  newsSchema,
  pageSchema,
  projectSchema,
  reportSchema,
  siteSchema,
  slugPattern,
  type AccessibilityData,
  type AreaData,
  type GoalData,
  type NewsData,
  type NewsletterData,
  type PageData,
  type ProjectData,
  type ReportData,
  type SiteData,
} from './schemas.js';
import { formatPath, validateFrontMatter } from './validate.js';
import { attachmentFolder, attachmentHref, attachmentNameProblem, attachmentTypes, isAttachmentPath } from './attachments.js';
import { eachElement } from '../markdown/walk.js';
import type { RuleId } from '../errors.js';
import { findEmptySections } from './empty-sections.js';
import { findUndefinedReferences } from './undefined-references.js';
import { knownFolderList, suggestFolder, textFolders } from './folders.js';
import { bodyPlaceholders, fieldPlaceholders, type Placeholder } from './placeholders.js';

// where a file lies says what it is; kept in content-paths.ts, still offered here
export { classify, slugOf };

/** Where an entry came from, and how to point at one of its fields. */
export interface Source {
  file: string;
  locate(path: FieldPath, options?: { key?: boolean }): Point;
}

interface EntryBase {
  slug: string;
  source: Source;
  /** The Markdown body, sanitised, as hast; positions are lines in the source file. */
  body: Root;
}

/** The text of a goal file whose front matter has problems: its sections are still checked. */
export interface UnvalidatedGoal {
  file: string;
  body: Root;
  hasIndicators: boolean;
}

/** The text of a file whose front matter failed: the images in it are checked all the same. */
export interface UnvalidatedText {
  file: string;
  body: Root;
}

/** Entries as validated from one file each, before references between them are resolved. */
export type Entry =
  | { kind: 'site'; data: SiteData; source: Source }
  | (EntryBase & { kind: 'area'; data: AreaData })
  | (EntryBase & { kind: 'report'; year: number; data: ReportData })
  | (EntryBase & { kind: 'goal'; year: number; data: GoalData })
  | (EntryBase & { kind: 'project'; data: ProjectData })
  | (EntryBase & { kind: 'news'; data: NewsData })
  | (EntryBase & { kind: 'newsletter'; data: NewsletterData; blocks: Root[] })
  | (EntryBase & { kind: 'page'; data: PageData })
  | (EntryBase & { kind: 'accessibility'; data: AccessibilityData });

/** A reference found in a file that failed validation, checked anyway so all problems show at once. */
export interface RawReference {
  source: Source;
  path: FieldPath;
  kind: 'area' | 'project' | 'news';
  slug: string;
}

/** The fields that name other entries, per content type. */
const referenceFields: Partial<Record<Kind, Record<string, RawReference['kind']>>> = {
  goal: { area: 'area', projects: 'project' },
  project: { area: 'area' },
  news: { areas: 'area', projects: 'project' },
  newsletter: { articles: 'news' },
};

function rawReferences(kind: Kind, data: unknown, source: Source): RawReference[] {
  if (data === null || typeof data !== 'object') return [];
  const references: RawReference[] = [];
  for (const [field, target] of Object.entries(referenceFields[kind] ?? {})) {
    const value = (data as Record<string, unknown>)[field];
    const list = Array.isArray(value) ? value : [value];
    list.forEach((slug, index) => {
      if (typeof slug === 'string') references.push({ source, path: Array.isArray(value) ? [field, index] : [field], kind: target, slug });
    });
  }
  return references;
}

/**
 * A file in a content folder that was surely meant to be Markdown but would be skipped:
 * "Nyhet.MD", "nyhet.markdown", "nyhet.md.txt" (what Notepad writes when extensions are hidden).
 * Returns the name it should have.
 */
export function misnamedContent(contentPath: string): string | undefined {
  const parts = contentPath.split('/');
  if (!textFolders.has(parts[0]!) || parts.length < 2) return undefined;
  const name = parts.at(-1)!;
  const match = /^(.*?)(?:\.md\.[a-z0-9]+|\.markdown|\.mdown|\.md|\.txt)$/i.exec(name);
  if (!match || name.endsWith('.md')) return undefined;
  return `${slugify(match[1]!) || 'namn'}.md`;
}

/** The kinds of file verksam reads, as an editor would name them. */
const readKinds = `Markdown (.md) och bilder (${imageExtensions.map((extension) => `.${extension}`).join(', ')})`;

/**
 * A file in a content folder (or among the images) that verksam neither reads nor publishes,
 * such as a Word document dropped into nyheter/: said, not skipped in silence.
 */
function unknownFileType(contentPath: string): string | undefined {
  const parts = contentPath.split('/');
  if (parts.length < 2 || !(textFolders.has(parts[0]!) || parts[0] === 'bilder')) return undefined;
  const name = parts.at(-1)!;
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'md' || (extension && (imageExtensions as readonly string[]).includes(extension))) return undefined;
  const advice =
    extension && extension in attachmentTypes
      ? ` Ska den publiceras som bilaga, lägg den i ${attachmentFolder}/ och länka till den; annars skriv in texten i en .md-fil (se README) och ta bort den här filen.`
      : extension === 'rtf'
        ? ' Skriv in texten i en .md-fil (se README) och ta bort den här filen.'
        : ' Ta bort filen, eller flytta den ut ur innehållsmappen.';
  return `Filen "${name}" kommer inte med på webbplatsen: verksam läser bara ${readKinds} i innehållsmappen.${advice}`;
}

/** Links written relative to their file that lead into filer/ made the attachment's address (see attachmentHref). */
function linkAttachments(body: Root, contentPath: string): Root {
  eachElement(body, (node) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const href = attachmentHref(node.properties.href, contentPath);
    if (href) node.properties.href = href;
  });
  return body;
}

const schemas = {
  area: areaSchema,
  report: reportSchema,
  goal: goalSchema,
  project: projectSchema,
  news: newsSchema,
  newsletter: newsletterSchema,
  page: pageSchema,
  accessibility: accessibilitySchema,
} satisfies Record<Kind, z.ZodType>;

const expectedPlaces =
  'site.yaml, omraden/<namn>.md, verksamhetsberattelse/<år>/index.md, verksamhetsberattelse/<år>/mal-<nr>.md, projekt/<namn>.md, nyheter/<namn>.md, nyhetsbrev/<namn>.md, sidor/<namn>.md, filer/<namn>.pdf (och andra bilagor) eller tillganglighet.md';

/**
 * Something in a valid file to see to that does not stop a build, as plain data (it is kept in
 * the cache with the entry). `heading` is the empty section's heading, which the graph stage
 * may excuse (a goal's indicator section, where the indicator table goes).
 */
export interface FileWarning {
  ruleId: RuleId;
  reason: string;
  place?: Point;
  heading?: { title: string; level: number };
}

/** What the message says about a placeholder left in `field` (or in the text, when undefined). */
function placeholderReason(placeholder: Placeholder, field: string | undefined, draft: boolean): string {
  const quoted = placeholder.text.length > placeholder.opening.length + 1 && !placeholder.opening.includes('…') ? `${placeholder.opening} …` : placeholder.opening;
  const where = field === undefined ? 'Texten' : `Fältet "${field}"`;
  const rule = draft
    ? 'står kvar. Utkastet publiceras inte, men platshållaren måste vara ersatt innan du tar bort draft: true.'
    : 'står kvar och får inte publiceras.';
  return `${where}: platshållaren "${quoted}" ${rule} ${placeholder.instead}`;
}

function placeholderProblem(file: string, placeholder: Placeholder, path: FieldPath, place: Point): VFileMessage {
  return problem(file, 'placeholder-text', placeholderReason(placeholder, formatPath(path), false), place);
}

/** For a file in a folder verksam does not read: the folder the editor may have meant. */
function folderHint(contentPath: string): string {
  const parts = contentPath.split('/');
  if (parts.length < 2 || textFolders.has(parts[0]!)) return '';
  const suggestion = suggestFolder(parts[0]!);
  return suggestion
    ? ` Mappen "${parts[0]}/" läses inte; menade du "${suggestion}/"?`
    : ` Mappen "${parts[0]}/" läses inte; verksam läser ${knownFolderList}.`;
}

/** Parses and validates one file into an entry, or explains every problem in it. */
export function parseEntry(file: SourceFile): {
  entry?: Entry;
  messages: VFileMessage[];
  references?: RawReference[];
  goalBody?: UnvalidatedGoal;
  text?: UnvalidatedText;
  warnings?: FileWarning[];
} {
  if (file.unread) {
    const { ruleId, reason, line, column } = file.unread;
    return { messages: [problem(file.path, ruleId, reason, line ? { line, column: column ?? 1 } : undefined)] };
  }
  if (isAttachmentPath(file.contentPath)) {
    // published as it is; its size is checked with the graph (content/attachment-files.ts)
    const found = attachmentNameProblem(file.contentPath);
    return { messages: found ? [problem(file.path, found.ruleId, found.reason)] : [] };
  }
  const place = classify(file.contentPath);
  if (!place) {
    const misnamed = misnamedContent(file.contentPath);
    if (misnamed) {
      return {
        messages: [problem(file.path, 'unexpected-file', `Filen kommer inte med på webbplatsen: innehållsfiler ska sluta på .md med små bokstäver; byt namn till "${misnamed}".`)],
      };
    }
    const unknown = unknownFileType(file.contentPath);
    if (unknown) return { messages: [problem(file.path, 'unexpected-file', unknown)] };
    if (!file.contentPath.endsWith('.md') && file.contentPath !== 'site.yml') return { messages: [] };
    return {
      messages: [problem(file.path, 'unexpected-file', `Filen ligger på en plats där verksam inte väntar sig innehåll; förväntat ${expectedPlaces}.${folderHint(file.contentPath)}`)],
    };
  }

  if (place.kind === 'site') {
    const parsed = parseYamlFile(file.path, file.text);
    if (!('locate' in parsed)) return { messages: [parsed] };
    const result = validateFrontMatter(file.path, { ...parsed, body: '' }, siteSchema);
    const placeholders = fieldPlaceholders(parsed.data).map(({ path, placeholder }) => placeholderProblem(file.path, placeholder, path, parsed.locate(path)));
    if (!result.value || placeholders.length > 0) return { messages: [...result.messages, ...placeholders] };
    return { entry: { kind: 'site', data: result.value, source: { file: file.path, locate: parsed.locate } }, messages: [] };
  }

  const messages: VFileMessage[] = [];
  const stem = slugOf(file.contentPath);
  if (place.kind !== 'report' && !slugPattern.test(stem)) {
    const suggestion = slugify(stem) || 'namn';
    messages.push(
      problem(file.path, 'invalid-slug', `Filnamnet "${stem}.md" blir sidans adress och får bara innehålla a–z, siffror och bindestreck; byt namn till "${suggestion}.md".`, {
        line: 1,
        column: 1,
      }),
    );
  }

  const frontMatter = parseFrontMatter(file.path, file.text);
  if (!('locate' in frontMatter)) return { messages: [...messages, frontMatter] };
  const result = validateFrontMatter(file.path, frontMatter, schemas[place.kind]);
  messages.push(...result.messages);
  const tooCostly = checkMarkdownLimits(frontMatter.body);
  if (tooCostly) {
    // the body is not parsed at all: that is what would stall or crash the build
    const { ruleId, reason, line, column } = tooCostly;
    messages.push(problem(file.path, ruleId, reason, { line, column }));
    return { messages, references: rawReferences(place.kind, frontMatter.data, { file: file.path, locate: frontMatter.locate }) };
  }
  let body: Root;
  try {
    const parsed = parseMarkdown(frontMatter.body, file.path, file.contentPath);
    body = linkAttachments(parsed.tree, file.contentPath);
    for (const { ruleId, reason, line, column } of parsed.findings) messages.push(problem(file.path, ruleId, reason, { line, column }));
  } catch (error) {
    // the limits above keep the parser's recursion shallow; should a text still overflow the stack, it is this file's problem
    if (!(error instanceof RangeError)) throw error;
    messages.push(problem(file.path, 'too-deeply-nested', 'Texten har för många nivåer inuti varandra (citat, listor eller HTML) för att kunna läsas; förenkla den.', { line: 1, column: 1 }));
    return { messages, references: rawReferences(place.kind, frontMatter.data, { file: file.path, locate: frontMatter.locate }) };
  }
  const warnings = findEmptySections(body).map(
    (section): FileWarning => ({
      ruleId: 'empty-section',
      reason: `Rubriken "${section.title}" har ingen text under sig, och en tom rubrik hjälper ingen läsare. Skriv texten, eller ta bort rubriken.`,
      ...(section.place ? { place: section.place } : {}),
      heading: { title: section.title, level: section.level },
    }),
  );
  for (const { written, label, image, place } of findUndefinedReferences(body, frontMatter.body)) {
    const direct = image ? `![${written.slice(2, written.indexOf(']'))}](bilder/fil.jpg)` : `[${written.slice(1, written.indexOf(']'))}](adress)`;
    warnings.push({
      ruleId: 'undefined-reference',
      reason: `Hänvisningen [${label}] har ingen definition, så "${written}" visas som den står, med hakparenteserna. Lägg till en rad "[${label}]: ${image ? 'bilder/fil.jpg' : 'adress'}" i texten, eller skriv ${image ? 'bilden' : 'länken'} direkt: ${direct}.`,
      ...(place ? { place } : {}),
    });
  }
  // placeholder text must never be published: an error, except in a draft, which is not published (until draft: true goes)
  const draft = (frontMatter.data as { draft?: unknown } | null)?.draft === true;
  const placeholders = [
    ...fieldPlaceholders(frontMatter.data).map(({ path, placeholder }) => ({ placeholder, field: formatPath(path), place: frontMatter.locate(path) })),
    ...bodyPlaceholders(body).map(({ placeholder, place }) => ({ placeholder, field: undefined, place })),
  ];
  for (const { placeholder, field, place } of placeholders) {
    const reason = placeholderReason(placeholder, field, draft);
    if (draft) warnings.push({ ruleId: 'placeholder-text', reason, ...(place ? { place } : {}) });
    else messages.push(problem(file.path, 'placeholder-text', reason, place));
  }
  if (!result.value || messages.length > 0) {
    // a goal's sections are checked with the graph (they are the site's); its text goes along, so they are checked all the same
    const indicators = (frontMatter.data as { indicators?: unknown }).indicators;
    const goalBody = place.kind === 'goal' ? { file: file.path, body, hasIndicators: Array.isArray(indicators) && indicators.length > 0 } : undefined;
    return { messages, references: rawReferences(place.kind, frontMatter.data, { file: file.path, locate: frontMatter.locate }), goalBody, text: { file: file.path, body } };
  }

  const source: Source = { file: file.path, locate: frontMatter.locate };
  // positions were needed for the problems above; a valid body keeps only its links' (see markdown/drop-positions.ts)
  const base = { slug: stem, source, body: freezeJson(dropPositions(body)) };
  switch (place.kind) {
    case 'area':
      return { entry: { ...base, kind: 'area', data: result.value as AreaData }, messages, warnings };
    case 'report':
      return { entry: { ...base, slug: String(place.year), kind: 'report', year: place.year!, data: result.value as ReportData }, messages, warnings };
    case 'project':
      return { entry: { ...base, kind: 'project', data: result.value as ProjectData }, messages, warnings };
    case 'news':
      return { entry: { ...base, kind: 'news', data: result.value as NewsData }, messages, warnings };
    case 'newsletter': {
      const data = result.value as NewsletterData;
      const costly = data.blocks.flatMap((block, index) => {
        const found = checkMarkdownLimits(block.body);
        return found ? [problem(file.path, found.ruleId, `Fältet "blocks[${index}].body": ${found.reason}`, frontMatter.locate(['blocks', index, 'body']))] : [];
      });
      if (costly.length > 0) return { messages: costly };
      const parsedBlocks = data.blocks.map((block) => parseMarkdown(block.body, file.path, file.contentPath));
      // a block's text is a YAML string: its problems are located at the field
      const imageProblems = parsedBlocks.flatMap(({ findings }, index) =>
        findings.map(({ ruleId, reason }) => problem(file.path, ruleId, `Fältet "blocks[${index}].body": ${reason}`, frontMatter.locate(['blocks', index, 'body']))),
      );
      if (imageProblems.length > 0) return { messages: imageProblems };
      const blocks = parsedBlocks.map(({ tree }) => freezeJson(dropPositions(linkAttachments(tree, file.contentPath))));
      return { entry: { ...base, kind: 'newsletter', data, blocks }, messages, warnings };
    }
    case 'page':
      return { entry: { ...base, kind: 'page', data: result.value as PageData }, messages, warnings };
    case 'accessibility':
      return { entry: { ...base, kind: 'accessibility', data: result.value as AccessibilityData }, messages, warnings };
    case 'goal':
      // its sections are the site's (site.yaml's report.sections): split when the graph is built
      return { entry: { ...base, kind: 'goal', year: place.year!, data: result.value as GoalData }, messages, warnings };
  }
}
