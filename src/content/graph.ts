import type { Root } from 'hast';
import type { VFileMessage } from 'vfile-message';
import { compareSwedish } from '../format/sort.js';
import { todayInSweden } from '../format/dates.js';
import { siteSchema } from './schemas.js';
import type { Entry, RawReference, Source, UnvalidatedGoal, UnvalidatedText } from './entries.js';
import { splitGoalText, type GoalSection } from './goal-sections.js';
import { assessGoal, assessIndicator, type GoalAssessment, type IndicatorAssessment } from './assessment.js';
import type { FieldPath } from './front-matter.js';
import { EntryBodies } from './bodies.js';
import { deepFreeze } from './freeze.js';
import { problem } from './problems.js';
import { normaliseBaseUrl } from '../format/base-url.js';
import { BodyPictures } from '../images/body-pictures.js';
import type { ImageFile, ImageStatus } from '../images/inspect.js';
import { attachmentSizeProblem, type Attachment } from './attachments.js';
import { mergeNavigation } from './navigation.js';
import { urls } from '../routes/urls.js';
import type {
  AccessibilityData,
  AreaData,
  GoalData,
  ImageData,
  IndicatorData,
  KeyFigure,
  NewsData,
  NewsletterData,
  PageData,
  ProjectData,
  ReportData,
  SiteData,
} from './schemas.js';

/*
 * The content graph: every entry validated, every reference resolved to the object it names,
 * every back-link derived. Templates read it and never query files.
 */

export type Site = SiteData;

/** An image as a page shows it: the editor's text about it and the file it names. */
export interface Image {
  src: string;
  /** Empty exactly when the image is decorative. */
  alt: string;
  decorative: boolean;
  caption?: string;
  file: ImageFile;
}

/*
 * Each kind has two types. `Area` is what an area says itself and what it names (forward
 * references): all a page may show of it. `AreaNode` adds the back-links the graph derives (the
 * goals, projects and news that name the area). Back-links are not enumerable, and page data
 * (routes.ts) is typed with the plain types: a template cannot reach from one entry to the whole
 * graph, so a digest of a route's data is everything its page shows (see routes/page-key.ts).
 */

export interface Area extends Omit<AreaData, 'image'> {
  image?: Image;
  slug: string;
  body: Root;
  source: Source;
}

export interface AreaNode extends Area {
  goals: readonly Goal[];
  projects: readonly ProjectNode[];
  news: readonly NewsNode[];
}

export interface Report extends ReportData {
  year: number;
  /** The reports' URL segment (site.yaml: report.path). */
  path: string;
  body: Root;
  source: Source;
}

export interface ReportNode extends Report {
  goals: readonly Goal[];
}

/** One value of an indicator in one year. */
export interface SeriesValue {
  year: number;
  value: number;
}

/** An indicator as pages show it: what the organisation wrote, its assessment, and its values over the years. */
export interface Indicator extends IndicatorData {
  assessment?: IndicatorAssessment;
  /** The outcomes by year, oldest first: this report's and earlier ones', and those of the same indicator in other years' goal files. */
  series: readonly SeriesValue[];
}

/** The same goal in another year's report (goals with the same `id`). */
export interface GoalInYear {
  year: number;
  number: number;
  plan: boolean;
}

export interface Goal extends Omit<GoalData, 'area' | 'projects' | 'indicators'> {
  report: Report;
  area: Area;
  projects: readonly Project[];
  indicators: readonly Indicator[];
  /** Who assessed the goal and how, when anyone did; `status` is its result. */
  assessment?: GoalAssessment;
  /** The same goal in other years, oldest first. */
  otherYears: readonly GoalInYear[];
  keyFigures: KeyFigure[];
  intro: Root;
  sections: readonly GoalSection[];
  source: Source;
}

export interface Project extends Omit<ProjectData, 'area' | 'image'> {
  image?: Image;
  slug: string;
  area: Area;
  body: Root;
  source: Source;
}

export interface ProjectNode extends Project {
  goals: readonly Goal[];
  news: readonly NewsNode[];
}

/**
 * Why an entry that is shown is not published: only the preview (`verksam dev`) shows drafts
 * and items dated in the future; a build leaves them out entirely.
 */
export type Unpublished = 'utkast' | 'planerad';

