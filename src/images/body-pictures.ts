import type { Element, Root } from 'hast';
import type { VFileMessage } from 'vfile-message';
import { problem, type Point } from '../content/problems.js';
import { contentImages } from '../markdown/body-images.js';
import { rewrite } from '../render/rewrite.js';
import { isImagePath, type ImageFile, type ImageStatus } from './inspect.js';
import { imageSizes, pictureElement } from './picture.js';

/*
 * Images in a body's text, once the content folder's image files are known: each must be one
 * of them and usable (else a problem at its line), and each becomes the site's responsive
 * <picture> (images/picture.ts), exactly as an image named in front matter.
 */

/** Names what the folder holds, for a message about a file it does not. */
function knownImages(files: ReadonlyMap<string, ImageStatus>): string {
  const known = [...files.keys()].sort();
  return (known.length > 8 ? `${known.slice(0, 8).join(', ')}, …` : known.join(', ')) || 'inga';
}

export class BodyPictures {
  constructor(private readonly files: ReadonlyMap<string, ImageStatus>) {}

  /**
   * Why each image of a body cannot be shown, at its place in `file`; `at` places them all
   * instead (a newsletter block's text is a string in the front matter, whose lines are not
   * the file's).
   */
  problems(file: string, body: Root, at?: { place: Point; field: string }): VFileMessage[] {
    return contentImages(body).flatMap((element) => {
      const reason = this.unusable(element);
      if (!reason) return [];
      const start = element.position?.start;
      const place = at?.place ?? (start ? { line: start.line, column: start.column } : undefined);
      return [problem(file, 'invalid-image', `${at ? `Fältet "${at.field}": ` : ''}${reason}.`, place)];
    });
  }

  private unusable(element: Element): string | undefined {
    const written = String(element.properties.src);
    const path = element.data?.contentImage?.path;
    if (path === undefined) return `Bilden ${written} ligger utanför innehållsmappen; lägg den i content/bilder/ och skriv bilder/${written.split('/').pop()}`;
    if (!isImagePath(path)) return `Filen ${written} är ingen bild som kan visas på webbplatsen; spara den som JPEG, PNG, WebP eller AVIF`;
    const status = this.files.get(path);
    if (!status) return `Bilden ${written} finns inte: sökvägen räknas från innehållsmappen, som bilder/foto.jpg (bilder som finns: ${knownImages(this.files)})`;
    if (!status.ok) return `Bilden ${written} går inte att använda: ${status.reason}`;
    return undefined;
  }

  /** The image files a body shows, once each, in document order. */
  filesOf(body: Root): ImageFile[] {
    const files = new Map<string, ImageFile>();
    for (const element of contentImages(body)) {
      const status = this.files.get(element.data?.contentImage?.path ?? '');
      if (status?.ok) files.set(status.file.contentPath, status.file);
    }
    return [...files.values()];
  }

  /**
   * The body with each of its images as a <picture>, loaded when the reader gets near it; the
   * body itself is unchanged (it is frozen and shared), and returned as it is when it has no
   * images. An image that cannot be shown is left as it is: `problems` reports it, and a body
   * with problems is never published.
   */
  place(body: Root): Root {
    if (contentImages(body).length === 0) return body;
    return rewrite(body, (element) => {
      const path = element.data?.contentImage?.path;
      const status = path === undefined ? undefined : this.files.get(path);
      if (element.tagName !== 'img' || !status?.ok) return undefined;
      const title = element.properties.title;
      const picture = pictureElement(status.file, {
        alt: String(element.properties.alt ?? ''),
        sizes: imageSizes.column,
        lazy: true,
        title: typeof title === 'string' ? title : undefined,
      });
      // the <img> keeps the place it was written at, so a check of the page can name it
      const img = picture.children[2] as Element;
      img.position = element.position;
      img.data = { origin: element.data?.origin } as NonNullable<Element['data']>;
      return picture;
    });
  }
}
