import type { Element } from 'hast';
import type { Image } from '../../src/content/graph.js';
import { imagePlan, mimeTypes, srcset } from '../../src/images/variants.js';

/** How wide the image is shown, for the browser to pick a file: the text column, or a card. */
export const imageSizes = {
  /** The page's text column (46rem at most), full width on a phone. */
  column: '(min-width: 50rem) 46rem, calc(100vw - 2rem)',
  /** A card in a grid of cards. */
  card: '(min-width: 72rem) 22rem, (min-width: 44rem) 45vw, calc(100vw - 2rem)',
} as const;

/**
 * An image in every size and format the site offers: AVIF and WebP for browsers that read them,
 * JPEG for the rest, with width and height so the page does not jump while it loads. An image
 * below the fold loads only when the reader gets near it.
 */
export function Picture(image: Image, options: { sizes: string; lazy: boolean; className?: string }): Element {
  const plan = imagePlan(image.file);
  const picture = (
    <picture>
      <source type={mimeTypes.avif} srcset={srcset(plan.variants.avif)} sizes={options.sizes} />
      <source type={mimeTypes.webp} srcset={srcset(plan.variants.webp)} sizes={options.sizes} />
      <img
        src={plan.fallback.url}
        srcset={srcset(plan.variants.jpeg)}
        sizes={options.sizes}
        width={String(plan.fallback.width)}
        height={String(plan.fallback.height)}
        alt={image.alt}
        loading={options.lazy ? 'lazy' : 'eager'}
        decoding="async"
      />
    </picture>
  ) as Element;
  if (!image.caption) return options.className ? ((<div class={options.className}>{picture}</div>) as Element) : picture;
  return (
    <figure class={['figure', options.className ?? ''].join(' ').trim()}>
      {picture}
      <figcaption>{image.caption}</figcaption>
    </figure>
  ) as Element;
}