export interface NewsItem extends Omit<NewsData, 'areas' | 'projects' | 'image'> {
  image?: Image;
  unpublished?: Unpublished;
  slug: string;
  year: number;
  areas: readonly Area[];
  projects: readonly Project[];
  body: Root;
  source: Source;
}

export interface NewsNode extends NewsItem {
  newsletters: readonly Newsletter[];
}

export interface NewsletterBlock {
  title: string;
  body: Root;
}

export interface Newsletter extends Omit<NewsletterData, 'articles' | 'blocks'> {
  unpublished?: Unpublished;
  slug: string;
  articles: readonly NewsItem[];
  blocks: readonly NewsletterBlock[];
  body: Root;
  source: Source;
}

/** A free page (Om oss, Styrelse, Kontakt), from content/sidor/<slug>.md. */
export interface Page extends PageData {
  slug: string;
  body: Root;
  source: Source;
}

export type { Attachment } from './attachments.js';

/** The accessibility statement (tillgänglighetsredogörelse), from content/tillganglighet.md. */
export interface AccessibilityStatement extends AccessibilityData {
  body: Root;
  source: Source;
}

export interface ContentGraph {
  site: Site;
  /** The accessibility statement, when the content has one. */
  accessibility?: AccessibilityStatement;
  /** By `order`, then title. */
  areas: readonly AreaNode[];
  /** Newest year first. */
  reports: readonly ReportNode[];
  /** By report (newest first), then number. */
  goals: readonly Goal[];
  /** Ongoing first, then title. */
  projects: readonly ProjectNode[];
  /** Published news, newest first. */
  news: readonly NewsNode[];
  /** Newest first. */
  newsletters: readonly Newsletter[];
  /** Free pages, by title. */
  pages: readonly Page[];
  /** The files of filer/, published as they are, by address. */
  attachments: readonly Attachment[];
  /** The image files the published texts show (`![alt](bilder/foto.jpg)`), once each; none when absent. */
  textImages?: readonly ImageFile[];
}

type Of<K extends Entry['kind']> = Extract<Entry, { kind: K }>;

export interface PublishOptions {
  /** Show drafts and items dated in the future, marked (the preview does). */
  drafts: boolean;
  /** Today in Europe/Stockholm, ÅÅÅÅ-MM-DD: items dated later are not yet published. */
  today: string;
  /**
   * The image files of the content folder as inspected (images/inspect.ts), by path relative
   * to the content folder. An `image.src` not in it names a file that does not exist.
   */
  images?: ReadonlyMap<string, ImageStatus>;
  /** The attachments of the content folder (content/attachment-files.ts), by path relative to it. */
  attachments?: ReadonlyMap<string, Attachment>;
}

/** Newest first. ÅÅÅÅ-MM-DD dates sort as plain strings, many times faster than by locale. */
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

const byDateDesc = <T extends { date: string; title: string }>(a: T, b: T) => newestFirst(a.date, b.date) || compareSwedish(a.title, b.title);

/** The graph of a site published at another address than its site.yaml names (`--base-url`). */
export function withBaseUrl(graph: ContentGraph, baseUrl: string): ContentGraph {
  return Object.freeze({ ...graph, site: Object.freeze({ ...graph.site, baseUrl: normaliseBaseUrl(baseUrl) }) });
}

/**
 * Goals with the same `id` are one goal followed over the years: each learns the years it has in
 * other reports, and each of its indicators (by `id`, or by its place when the goal has one) its
 * values over all of them.
 */
function linkYears(goals: readonly Goal[]): void {
  const byId = new Map<string, Goal[]>();
  for (const goal of goals) {
    // a goal without an id is a goal of its own year only
    const key = goal.id ?? `${goal.report.year}/${goal.number}`;
    byId.set(key, [...(byId.get(key) ?? []), goal]);
  }
  for (const same of byId.values()) {
    same.sort((a, b) => a.report.year - b.report.year);
    for (const goal of same) {
      (goal as { otherYears: readonly GoalInYear[] }).otherYears = same
        .filter((other) => other !== goal)
        .map((other) => ({ year: other.report.year, number: other.number, plan: other.report.plan }));
      for (const indicator of goal.indicators) {
        const values = new Map<number, number>();
        for (const other of same) {
          const match = other.indicators.find((candidate) => (indicator.id ? candidate.id === indicator.id : candidate === indicator));
          if (!match) continue;
          for (const [year, value] of Object.entries(match.earlier ?? {})) if (!values.has(Number(year))) values.set(Number(year), value);
          if (match.outcome !== undefined) values.set(other.report.year, match.outcome);
        }
        (indicator as { series: readonly SeriesValue[] }).series = [...values].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
      }
    }
  }
}

