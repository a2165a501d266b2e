import { slugify } from '../format/slug.js';
import { urls } from '../routes/urls.js';
import type { ImageFile } from './inspect.js';

/*
 * Which sizes and formats of an image the site offers, as a pure function of the image: the
 * templates write <picture> from it and the images extra makes exactly these files.
 */

/** Widths offered, in CSS pixels; an image is never made wider than it is. */
export const variantWidths = [480, 800, 1200, 1600] as const;

/** Newest formats first: a browser takes the first <source> it understands; JPEG is the fallback. */
export const variantFormats = ['avif', 'webp', 'jpeg'] as const;
export type VariantFormat = (typeof variantFormats)[number];

export const mimeTypes: Record<VariantFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

export interface Variant {
  format: VariantFormat;
  width: number;
  height: number;
  /** Root-relative URL of the file. */
  url: string;
}

export interface ImagePlan {
  /** Every variant, by format, narrowest first. */
  variants: Record<VariantFormat, Variant[]>;
  /** The widest JPEG: the <img> fallback and the social-media image. */
  fallback: Variant;
}

/** The widths an image of `width` pixels is offered in. */
export function widthsFor(width: number): number[] {
  const widest = Math.min(width, variantWidths.at(-1)!);
  const widths: number[] = variantWidths.filter((candidate) => candidate < widest);
  widths.push(widest);
  return widths;
}

/** The variants of an image: every width in every format, at addresses that change with the bytes. */
export function imagePlan(file: Pick<ImageFile, 'contentPath' | 'width' | 'height' | 'hash'>): ImagePlan {
  const name = slugify(file.contentPath.split('/').pop()!.replace(/\.[^.]+$/, '')) || 'bild';
  const variants = Object.fromEntries(
    variantFormats.map((format) => [
      format,
      widthsFor(file.width).map((width) => ({
        format,
        width,
        height: Math.max(1, Math.round((file.height * width) / file.width)),
        url: urls.image(name, file.hash, width, format === 'jpeg' ? 'jpg' : format),
      })),
    ]),
  ) as Record<VariantFormat, Variant[]>;
  return { variants, fallback: variants.jpeg.at(-1)! };
}

/** A srcset attribute's value: "url 480w, url 800w". */
export function srcset(variants: readonly Variant[]): string {
  return variants.map((variant) => `${variant.url} ${variant.width}w`).join(', ');
}
