import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Document, isMap, isScalar, visit, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { classify, parseEntry, slugOf } from '../content/entries.js';
import { parseFrontMatter, parseYamlFile } from '../content/front-matter.js';
import { loadContent, type SourceFile } from '../content/load.js';
import { placeholders } from '../content/placeholders.js';
import { calendarDate, siteSchema, type ReportSettings } from '../content/schemas.js';
import { slugify } from '../format/slug.js';
import { compareSwedish } from '../format/sort.js';

/*
 * `verksam new <typ> "<titel>"`: a new content file whose front matter is valid as it stands,
 * with placeholder text (content/placeholders.ts) where the editor has words to write. `check`
 * and `build` refuse the placeholders until they are replaced (in a draft they only warn), so
 * the file is finished before it is published, never published half-written. Everything that decides
 * what the file says is pure (`summariseContent`, `planNewFile`, `fileText`); `createNewFile`
 * reads the content folder and writes the one file, never over an existing one.
 */

/** The content types, as editors say them. */
export const newTypes = ['nyhet', 'projekt', 'mal', 'rapport', 'omrade'] as const;
export type NewType = (typeof newTypes)[number];

export const isNewType = (value: string): value is NewType => (newTypes as readonly string[]).includes(value);

export interface NewRequest {
  type: NewType;
  /** The title; for a goal, the goal statement. Optional only for `rapport`. */
  title?: string;
  /** `--area`: area slugs. A news item may have several, a project or goal one. */
  areas: readonly string[];
  /** The report year (`mal --year`, `rapport <år>`). */
  year?: number;
  /** Today in Europe/Stockholm, ÅÅÅÅ-MM-DD (or `--date`). */
  date: string;
}

/** What `new` needs to know about the existing content. */
export interface ContentSummary {
  /** The content folder as messages name it: relative to the working folder ("content"). */
  root: string;
  /** Every file's path in the content folder. */
  paths: ReadonlySet<string>;
  /** The areas (content/omraden/), with title and order where their front matter has them. */
  areas: readonly { slug: string; title?: string; order?: number }[];
  /** Goal numbers in use per report year: `number` in front matter and the nn of mal-nn.md. */
  goalNumbers: ReadonlyMap<number, readonly number[]>;
  /**
   * What site.yaml says about reports: the report's name and a goal's sections. Without it (or
   * when site.yaml's report settings are invalid), the defaults.
   */
  report?: ReportNames;
}

/** What `new` takes from site.yaml's report settings. */
export type ReportNames = Pick<ReportSettings, 'name' | 'planName' | 'sections' | 'indicatorSection'> & Partial<Pick<ReportSettings, 'sectionsRequired'>>;

/** Where a new file goes, what it says, and what the editor should know about it. */
export interface NewFile {
  ok: true;
  /** Path in the content folder, with "/" ("nyheter/nya-miljoprojekt.md"). */
  contentPath: string;
  /** The front matter as data, in the order it is written. */
  data: Record<string, unknown>;
  text: string;
  /** Sentences for the editor: a chosen default, a draft that is not published yet. */
  notes: string[];
}

/** A request that cannot be carried out: 1 a content problem, 2 a wrong argument. */
export interface NewRefusal {
  ok: false;
  code: 1 | 2;
  message: string;
}

export type NewPlan = NewFile | NewRefusal;
export type NewOutcome = { ok: true; path: string; contentPath: string; notes: string[] } | NewRefusal;

const refuse = (code: 1 | 2, message: string): NewRefusal => ({ ok: false, code, message });

/** A path in the content folder as the editor finds it from the working folder. */
const shown = (summary: ContentSummary, contentPath: string) => (summary.root ? `${summary.root.replace(/\/$/, '')}/${contentPath}` : contentPath);

/** Whether `value` is a date that exists, written ÅÅÅÅ-MM-DD (the schema's own check). */
export const isCalendarDate = (value: string): boolean => calendarDate.safeParse(value).success;