function hideBackLinks<T extends object>(object: T, ...keys: (keyof T & string)[]): void {
  for (const key of keys) Object.defineProperty(object, key, { enumerable: false });
}

/**
 * Resolves references and derives back-links. Unknown references and duplicates are reported
 * all at once, each at the field that holds it.
 */
export function buildGraph(
  entries: readonly Entry[],
  /**
   * Slugs of files that exist but failed validation, by kind. A reference to one of them is not
   * "unknown": the file's own problem is already reported, and one mistake should give one message.
   */
  failed: Partial<Record<'site' | 'area' | 'project' | 'news', ReadonlySet<string>>> = {},
  /** References in files that failed validation: still checked, so every problem shows at once. */
  unvalidated: readonly RawReference[] = [],
  publishing: PublishOptions = { drafts: false, today: todayInSweden() },
  /** Goal files whose front matter failed: their sections are checked all the same. */
  unvalidatedGoals: readonly UnvalidatedGoal[] = [],
  /** Texts of files whose front matter failed: their images are checked all the same. */
  unvalidatedTexts: readonly UnvalidatedText[] = [],
): { graph?: ContentGraph; bodies?: EntryBodies; messages: VFileMessage[] } {
  const settings = (entries.find((entry) => entry.kind === 'site')?.data as SiteData | undefined)?.report ?? siteSchema.shape.report.parse(undefined);
  const tableSection = (hasIndicators: boolean) => (hasIndicators ? settings.indicatorSection : undefined);
  const imageFiles = publishing.images ?? new Map<string, ImageStatus>();
  const pictures = new BodyPictures(imageFiles);
  const bodies = new EntryBodies(
    (goal) => splitGoalText(goal.body, settings.sections, settings.sectionsRequired, tableSection(goal.data.indicators.length > 0)).text,
    pictures,
  );
  const order = settings.sections.map((title) => `## ${title}`).join(', ');
  const checkSections = (file: string, body: Root, hasIndicators: boolean) => {
    for (const { title, reason, place } of splitGoalText(body, settings.sections, settings.sectionsRequired, tableSection(hasIndicators)).problems) {
      const what = reason === 'missing' ? `Målet saknar avsnittet "## ${title}".` : `Avsnittet "## ${title}" står på fel plats.`;
      messages.push(problem(file, 'missing-section', `${what} Texten ska ha rubrikerna ${order} i den ordningen.`, place ?? { line: 1, column: 1 }));
    }
  };
  for (const entry of entries) if (entry.kind !== 'site') bodies.set(entry);
  const unpublished = (entry: { draft: boolean; date: string }): Unpublished | undefined =>
    entry.draft ? 'utkast' : entry.date > publishing.today ? 'planerad' : undefined;
  const messages: VFileMessage[] = [];
  // Images in the text: every one must be a readable file of the content folder.
  for (const text of unvalidatedTexts) messages.push(...pictures.problems(text.file, text.body));
  for (const entry of entries) {
    if (entry.kind === 'site') continue;
    messages.push(...pictures.problems(entry.source.file, entry.body));
    if (entry.kind === 'newsletter') {
      entry.blocks.forEach((block, index) => {
        const field = ['blocks', index, 'body'];
        messages.push(...pictures.problems(entry.source.file, block, { place: entry.source.locate(field), field: `blocks[${index}].body` }));
      });
    }
  }
  for (const goal of unvalidatedGoals) checkSections(goal.file, goal.body, goal.hasIndicators);
  // Entries that are valid themselves but name something unknown: known, yet not in the graph.
  const broken = { area: new Set(failed.area), project: new Set(failed.project), news: new Set(failed.news) };
  const of = <K extends Entry['kind']>(kind: K) => entries.filter((entry): entry is Of<K> => entry.kind === kind);

  const site = of('site')[0];
  if (!site && !failed.site?.size) {
    messages.push(problem('site.yaml', 'missing-field', 'Innehållsmappen saknar site.yaml med webbplatsens namn, adress och kontaktuppgifter.'));
  }

  const unknown = (source: Source, path: FieldPath, what: string, name: string, known: Iterable<string>) => {
    const list = [...known].sort();
    const shown = list.length > 8 ? `${list.slice(0, 8).join(', ')}, …` : list.join(', ');
    messages.push(
      problem(source.file, 'unknown-reference', `Fältet "${path.join('.').replace(/\.(\d+)/g, '[$1]')}": ${what} "${name}" (kända: ${shown || 'inga'}).`, source.locate(path)),
    );
  };

  // Images: every image an entry names must be a readable file of the content folder.
  const image = (source: Source, data: ImageData | undefined): Image | undefined => {
    if (!data) return undefined;
    const status = imageFiles.get(data.src);
    if (!status?.ok) {
      const known = [...imageFiles.keys()].sort();
      const shown = known.length > 8 ? `${known.slice(0, 8).join(', ')}, …` : known.join(', ');
      const reason = status
        ? `bilden ${data.src} går inte att använda: ${status.reason}`
        : `bilden ${data.src} finns inte i innehållsmappen (bilder som finns: ${shown || 'inga'})`;
      messages.push(problem(source.file, 'invalid-image', `Fältet "image.src": ${reason}.`, source.locate(['image', 'src'])));
      return undefined;
    }
    return { src: data.src, alt: data.decorative ? '' : (data.alt ?? ''), decorative: data.decorative, caption: data.caption, file: status.file };
  };

  // Areas
  const areas = new Map<string, AreaNode & { goals: Goal[]; projects: ProjectNode[]; news: NewsNode[] }>();
  for (const entry of of('area')) {
    areas.set(entry.slug, bodies.bind({
      ...entry.data,
      image: image(entry.source, entry.data.image),
      slug: entry.slug,
      body: entry.body,
      source: entry.source,
      goals: [],
      projects: [],
      news: [],
    }));
  }
  const area = (source: Source, path: FieldPath, slug: string) => {
    const found = areas.get(slug);
    if (!found && !broken.area.has(slug)) unknown(source, path, 'okänt område', slug, areas.keys());
    return found;
  };

  // Projects
  const projects = new Map<string, ProjectNode & { goals: Goal[]; news: NewsNode[] }>();
  for (const entry of of('project')) {
    // checked first, so a broken image shows even when the project has other problems
    const picture = image(entry.source, entry.data.image);
    const owner = area(entry.source, ['area'], entry.data.area);
    if (!owner) {
      broken.project.add(entry.slug);
      continue;
    }
    const project = bodies.bind({
      ...entry.data,
      image: picture,
      slug: entry.slug,
      area: owner,
      body: entry.body,
      source: entry.source,
      goals: [] as Goal[],
      news: [] as NewsNode[],
    });
    projects.set(entry.slug, project);
    owner.projects.push(project);
  }
  const project = (source: Source, path: FieldPath, slug: string) => {
    const found = projects.get(slug);
    if (!found && !broken.project.has(slug)) unknown(source, path, 'okänt projekt', slug, projects.keys());
    return found;
  };

  // Reports and goals
  const reports = new Map<number, ReportNode & { goals: Goal[] }>();
  for (const entry of of('report')) {
    reports.set(entry.year, bodies.bind({ ...entry.data, year: entry.year, path: settings.path, body: entry.body, source: entry.source, goals: [] }));
  }
  const goalFiles = new Map<string, string>();
  for (const entry of of('goal')) {
    const report = reports.get(entry.year);
    if (!report) {
      messages.push(
        problem(entry.source.file, 'unknown-reference', `Målet hör till verksamhetsberättelsen ${entry.year}, men verksamhetsberattelse/${entry.year}/index.md saknas.`),
      );
    }
    checkSections(entry.source.file, entry.body, entry.data.indicators.length > 0);
    const owner = area(entry.source, ['area'], entry.data.area);
    const related = entry.data.projects.map((slug, index) => project(entry.source, ['projects', index], slug));
    const key = `${entry.year}/${entry.data.number}`;
    const other = goalFiles.get(key);
    if (other) {
      messages.push(problem(entry.source.file, 'duplicate-entry', `Mål ${entry.data.number} finns redan för ${entry.year} i ${other}.`, entry.source.locate(['number'])));
      continue;
    }
    goalFiles.set(key, entry.source.file);
    if (!report || !owner || related.some((item) => !item)) continue;
    const indicators = entry.data.indicators.map((indicator): Indicator => ({ ...indicator, assessment: assessIndicator(indicator, settings.assessment), series: [] }));
    const assessment = report.plan ? undefined : assessGoal(entry.data.status, indicators.map((indicator) => indicator.assessment), settings.assessment);
    const goal: Goal = bodies.bind({
      ...entry.data,
      status: assessment?.status,
      assessment,
      indicators,
      otherYears: [],
      report,
      area: owner,
      projects: related as Project[],
      intro: entry.body,
      sections: [],
      source: entry.source,
    });
    report.goals.push(goal);
    owner.goals.push(goal);
    for (const item of related) item!.goals.push(goal);
  }

  // News
  const allNews = new Map<string, NewsNode & { newsletters: Newsletter[] }>();
  const published: NewsNode[] = [];
  for (const entry of of('news')) {
    const picture = image(entry.source, entry.data.image);
    const areaRefs = entry.data.areas.map((slug, index) => area(entry.source, ['areas', index], slug));
    const projectRefs = entry.data.projects.map((slug, index) => project(entry.source, ['projects', index], slug));
    const existing = allNews.get(entry.slug);
    if (existing) {
      messages.push(problem(entry.source.file, 'duplicate-entry', `Det finns redan en nyhet med namnet "${entry.slug}" (${existing.source.file}); byt filnamn på den ena.`));
      continue;
    }
    if (areaRefs.some((item) => !item) || projectRefs.some((item) => !item)) {
      broken.news.add(entry.slug);
      continue;
    }
    const item = bodies.bind({
      ...entry.data,
      image: picture,
      slug: entry.slug,
      year: Number(entry.data.date.slice(0, 4)),
      areas: areaRefs as Area[],
      projects: projectRefs as Project[],
      body: entry.body,
      source: entry.source,
      newsletters: [] as Newsletter[],
      unpublished: unpublished(entry.data),
    });
    allNews.set(entry.slug, item);
    if (item.unpublished && !publishing.drafts) continue;
    published.push(item);
    for (const owner of item.areas) areas.get(owner.slug)!.news.push(item);
    for (const related of item.projects) projects.get(related.slug)!.news.push(item);
  }

  // Newsletters
  const newsletters: Newsletter[] = [];
  for (const entry of of('newsletter')) {
    const articles = entry.data.articles.map((slug, index) => {
      const found = allNews.get(slug);
      if (!found && !broken.news.has(slug)) unknown(entry.source, ['articles', index], 'okänd nyhet', slug, allNews.keys());
      return found;
    });
    if (articles.some((item) => !item)) continue;
    const newsletter: Newsletter = bodies.bind({
      ...entry.data,
      slug: entry.slug,
      articles: articles as NewsItem[],
      blocks: entry.data.blocks.map((block, index) => ({ title: block.title, body: entry.blocks[index]! })),
      body: entry.body,
      source: entry.source,
      unpublished: unpublished(entry.data),
    });
    if (newsletter.unpublished && !publishing.drafts) continue;
    newsletter.articles.forEach((article, index) => {
      if (article.unpublished && !newsletter.unpublished && !publishing.drafts) {
        messages.push(
          problem(
            entry.source.file,
            'unknown-reference',
            `Fältet "articles[${index}]": nyheten "${article.slug}" är ${article.unpublished === 'utkast' ? 'ett utkast' : `daterad ${article.date}`} och publiceras inte, men nyhetsbrevet är publicerat.`,
            entry.source.locate(['articles', index]),
          ),
        );
      }
    });
    newsletters.push(newsletter);
    for (const article of articles) article!.newsletters.push(newsletter);
  }

  // Free pages, and their places in the menu
  const pages: Page[] = [];
  const menuPlaces = new Map<number, Page>();
  const yamlMenu = new Set((site?.data.navigation ?? []).map((item) => item.url));
  for (const entry of of('page')) {
    const page: Page = bodies.bind({ ...entry.data, slug: entry.slug, body: entry.body, source: entry.source });
    pages.push(page);
    if (page.menu === undefined) continue;
    const other = menuPlaces.get(page.menu);
    if (other) {
      messages.push(
        problem(entry.source.file, 'duplicate-entry', `Fältet "menu": plats ${page.menu} i menyn har redan sidan ${other.source.file}; ge sidorna olika nummer.`, entry.source.locate(['menu'])),
      );
    } else if (yamlMenu.has(urls.page(page))) {
      messages.push(
        problem(
          entry.source.file,
          'duplicate-entry',
          `Fältet "menu": sidan ${urls.page(page)} står redan i menyn genom navigation i site.yaml; ta bort menu här eller raden i site.yaml.`,
          entry.source.locate(['menu']),
        ),
      );
    } else menuPlaces.set(page.menu, page);
  }

  // Attachments: every file of filer/ is published, so each must be publishable
  const attachments: Attachment[] = [];
  for (const attachment of publishing.attachments?.values() ?? []) {
    const reason = attachmentSizeProblem(attachment.bytes);
    if (reason) messages.push(problem(attachment.path, 'invalid-attachment', reason));
    else attachments.push(attachment);
  }

  const known = { area: areas, project: projects, news: allNews };
  const what = { area: 'okänt område', project: 'okänt projekt', news: 'okänd nyhet' };
  for (const reference of unvalidated) {
    const { kind, slug } = reference;
    if (!known[kind].has(slug) && !broken[kind].has(slug)) unknown(reference.source, reference.path, what[kind], slug, known[kind].keys());
  }

  if (messages.length > 0 || !site) return { messages };

  const sortedAreas = [...areas.values()].sort((a, b) => a.order - b.order || compareSwedish(a.title, b.title));
  const sortedReports = [...reports.values()].sort((a, b) => b.year - a.year);
  const byGoal = (a: Goal, b: Goal) => b.report.year - a.report.year || a.number - b.number;
  const byProject = (a: Project, b: Project) =>
    (a.status === 'pagaende' ? 0 : 1) - (b.status === 'pagaende' ? 0 : 1) || compareSwedish(a.title, b.title);
  for (const item of sortedAreas) {
    (item.goals as Goal[]).sort(byGoal);
    (item.projects as Project[]).sort(byProject);
    (item.news as NewsItem[]).sort(byDateDesc);
  }
  for (const report of sortedReports) (report.goals as Goal[]).sort(byGoal);
  for (const item of projects.values()) {
    item.goals.sort(byGoal);
    item.news.sort(byDateDesc);
  }

  linkYears([...reports.values()].flatMap((report) => report.goals));

  // back-links are the graph's, not the entry's: a walk over what a page shows never follows them
  for (const item of areas.values()) hideBackLinks(item, 'goals', 'projects', 'news');
  for (const item of projects.values()) hideBackLinks(item, 'goals', 'news');
  for (const item of reports.values()) hideBackLinks(item, 'goals');
  for (const item of allNews.values()) hideBackLinks(item, 'newsletters');

  // the images of texts that are published: a draft's are made only when drafts are shown
  const textImages = new Map<string, ImageFile>();
  for (const entry of entries) {
    if (entry.kind === 'site' || ((entry.kind === 'news' || entry.kind === 'newsletter') && unpublished(entry.data) && !publishing.drafts)) continue;
    for (const body of [entry.body, ...(entry.kind === 'newsletter' ? entry.blocks : [])]) {
      for (const file of pictures.filesOf(body)) textImages.set(`${file.contentPath}#${file.hash}`, file);
    }
  }

  const statement = of('accessibility')[0];
  const navigation = mergeNavigation(
    site.data.navigation,
    [...menuPlaces].map(([menu, page]) => ({ menu, title: page.title, url: urls.page(page) })),
  );
  const graph: ContentGraph = {
    site: menuPlaces.size > 0 ? { ...site.data, navigation } : site.data,
    ...(statement ? { accessibility: bodies.bind({ ...statement.data, body: statement.body, source: statement.source }) } : {}),
    areas: sortedAreas,
    reports: sortedReports,
    goals: sortedReports.flatMap((report) => report.goals),
    projects: [...projects.values()].sort(byProject),
    news: published.sort(byDateDesc),
    newsletters: newsletters.sort((a, b) => newestFirst(a.date, b.date) || b.number - a.number),
    pages: pages.sort((a, b) => compareSwedish(a.title, b.title)),
    attachments: attachments.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
    textImages: [...textImages.values()],
  };
  return { graph: deepFreeze(graph), bodies, messages };
}
