import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { imageExtensions } from '../content/schemas.js';

/*
 * Images are the one kind of content that is not text: this module reads them (the only place
 * besides load.ts that reads the content folder), once per file and change, and tells the
 * content stage what each is — its size in pixels and a hash of its bytes — or why it cannot be
 * used. Making the variants (sizes and formats) is the images extra's job, after rendering.
 */

/** An image file in the content folder that can be used. */
export interface ImageFile {
  /** Path relative to the content folder, "bilder/foto.jpg": what `image.src` names. */
  contentPath: string;
  /** Path as messages show it (relative to the working folder). */
  path: string;
  absolutePath: string;
  /** Size in pixels as shown, after the camera's rotation (EXIF orientation) is applied. */
  width: number;
  height: number;
  format: string;
  /** The first 10 hex digits of the SHA-1 of the bytes: part of every variant's address. */
  hash: string;
}

/** What inspecting one image file found: the file, or the reason it cannot be used. */
export type ImageStatus = { ok: true; file: ImageFile } | { ok: false; contentPath: string; reason: string };

/** Limits that keep one image from stalling a build or filling the site. */
export const imageLimits = {
  /** Bytes of one file. */
  fileBytes: 25 * 1024 * 1024,
  /** Pixels of one image (width × height): a 50-megapixel camera's full frame. */
  pixels: 50_000_000,
} as const;

const extensions = new Set<string>(imageExtensions);

/** Whether a content path is an image file verksam reads (by its extension). */
export function isImagePath(contentPath: string): boolean {
  return extensions.has(contentPath.split('.').pop()?.toLowerCase() ?? '');
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

/** Checks one image's bytes: readable, whole, and within the limits. */
export async function inspectImage(bytes: Uint8Array): Promise<{ width: number; height: number; format: string } | { reason: string }> {
  if (bytes.byteLength > imageLimits.fileBytes) {
    return { reason: `filen är ${megabytes(bytes.byteLength)}, mer än gränsen ${megabytes(imageLimits.fileBytes)}; spara bilden mindre (t.ex. 2 400 pixlar bred)` };
  }
  const { default: sharp } = await import('sharp');
  try {
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    const width = metadata.autoOrient?.width ?? metadata.width;
    const height = metadata.autoOrient?.height ?? metadata.height;
    if (!width || !height) return { reason: 'bilden har ingen storlek i pixlar' };
    if (width * height > imageLimits.pixels) {
      const megapixels = Math.round((width * height) / 1_000_000);
      return { reason: `bilden är ${width} × ${height} pixlar (${megapixels} megapixlar), mer än gränsen ${imageLimits.pixels / 1_000_000} megapixlar; spara den mindre` };
    }
    // Decode every pixel: a truncated or damaged file fails here, not halfway through a build.
    await sharp(bytes, { limitInputPixels: imageLimits.pixels, failOn: 'truncated' }).stats();
    return { width, height, format: metadata.format };
  } catch (error) {
    return { reason: `filen går inte att läsa som bild: ${unreadableImage(error instanceof Error ? error.message : String(error))}; spara om den som JPEG eller PNG` };
  }
}

/**
 * Why sharp could not read an image, in the editor's words: its messages are English and name
 * the decoder ("VipsJpeg: premature end of JPEG image"), which tells an editor nothing.
 */
export function unreadableImage(sharpMessage: string): string {
  const message = sharpMessage.toLowerCase();
  if (message.includes('unsupported image format')) return 'den är inte en bild i något format som verksam kan läsa (JPEG, PNG, WebP eller AVIF), trots filnamnet';
  if (message.includes('buffer is empty')) return 'den är tom';
  if (message.includes('pixel limit')) return `den har fler pixlar än gränsen ${imageLimits.pixels / 1_000_000} megapixlar`;
  return 'den är trasig eller ofullständig, t.ex. avbruten när den laddades ner eller kopierades';
}

/**
 * Inspects the image files of a content folder and remembers each by size and modification
 * time, so a preview that rebuilds on every save reads an image again only when it changed.
 */
export class ImageInspector {
  private readonly known = new Map<string, { stamp: string; status: ImageStatus }>();

  /**
   * The status of every image among `contentPaths` (paths relative to `contentDir`); other
   * files are skipped. Paths in the result are relative to the content folder.
   */
  async inspect(contentDir: string, cwd: string, contentPaths: Iterable<string>): Promise<ReadonlyMap<string, ImageStatus>> {
    const result = new Map<string, ImageStatus>();
    const wanted = [...contentPaths].filter(isImagePath).sort();
    for (const contentPath of wanted) {
      const absolutePath = resolve(contentDir, contentPath);
      const info = await stat(absolutePath).catch(() => undefined);
      if (!info?.isFile()) continue;
      const stamp = `${info.size}:${info.mtimeMs}`;
      const cached = this.known.get(contentPath);
      if (cached?.stamp === stamp) {
        result.set(contentPath, cached.status);
        continue;
      }
      const bytes = await readFile(absolutePath);
      const found = await inspectImage(bytes);
      const path = relative(cwd, absolutePath).split(sep).join('/') || absolutePath;
      const status: ImageStatus =
        'reason' in found
          ? { ok: false, contentPath, reason: found.reason }
          : {
              ok: true,
              file: {
                contentPath,
                path,
                absolutePath,
                ...found,
                hash: createHash('sha1').update(bytes).digest('hex').slice(0, 10),
              },
            };
      this.known.set(contentPath, { stamp, status });
      result.set(contentPath, status);
    }
    for (const contentPath of [...this.known.keys()]) if (!result.has(contentPath)) this.known.delete(contentPath);
    return result;
  }
}
