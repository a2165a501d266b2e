import { isImagePath } from '../images/inspect.js';
import { slugify } from '../format/slug.js';
import { editDistance } from './validate.js';

/*
 * What verksam reads at the top of the content folder. Anything else there is skipped: a
 * Markdown file gets an error where it lies (entries.ts), and a folder or file of another kind
 * gets a warning (`unreadPlaces`), so nothing vanishes from the site without a word. Images
 * are read wherever they lie: an `image.src` may name any folder.
 */

/** The folders verksam reads, and what each holds. */
export const contentFolders = {
  omraden: 'text',
  projekt: 'text',
  nyheter: 'text',
  nyhetsbrev: 'text',
  verksamhetsberattelse: 'text',
  sidor: 'text',
  filer: 'attachments',
  bilder: 'images',
} as const satisfies Record<string, 'text' | 'attachments' | 'images'>;

export type ContentFolder = keyof typeof contentFolders;

export const knownFolders = Object.keys(contentFolders) as ContentFolder[];

/** The folders of Markdown files, where a file of another kind is surely misplaced. */
export const textFolders: ReadonlySet<string> = new Set(knownFolders.filter((folder) => contentFolders[folder] === 'text'));

/** The files verksam reads at the top of the content folder. */
export const topFiles = ['site.yaml', 'tillganglighet.md'] as const;

/** Words editors are likely to give a folder for what verksam keeps in a known one. */
const folderSynonyms: Record<string, ContentFolder> = {
  bilagor: 'filer',
  bilaga: 'filer',
  dokument: 'filer',
  pdf: 'filer',
  files: 'filer',
  bild: 'bilder',
  foton: 'bilder',
  images: 'bilder',
  sida: 'sidor',
  pages: 'sidor',
  news: 'nyheter',
  mal: 'verksamhetsberattelse',
  arsredovisning: 'verksamhetsberattelse',
};

/** The known folder an editor most likely meant by `name` ("Nyheter", "nyhet", "bilagor"), if any. */
export function suggestFolder(name: string): ContentFolder | undefined {
  const slug = slugify(name);
  if (!slug) return undefined;
  if ((knownFolders as string[]).includes(slug)) return slug as ContentFolder;
  if (folderSynonyms[slug]) return folderSynonyms[slug];
  let best: ContentFolder | undefined;
  let bestDistance = Infinity;
  for (const folder of knownFolders) {
    // "nyhet" for "nyheter", "verksamhetsberattelser" for "verksamhetsberattelse"
    const distance = folder.startsWith(slug) || slug.startsWith(folder) ? Math.abs(folder.length - slug.length) : editDistance(slug, folder);
    if (distance < bestDistance) {
      best = folder;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(slug.length / 3)) ? best : undefined;
}

/** A folder or file at the top of the content folder that verksam does not read. */
export interface UnreadPlace {
  /** Its name at the top of the content folder. */
  name: string;
  folder: boolean;
  /** The known folder the editor may have meant. */
  suggestion?: ContentFolder;
}

/**
 * The folders and files at the top of the content folder that verksam does not read, from
 * the content paths of every file in it (hidden files are not among them: load.ts skips them).
 * A folder of nothing but images is read (images may lie anywhere); a Markdown file at the top
 * is not here, since it is an error of its own.
 */
export function unreadPlaces(contentPaths: Iterable<string>): UnreadPlace[] {
  const places = new Map<string, UnreadPlace>();
  for (const contentPath of contentPaths) {
    const [top, ...rest] = contentPath.split('/') as [string, ...string[]];
    const folder = rest.length > 0;
    if (folder ? top in contentFolders : (topFiles as readonly string[]).includes(top) || top.endsWith('.md')) continue;
    if (isImagePath(contentPath) || places.has(top)) continue;
    const suggestion = folder ? suggestFolder(top) : undefined;
    places.set(top, { name: top, folder, ...(suggestion ? { suggestion } : {}) });
  }
  return [...places.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The known folders as a message lists them. */
export const knownFolderList = knownFolders.map((folder) => `${folder}/`).join(', ');