/** The facts `new` needs from the content folder's files. Files that fail validation still count. */
export function summariseContent(files: readonly SourceFile[], root = 'content'): ContentSummary {
  const areas: { slug: string; title?: string; order?: number }[] = [];
  const goalNumbers = new Map<number, number[]>();
  let report: ContentSummary['report'];
  for (const file of files) {
    const place = classify(file.contentPath);
    if (place?.kind === 'site') report = reportSettings(file);
    if (place?.kind !== 'area' && place?.kind !== 'goal') continue;
    const parsed = parseFrontMatter(file.path, file.text);
    const data = 'locate' in parsed && parsed.data !== null && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : {};
    if (place.kind === 'area') {
      areas.push({
        slug: slugOf(file.contentPath),
        ...(typeof data.title === 'string' ? { title: data.title } : {}),
        ...(Number.isInteger(data.order) ? { order: data.order as number } : {}),
      });
    } else {
      const numbers = goalNumbers.get(place.year!) ?? [];
      if (Number.isInteger(data.number)) numbers.push(data.number as number);
      const fromName = /^mal-(\d+)\.md$/.exec(file.contentPath.split('/').pop()!);
      if (fromName) numbers.push(Number(fromName[1]));
      goalNumbers.set(place.year!, numbers);
    }
  }
  return { root, paths: new Set(files.map((file) => file.contentPath)), areas, goalNumbers, ...(report ? { report } : {}) };
}

/** site.yaml's report settings, even when something else in site.yaml is wrong (check says what). */
function reportSettings(file: SourceFile): ContentSummary['report'] {
  const parsed = parseYamlFile(file.path, file.text);
  if (!('locate' in parsed)) return undefined;
  const data = parsed.data !== null && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : {};
  const settings = siteSchema.shape.report.safeParse(data.report);
  return settings.success ? settings.data : undefined;
}

export const defaultReport = siteSchema.shape.report.parse(undefined);

/** The areas by `order`, then title: the first is the default for a project or goal. */
export function areasInOrder(summary: ContentSummary): ContentSummary['areas'] {
  const order = (area: ContentSummary['areas'][number]) => area.order ?? Number.POSITIVE_INFINITY;
  return [...summary.areas].sort((a, b) => order(a) - order(b) || compareSwedish(a.title ?? a.slug, b.title ?? b.slug));
}

/**
 * Comments to write in the front matter, as YAML comment lines (without "#"): `before` a field,
 * or `inside` a list of objects, under its first item (examples of fields left out).
 */
export interface FrontMatterComments {
  before?: Record<string, string>;
  inside?: Record<string, string>;
}

/** Front matter and body as the text of a content file; the YAML is written by the yaml package. */
export function fileText(data: Record<string, unknown>, body: string, comments: FrontMatterComments = {}): string {
  const document = new Document(data);
  // Lists of names read best on one line, as in the editor's guide: `areas: [av-media]`; lists
  // of objects (indicators) one item per line.
  visit(document, {
    Seq(_, node) {
      node.flow = node.items.every((item) => isScalar(item));
    },
  });
  const fields = (document.contents as YAMLMap<Scalar<string>, unknown>).items;
  const field = (key: string) => fields.find((pair) => pair.key.value === key);
  const commented = (text: string) => text.split('\n').map((line) => ` ${line}`.trimEnd()).join('\n');
  for (const [key, text] of Object.entries(comments.before ?? {})) {
    const pair = field(key);
    if (pair) pair.key.commentBefore = commented(text);
  }
  for (const [key, text] of Object.entries(comments.inside ?? {})) {
    const first = (field(key) as Pair<Scalar<string>, { items?: unknown[] }> | undefined)?.value?.items?.[0];
    if (isMap(first)) first.comment = commented(text);
  }
  const yaml = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n${body.trim()}\n`;
}

/**
 * Examples of a goal's optional fields, as comments: a placeholder number would be published as
 * if the organisation had stated it, so the example values are never data. Each line is valid
 * YAML without its "#".
 */
function goalComments(report: ReportNames, year: number): FrontMatterComments {
  return {
    before: {
      area: 'id: namn-pa-malet   # samma id i varje års fil för målet länkar ihop åren (ta bort # för att använda)',
      indicators: [
        `Indikatorerna visas som en tabell under ## ${report.indicatorSection}. Raderna under texten är exempel:`,
        'ta bort # framför dem du fyller i. Skriv bara värden som organisationen själv har angett.',
      ].join('\n'),
    },
    inside: {
      indicators: [
        'id: natverkstraffar  # samma id varje år ger en serie av utfall',
        'target: 4            # målvärde: ett tal (2,5 går bra) eller ord, t.ex. "minst fyra"',
        'unit: träffar',
        'outcome: 5           # årets utfall',
        `earlier: {${year - 1}: 3}   # tidigare års utfall som rapporten anger`,
        'better: higher       # higher eller lower: åt vilket håll det är bättre',
        'result: genomfort    # för en indikator utan tal: genomfort, delvis-genomfort eller ej-genomfort',
        'status: uppfyllt     # bara om organisationen själv har bedömt den: uppfyllt, delvis-uppfyllt eller ej-uppfyllt',
        `comment: ${placeholders.indicatorComment.text}`,
        `source: ${placeholders.indicatorSource.text}`,
      ].join('\n'),
    },
  };
}

