import type { Element } from 'hast';
import type { Image } from '../../src/content/graph.js';
import { imageSizes, pictureElement } from '../../src/images/picture.js';

export { imageSizes };

/**
 * A front-matter image: the site's <picture> (images/picture.ts), with its caption under it
 * when it has one. An image below the fold loads only when the reader gets near it.
 */
export function Picture(image: Image, options: { sizes: string; lazy: boolean; className?: string }): Element {
  const picture = pictureElement(image.file, { alt: image.alt, sizes: options.sizes, lazy: options.lazy });
  if (!image.caption) return options.className ? ((<div class={options.className}>{picture}</div>) as Element) : picture;
  return (
    <figure class={['figure', options.className ?? ''].join(' ').trim()}>
      {picture}
      <figcaption>{image.caption}</figcaption>
    </figure>
  ) as Element;
}
