import type { Element } from 'hast';
import { h } from 'hastscript';
import type { ImageFile } from './inspect.js';
import { imagePlan, mimeTypes, srcset } from './variants.js';

/*
 * The one <picture> every image of the site is shown as, whether an entry's front matter names
 * it (templates/parts/picture.tsx) or its text does (images/body-pictures.ts).
 */

/** How wide the image is shown, for the browser to pick a file: the text column, or a card. */
export const imageSizes = {
  /** The page's text column (46rem at most), full width on a phone. */
  column: '(min-width: 50rem) 46rem, calc(100vw - 2rem)',
  /** A card in a grid of cards. */
  card: '(min-width: 72rem) 22rem, (min-width: 44rem) 45vw, calc(100vw - 2rem)',
} as const;

export interface PictureOptions {
  /** Empty for an image that only decorates (screen readers then skip it). */
  alt: string;
  sizes: string;
  /** Loaded only when the reader gets near it: every image but one at the top of its page. */
  lazy: boolean;
  title?: string;
}

/**
 * An image in every size and format the site offers: AVIF and WebP for browsers that read them,
 * JPEG for the rest, with width and height so the page does not jump while it loads.
 */
export function pictureElement(file: Pick<ImageFile, 'contentPath' | 'width' | 'height' | 'hash'>, options: PictureOptions): Element {
  const plan = imagePlan(file);
  return h('picture', [
    h('source', { type: mimeTypes.avif, srcset: srcset(plan.variants.avif), sizes: options.sizes }),
    h('source', { type: mimeTypes.webp, srcset: srcset(plan.variants.webp), sizes: options.sizes }),
    h('img', {
      src: plan.fallback.url,
      srcset: srcset(plan.variants.jpeg),
      sizes: options.sizes,
      width: String(plan.fallback.width),
      height: String(plan.fallback.height),
      alt: options.alt,
      ...(options.title ? { title: options.title } : {}),
      loading: options.lazy ? 'lazy' : 'eager',
      decoding: 'async',
    }),
  ]);
}