function reportComments(report: ReportNames): FrontMatterComments {
  return {
    before: {
      published: `plan: true   # för en ${report.planName.toLowerCase()}: mål och målvärden, ingen uppföljning ännu (ta bort # för att använda)`,
    },
  };
}

/**
 * A goal's text: the organisation's sections in their order, each with a placeholder, except
 * the one the indicator table goes in (the goal's indicators are in its front matter).
 */
function goalBody(report: ReportNames): string {
  const same = (a: string, b: string) => a.localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;
  return report.sections
    .filter((title) => !same(title, report.indicatorSection))
    .map((title) => `## ${title}\n\n${(placeholders.goalSections[slugify(title)] ?? placeholders.goalSection(title)).text}`)
    .join('\n\n');
}

const knownAreas = (summary: ContentSummary) => areasInOrder(summary).map((area) => area.slug).join(', ') || 'inga';

/** Checks `--area` against the areas in the content folder. */
function unknownArea(request: NewRequest, summary: ContentSummary): NewRefusal | undefined {
  const known = new Set(summary.areas.map((area) => area.slug));
  const missing = request.areas.filter((slug) => !known.has(slug));
  if (missing.length === 0) return undefined;
  const suggestion = missing.length === 1 ? areaSuggestion(missing[0]!, summary) : '';
  return refuse(
    2,
    `Okänt område ${missing.map((slug) => `"${slug}"`).join(', ')} för --area (kända: ${knownAreas(summary)}).${suggestion} --area anger filnamnet i omraden/ utan .md.`,
  );
}

/** "AV-Media" → ' Menade du "av-media"?' when the slug of what was typed is a known area. */
function areaSuggestion(typed: string, summary: ContentSummary): string {
  const slug = slugify(typed);
  return slug !== typed && summary.areas.some((area) => area.slug === slug) ? ` Menade du "${slug}"?` : '';
}

/** The area of a project or goal: `--area`, else the first area by order (said in a note). */
function singleArea(request: NewRequest, summary: ContentSummary, what: string): { area: string; note?: string } | NewRefusal {
  if (request.areas.length > 1) return refuse(2, `Ett ${what} hör till ett område; ange --area en gång.`);
  const given = request.areas[0];
  if (given) return { area: given };
  const first = areasInOrder(summary)[0];
  if (!first) {
    return refuse(1, `Det finns inga områden i ${shown(summary, 'omraden/')} ännu, och ett ${what} måste höra till ett. Skapa området först: verksam new omrade "Namn".`);
  }
  return {
    area: first.slug,
    note: `Inget --area angavs, så området "${first.slug}" (först i ordningen) valdes. Ändra fältet area om ${what}et hör till ett annat område (kända: ${knownAreas(summary)}).`,
  };
}

/** The title as one line, or a refusal when there is none. */
function cleanTitle(title: string | undefined, what: string): string | NewRefusal {
  const cleaned = (title ?? '').trim().replace(/\s+/g, ' ');
  return cleaned ? cleaned : refuse(2, `Ange ${what} inom citattecken, t.ex. verksam new nyhet "Nya miljöprojekt".`);
}

