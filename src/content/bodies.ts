import type { Root } from 'hast';
import type { BodyPictures } from '../images/body-pictures.js';
import { contentImages } from '../markdown/body-images.js';
import type { Entry } from './entries.js';
import { sectionHeadings, type GoalSection, type GoalText } from './goal-sections.js';

/*
 * The text of each entry (its Markdown body as hast, and what is made of it: a goal's sections,
 * a newsletter's blocks), held apart from the graph's structure. The graph's objects read their
 * text from here, so an edit that changes only the text, by far the most common edit, can keep
 * the graph and its routes: the preview swaps the text in and renders the
 * pages that show it (see session.ts). Any other change builds the graph anew.
 */

/** The fields of an entry that hold its text; everything else is its structure. */
export const textParts = ['body', 'intro', 'sections', 'blocks'] as const;

export interface BodyParts {
  body: Root;
  intro?: Root;
  sections?: readonly GoalSection[];
  blocks?: readonly { title: string; body: Root }[];
}

type WithText = Exclude<Entry, { kind: 'site' }>;

export class EntryBodies {
  private readonly parts = new Map<string, BodyParts>();
  /** By file: the image files its text shows and their hashes, which its pages' keys depend on. */
  private readonly imageStamps = new Map<string, string>();

  /**
   * `goalText` splits a goal's body into its sections, as the site names them; `pictures` makes
   * the images in a text the site's <picture>s.
   */
  constructor(
    private readonly goalText: (goal: Extract<WithText, { kind: 'goal' }>) => GoalText,
    private readonly pictures?: BodyPictures,
  ) {}

  /** Takes in (or replaces) an entry's text. */
  set(entry: WithText): void {
    const place = (body: Root) => this.pictures?.place(body) ?? body;
    const parts: BodyParts = { body: place(entry.body) };
    if (entry.kind === 'goal') Object.assign(parts, this.goalText({ ...entry, body: parts.body }));
    const blocks = entry.kind === 'newsletter' ? entry.blocks : [];
    if (entry.kind === 'newsletter') {
      parts.blocks = Object.freeze(entry.data.blocks.map((block, index) => Object.freeze({ title: block.title, body: place(entry.blocks[index]!) })));
    }
    this.parts.set(entry.source.file, Object.freeze(parts));
    const files = this.pictures ? [entry.body, ...blocks].flatMap((body) => this.pictures!.filesOf(body)) : [];
    if (files.length > 0) this.imageStamps.set(entry.source.file, files.map((file) => `${file.contentPath}#${file.hash}`).join(','));
    else this.imageStamps.delete(entry.source.file);
  }

  /**
   * What the images a file's text shows are, as a string that changes when one of them does
   * (empty when it shows none): a page's key holds it beside the hash of the file's text.
   */
  imageStamp(file: string): string {
    return this.imageStamps.get(file) ?? '';
  }

  /** Whether a new version of an entry differs from the one taken in only in its text. */
  static sameExceptText(before: WithText, after: WithText): boolean {
    // built field by field: an entry from the cache and one just parsed hold the same fields in another order
    const structure = (entry: WithText) =>
      JSON.stringify([
        entry.kind,
        entry.slug,
        'year' in entry ? entry.year : null,
        entry.source.file,
        { ...entry.data, blocks: entry.kind === 'newsletter' ? entry.data.blocks.map((block) => block.title) : undefined },
        // a goal's `##` headings decide its sections, which the graph checks
        entry.kind === 'goal' ? sectionHeadings(entry.body) : null,
        // the graph checks the image files a text names, and the site makes their variants
        [entry.body, ...(entry.kind === 'newsletter' ? entry.blocks : [])].map(imageFilesNamed),
      ]);
    return structure(before) === structure(after);
  }

  /** Makes `object`'s text properties read from here: what `set` later takes in, the object shows. */
  bind<T extends { source: { file: string } }>(object: T): T {
    const file = object.source.file;
    const current = this.parts.get(file);
    if (!current) throw new Error(`no text taken in for ${file}`);
    for (const key of Object.keys(current) as (keyof BodyParts)[]) {
      if (!(key in object)) continue;
      Object.defineProperty(object, key, { get: () => this.parts.get(file)![key], enumerable: true, configurable: false });
    }
    return object;
  }
}

const imageFilesNamed = (body: Root) => contentImages(body).map((element) => element.data?.contentImage?.path ?? null);
