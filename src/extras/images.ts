import { readFile } from 'node:fs/promises';
import type { ContentGraph } from '../content/graph.js';
import type { ImageFile } from '../images/inspect.js';
import { imageLimits } from '../images/inspect.js';
import { imagePlan, type Variant } from '../images/variants.js';
import type { Extra, ExtraFile } from './extra.js';

/*
 * Every image a page shows, in every width and format of its plan (images/variants.ts): AVIF,
 * WebP and JPEG, made with sharp. Variants are remembered by the image's hash, so the preview
 * makes them once per image and a build makes each once.
 */

/** Variants are named after the file and its bytes: two files with the same bytes get their own. */
const keyOf = (file: ImageFile) => `${file.contentPath}#${file.hash}`;

/** Every image file the site's pages show, once each: those named in front matter and in texts. */
export function imagesOf(graph: ContentGraph): ImageFile[] {
  const named = [...graph.areas, ...graph.projects, ...graph.news].flatMap((entry) => (entry.image ? [entry.image.file] : []));
  const seen = new Set<string>();
  return [...named, ...(graph.textImages ?? [])].filter((file) => !seen.has(keyOf(file)) && seen.add(keyOf(file)));
}

async function variantsOf(file: ImageFile, preview: boolean): Promise<ExtraFile[]> {
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
  return files;
}

/**
 * Image variants made so far, by image file and hash. A variant depends on nothing but the
 * image's bytes, so sessions may share a store when they are handed one (tests that build the
 * same images many times do); each session otherwise has its own.
 */
export class ImageVariants {
  private readonly made = new Map<string, ExtraFile[]>();

  async of(file: ImageFile, preview: boolean): Promise<ExtraFile[]> {
    const key = `${keyOf(file)}#${preview}`;
    let files = this.made.get(key);
    if (!files) this.made.set(key, (files = await variantsOf(file, preview)));
    return files;
  }

  /** Forgets the variants of images no longer shown. */
  keepOnly(files: readonly ImageFile[], preview: boolean): void {
    const used = new Set(files.map((file) => `${keyOf(file)}#${preview}`));
    for (const key of [...this.made.keys()]) if (key.endsWith(`#${preview}`) && !used.has(key)) this.made.delete(key);
  }
}

export function imagesExtra(variants = new ImageVariants()): Extra {
  return {
    name: 'images',
    paths: ({ graph }) => imagesOf(graph).flatMap((file) => Object.values(imagePlan(file).variants).flatMap((list) => list.map((variant) => variant.url.replace(/^\//, '')))),
    async make({ graph, mode }) {
      const preview = mode === 'dev';
      const files: ExtraFile[] = [];
      const wanted = imagesOf(graph);
      for (const file of wanted) files.push(...(await variants.of(file, preview)));
      variants.keepOnly(wanted, preview);
      return files;
    },
  };
}