/** The slug a title gives, or a refusal when it has no letters or digits to make one of. */
function slugFor(title: string): string | NewRefusal {
  const slug = slugify(title);
  return slug ? slug : refuse(2, `Titeln "${title}" ger inget filnamn: den behöver minst en bokstav eller siffra.`);
}

const isRefusal = (value: unknown): value is NewRefusal => typeof value === 'object' && value !== null && 'ok' in value && value.ok === false;

/**
 * The file `verksam new` creates: where it goes, its front matter (valid for the schema, with
 * placeholders where the editor has not said anything yet) and its body. Pure: the content
 * folder comes in as a summary.
 */
export function planNewFile(request: NewRequest, summary: ContentSummary): NewPlan {
  if (!isCalendarDate(request.date)) return refuse(2, `--date: "${request.date}" är inget datum som finns; skriv ÅÅÅÅ-MM-DD.`);
  const areaProblem = unknownArea(request, summary);
  if (areaProblem) return areaProblem;
  if (request.areas.length > 0 && (request.type === 'rapport' || request.type === 'omrade')) {
    return refuse(2, `--area gäller inte för "${request.type}".`);
  }
  if (request.year !== undefined && request.type !== 'mal' && request.type !== 'rapport') {
    return refuse(2, `--year gäller bara för "mal" och "rapport".`);
  }

  const notes: string[] = [];
  let contentPath: string;
  let data: Record<string, unknown>;
  let body: string;
  let comments: FrontMatterComments = {};
  const report = summary.report ?? defaultReport;

  switch (request.type) {
    case 'nyhet': {
      const title = cleanTitle(request.title, 'nyhetens rubrik');
      if (isRefusal(title)) return title;
      const slug = slugFor(title);
      if (isRefusal(slug)) return slug;
      contentPath = `nyheter/${slug}.md`;
      // News items may lie in subfolders of nyheter/, but their names must be unique.
      const sameName = [...summary.paths].find((path) => classify(path)?.kind === 'news' && slugOf(path) === slug);
      if (sameName && sameName !== contentPath) {
        return refuse(1, `Det finns redan en nyhet med namnet "${slug}": ${shown(summary, sameName)}. Välj en annan rubrik eller öppna den filen.`);
      }
      // The lead is required and not known yet: the placeholder must never be published.
      data = { title, date: request.date, areas: [...request.areas], projects: [], lead: placeholders.lead.text, draft: true };
      body = placeholders.newsBody.text;
      notes.push('Nyheten är ett utkast (draft: true) och publiceras inte. Skriv ingressen i fältet lead och texten under front matter, och ta bort raden draft: true när nyheten ska publiceras.');
      if (request.areas.length === 0) notes.push(`Inget --area angavs: fältet areas är tomt. Lägg till områden där om nyheten hör till något (kända: ${knownAreas(summary)}).`);
      break;
    }
    case 'projekt': {
      const title = cleanTitle(request.title, 'projektets namn');
      if (isRefusal(title)) return title;
      const slug = slugFor(title);
      if (isRefusal(slug)) return slug;
      const area = singleArea(request, summary, 'projekt');
      if (isRefusal(area)) return area;
      if (area.note) notes.push(area.note);
      contentPath = `projekt/${slug}.md`;
      data = { title, area: area.area, summary: placeholders.projectSummary.text, status: 'pagaende', funding: [], partners: [] };
      body = placeholders.projectBody.text;
      notes.push('Ändra status till avslutat när projektet är klart.');
      break;
    }
    case 'mal': {
      const statement = cleanTitle(request.title, 'målet');
      if (isRefusal(statement)) return statement;
      if (request.year === undefined) return refuse(2, 'Ange vilket år målet hör till: verksam new mal --year 2021 "Målet".');
      if (!summary.paths.has(`verksamhetsberattelse/${request.year}/index.md`)) {
        return refuse(1, `Verksamhetsberättelsen för ${request.year} finns inte ännu (${shown(summary, `verksamhetsberattelse/${request.year}/index.md`)}). Skapa den först: verksam new rapport ${request.year}.`);
      }
      const area = singleArea(request, summary, 'mål');
      if (isRefusal(area)) return area;
      if (area.note) notes.push(area.note);
      const number = Math.max(0, ...(summary.goalNumbers.get(request.year) ?? [])) + 1;
      contentPath = `verksamhetsberattelse/${request.year}/mal-${String(number).padStart(2, '0')}.md`;
      data = { number, area: area.area, statement, projects: [], indicators: [{ text: placeholders.indicator.text }] };
      body = goalBody(report);
      comments = goalComments(report, request.year);
      notes.push(`Målet fick nummer ${number}, nästa lediga för ${request.year}.`);
      break;
    }
    case 'rapport': {
      if (request.year === undefined) return refuse(2, 'Ange året: verksam new rapport 2021.');
      const title = cleanTitle(request.title ?? `${report.name} ${request.year}`, 'titeln');
      if (isRefusal(title)) return title;
      contentPath = `verksamhetsberattelse/${request.year}/index.md`;
      data = { title, published: request.date };
      body = placeholders.reportBody.text;
      comments = reportComments(report);
      notes.push(`Lägg till målen med verksam new mal --year ${request.year} "Målet". Ändra published till dagen berättelsen publiceras.`);
      break;
    }
    case 'omrade': {
      const title = cleanTitle(request.title, 'områdets namn');
      if (isRefusal(title)) return title;
      const slug = slugFor(title);
      if (isRefusal(slug)) return slug;
      const order = Math.max(0, ...summary.areas.map((area) => area.order ?? 0)) + 1;
      contentPath = `omraden/${slug}.md`;
      data = { title, summary: placeholders.areaSummary.text, order };
      body = placeholders.areaBody.text;
      notes.push(`Området fick order: ${order} och visas sist i listorna; ändra order för att flytta det.`);
      break;
    }
  }

  if (request.type !== 'nyhet') {
    notes.push('Texterna som börjar med "Skriv" eller "Beskriv" är platshållare: ersätt dem med riktig text. Så länge de står kvar säger verksam check fel och webbplatsen byggs inte.');
  }
  if (summary.paths.has(contentPath)) return refuse(1, alreadyThere(shown(summary, contentPath)));
  const text = fileText(data, body, comments);
  assertValid(contentPath, text);
  return { ok: true, contentPath, data, text, notes };
}

