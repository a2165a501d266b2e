import type { Element, Root as HastRoot } from 'hast';
import type { Definition, Image, ImageReference, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { posix } from 'node:path';
import type { VFile } from 'vfile';
import type { RuleId } from '../errors.js';
import { eachElement } from './walk.js';

/*
 * Images in a body's text, as the Markdown stage sees them: each must say what it shows (alt
 * text) or be marked as decoration, and each image of the content folder is marked with the
 * file it names. Whether that file exists and what it is, is known only with the graph
 * (images/body-pictures.ts), which also makes the <picture> of it.
 *
 * An editor writes `![Barn i biblioteket](bilder/foto.jpg)`, the path inside content/ as in
 * front matter's `image.src`; `../bilder/foto.jpg`, relative to the Markdown file as Markdown
 * editors preview it, names the same file. A decorative image has no alt text and the title
 * "dekorativ": `![](bilder/ram.jpg "dekorativ")`, which every Markdown editor can write.
 */

/** The title that marks an image as decoration. */
export const decorativeTitle = 'dekorativ';

/** A problem the Markdown stage found with an image, at its place in the text given. */
export interface ImageFinding {
  ruleId: RuleId;
  reason: string;
  line: number;
  column: number;
}

declare module 'vfile' {
  interface DataMap {
    /** Set by remarkImageAlt and rehypeContentImages. */
    imageFindings: ImageFinding[];
    /** The content path of the Markdown file, when known: `./` and `../` images resolve against it. */
    contentPath: string;
  }
}

declare module 'hast' {
  interface ElementData {
    /**
     * On an <img> that names a file of the content folder: the file's path inside the folder,
     * or no path when the address leads outside it.
     */
    contentImage?: { path?: string };
  }
}

const isDecorative = (title: string | null | undefined) => title?.trim().toLowerCase() === decorativeTitle;

function report(file: VFile, finding: ImageFinding): void {
  (file.data.imageFindings ??= []).push(finding);
}

/**
 * Every Markdown image has alt text or is marked decorative (whose title is then dropped: it is
 * a mark for verksam, not a tooltip for readers). An image by reference (`![alt][foto]`) takes
 * its title from its definition.
 */
export function remarkImageAlt() {
  return (tree: MdastRoot, file: VFile) => {
    const definitions = new Map<string, Definition>();
    const images: (Image | ImageReference)[] = [];
    collectImages(tree, definitions, images);
    const decorativeDefinitions = new Set<Definition>();
    for (const image of images) {
      const definition = image.type === 'imageReference' ? definitions.get(image.identifier) : undefined;
      const title = image.type === 'image' ? image.title : definition?.title;
      const written = image.type === 'image' ? image.url : (definition?.url ?? image.identifier);
      const place = { line: image.position?.start.line ?? 1, column: image.position?.start.column ?? 1 };
      const alt = (image.alt ?? '').trim();
      if (isDecorative(title)) {
        if (image.type === 'image') image.title = null;
        else if (definition) decorativeDefinitions.add(definition);
        if (alt) {
          report(file, {
            ruleId: 'invalid-value',
            reason: `Bilden ${written} är markerad "${decorativeTitle}" men har alt-texten "${alt}"; en dekorativ bild läses inte upp. Ta bort alt-texten, eller "${decorativeTitle}" om bilden säger något.`,
            ...place,
          });
        }
        image.alt = '';
      } else if (!alt) {
        report(file, {
          ruleId: 'missing-alt',
          reason: `Bilden ${written} saknar alt-text: skriv vad bilden visar inom hakparenteserna, som ![Barn som läser i biblioteket](${written}). En bild som bara pryder sidan markeras som dekorativ: ![](${written} "${decorativeTitle}").`,
          ...place,
        });
      }
    }
    for (const definition of decorativeDefinitions) definition.title = null;
  };
}

/** A body's images (in document order) and its definitions (the first of each name), in one walk. */
function collectImages(node: MdastNodes, definitions: Map<string, Definition>, images: (Image | ImageReference)[]): void {
  if (node.type === 'definition') {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  } else if (node.type === 'image' || node.type === 'imageReference') images.push(node);
  if ('children' in node) for (const child of node.children) collectImages(child, definitions, images);
}

/** Whether an address leads away from the content (a scheme such as https:, or //host). */
const isExternal = (src: string) => /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');

/**
 * The file an image's address names, as a path inside the content folder: `bilder/foto.jpg`
 * and `/bilder/foto.jpg` from the folder itself (like `image.src` in front matter), `./` and
 * `../` from the Markdown file's folder. Undefined for an address that is not in the content
 * folder (https:, data:), `{}` for one that leads out of it.
 */
export function contentImagePath(src: string, fileContentPath = ''): { path?: string } | undefined {
  if (src === '' || isExternal(src)) return undefined;
  let path = src.replace(/[?#].*$/s, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // a lone % is the file's own name, as written
  }
  const fromFile = path.startsWith('./') || path.startsWith('../');
  const joined = posix.normalize(fromFile ? posix.join(posix.dirname(fileContentPath), path) : path.replace(/^\/+/, ''));
  return joined === '..' || joined.startsWith('../') || joined === '.' ? {} : { path: joined };
}

/**
 * Marks each <img> whose address is a file of the content folder with that file (after
 * sanitising: only what survived it is marked). An image written in HTML must have an alt
 * attribute too; `alt=""` is HTML's own mark of decoration.
 */
export function rehypeContentImages() {
  return (tree: HastRoot, file: VFile) => {
    eachElement(tree, (node, parent, index) => {
      if (node.tagName !== 'img') return;
      if (typeof node.properties.src !== 'string' || node.properties.src.trim() === '') {
        // the sanitiser took a data: or javascript: address away, or none was written: an <img>
        // without one is no image to a reader, and not valid HTML
        const start = node.position?.start;
        report(file, {
          ruleId: 'invalid-image',
          reason: `Bilden${node.properties.alt ? ` "${String(node.properties.alt)}"` : ''} har ingen adress som kan visas (adresser som data: och javascript: tas bort). Lägg bilden i bilder/ och skriv bilder/foto.jpg, eller en adress som börjar med https://.`,
          line: start?.line ?? 1,
          column: start?.column ?? 1,
        });
        parent.children.splice(index, 1);
        return true;
      }
      if (node.properties.alt === undefined || node.properties.alt === null) {
        const start = node.position?.start;
        report(file, {
          ruleId: 'missing-alt',
          reason: `Bilden ${node.properties.src} saknar alt-text: skriv alt="vad bilden visar" i <img>, eller alt="" om bilden bara pryder sidan.`,
          line: start?.line ?? 1,
          column: start?.column ?? 1,
        });
      }
      const found = contentImagePath(node.properties.src, file.data.contentPath);
      // hast-util-from-parse5 declares ElementData.position as required; ours may lack it.
      if (found) node.data = { ...node.data, contentImage: found } as NonNullable<Element['data']>;
    });
  };
}

/**
 * A frozen body's images, found once: the graph asks for them several times per body on every
 * build (problems, the files a page shows, placing pictures), and a walk of every body is the
 * costly part of building the graph from the cache. Only a frozen body (content/freeze.ts) is
 * remembered, since only its images cannot change.
 */
const imagesOfFrozen = new WeakMap<HastRoot, readonly Element[]>();

/** The images of a body that name files of the content folder, in document order. */
export function contentImages(tree: HastRoot): readonly Element[] {
  const known = imagesOfFrozen.get(tree);
  if (known) return known;
  const found: Element[] = [];
  eachElement(tree, (node) => {
    if (node.tagName === 'img' && node.data?.contentImage) found.push(node);
  });
  if (Object.isFrozen(tree)) imagesOfFrozen.set(tree, Object.freeze(found));
  return found;
}

