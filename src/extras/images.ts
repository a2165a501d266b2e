import { readFile } from 'node:fs/promises';
import type { ContentGraph, Image } from '../content/graph.js';
import type { ImageFile } from '../images/inspect.js';
import { imageLimits } from '../images/inspect.js';
import { imagePlan, type Variant } from '../images/variants.js';
import type { Extra, ExtraFile } from './index.js';

/*
 * Every image a page shows, in every width and format of its plan (images/variants.ts): AVIF,
 * WebP and JPEG, made with sharp. Variants are remembered by the image's hash, so the preview
 * makes them once per image and a build makes each once.
 */

const made = new Map<string, ExtraFile[]>();

/** Variants are named after the file and its bytes: two files with the same bytes get their own. */
const keyOf = (file: ImageFile) => `${file.contentPath}#${file.hash}`;

/** Every image the site's pages show, once each. */
export function imagesOf(graph: ContentGraph): Image[] {
  const all = [...graph.areas, ...graph.projects, ...graph.news].flatMap((entry) => (entry.image ? [entry.image] : []));
  const seen = new Set<string>();
  return all.filter((image) => !seen.has(keyOf(image.file)) && seen.add(keyOf(image.file)));
}

async function variantsOf(file: ImageFile, preview: boolean): Promise<ExtraFile[]> {
  const cached = made.get(keyOf(file));
  if (cached) return cached;
  const { default: sharp } = await import('sharp');
  if (preview) sharp.cache(false);
  const bytes = await readFile(file.absolutePath);
  const plan = imagePlan(file);
  const encode = async (variant: Variant): Promise<ExtraFile> => {
    // apply the camera's rotation, drop EXIF and other metadata (it may hold a position)
    const pipeline = sharp(bytes, { limitInputPixels: imageLimits.pixels }).rotate().resize(variant.width, variant.height, { fit: 'fill' });
    const output =
      variant.format === 'avif'
        ? pipeline.avif({ quality: 55, effort: preview ? 0 : 2 })
        : variant.format === 'webp'
          ? pipeline.webp({ quality: 78, effort: preview ? 0 : 4 })
          : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, progressive: true, mozjpeg: !preview });
    return { path: variant.url.replace(/^\//, ''), contents: new Uint8Array(await output.toBuffer()) };
  };
  const files: ExtraFile[] = [];
  for (const variants of Object.values(plan.variants)) files.push(...(await Promise.all(variants.map(encode))));
  made.set(keyOf(file), files);
  return files;
}

export const images: Extra = async ({ graph, mode }) => {
  const files: ExtraFile[] = [];
  const wanted = imagesOf(graph);
  for (const image of wanted) files.push(...(await variantsOf(image.file, mode === 'dev')));
  const used = new Set(wanted.map((image) => keyOf(image.file)));
  for (const key of [...made.keys()]) if (!used.has(key)) made.delete(key);
  return files;
};