const alreadyThere = (path: string) => `Filen ${path} finns redan; verksam new skriver aldrig över en fil. Välj en annan titel eller öppna den befintliga filen.`;

/**
 * A planned file that its own schema would refuse is a bug in `new`, never the editor's problem.
 * Its placeholders are refused on purpose (until the editor replaces them) and are all it may have.
 */
function assertValid(contentPath: string, text: string): void {
  const { entry, messages } = parseEntry({ path: contentPath, contentPath, text });
  const unexpected = messages.filter((message) => message.ruleId !== 'placeholder-text');
  if (unexpected.length > 0 || (!entry && messages.length === 0)) {
    throw new Error(`verksam new made an invalid ${contentPath}: ${unexpected.map((message) => message.reason).join('; ')}\n${text}`);
  }
}

/**
 * Reads the content folder, plans the file and writes it. Never overwrites: the file is opened
 * with the "wx" flag, so even a file created meanwhile is safe. `path` is relative to `cwd`.
 */
export async function createNewFile(request: NewRequest, options: { contentDir: string; cwd: string }): Promise<NewOutcome> {
  const { contentDir, cwd } = options;
  const folder = await stat(contentDir).catch(() => undefined);
  if (!folder?.isDirectory()) return refuse(2, `Innehållsmappen "${contentDir}" finns inte; ange den med --content MAPP.`);
  const root = relative(cwd, contentDir).split(sep).join('/');
  const plan = planNewFile(request, summariseContent(await loadContent(contentDir, cwd), root || '.'));
  if (!plan.ok) return plan;

  const absolute = join(contentDir, ...plan.contentPath.split('/'));
  const path = relative(cwd, absolute).split(sep).join('/');
  await mkdir(dirname(absolute), { recursive: true });
  try {
    await writeFile(absolute, plan.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return refuse(1, alreadyThere(path));
    throw error;
  }
  return { ok: true, path, contentPath: plan.contentPath, notes: plan.notes };
}
