import type { VFileMessage } from 'vfile-message';
import type { RuleId } from '../errors.js';
import { formatFileSize } from '../format/file-size.js';
import { slugify } from '../format/slug.js';
import { slugPattern } from './schemas.js';
import { warning } from './warnings.js';

/*
 * Attachments: files in content/filer/ (the statutes as a PDF, a form in Word) published as
 * they are at /filer/<name>. A link to one reads "Förbundsordning (PDF, 425 kB)", as Digg's
 * guidelines ask: the reader knows what opens and how much it weighs before following it.
 */

/** The attachments' folder in the content folder, and their place on the site. */
export const attachmentFolder = 'filer';

/** What a reader is told a file is, by its extension: the words of the link ("PDF", "Word"). */
export const attachmentTypes: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  docx: 'Word',
  doc: 'Word',
  xlsx: 'Excel',
  xls: 'Excel',
  pptx: 'PowerPoint',
  ppt: 'PowerPoint',
  odt: 'OpenDocument-text',
  ods: 'OpenDocument-kalkylark',
  odp: 'OpenDocument-presentation',
  csv: 'CSV',
  jpg: 'JPEG',
  jpeg: 'JPEG',
  png: 'PNG',
  gif: 'GIF',
  webp: 'WebP',
  avif: 'AVIF',
};

/**
 * A file over `warnBytes` is slow to fetch on a phone (a warning); one over `maxBytes` is refused:
 * GitHub takes no file larger, and every published file is held in memory while the site is built.
 */
export const attachmentLimits = { warnBytes: 20_000_000, maxBytes: 100_000_000 } as const;

/** An attachment as the site publishes it. */
export interface Attachment {
  /** Root-relative address: "/filer/forbundsordning.pdf". */
  url: string;
  /** What the link says it is: "PDF", "Word". */
  type: string;
  bytes: number;
  /** Path relative to the content folder: "filer/forbundsordning.pdf". */
  contentPath: string;
  /** Path as messages show it (relative to the working folder). */
  path: string;
  absolutePath: string;
}

export const isAttachmentPath = (contentPath: string) => contentPath.startsWith(`${attachmentFolder}/`);

/** The address of the attachment at a content path. */
export const attachmentUrl = (contentPath: string) => `/${contentPath}`;

const extensionOf = (name: string) => /\.([^./]+)$/.exec(name)?.[1];

/** Why a file in filer/ cannot be published, judged by its path alone; undefined when it can. */
export function attachmentNameProblem(contentPath: string): { ruleId: RuleId; reason: string } | undefined {
  const parts = contentPath.split('/').slice(1);
  const name = parts.at(-1)!;
  const extension = extensionOf(name);
  if (!extension || !(extension.toLowerCase() in attachmentTypes)) {
    // an HTML or SVG file from the site's own address could run scripts in the reader's browser
    return {
      ruleId: 'invalid-attachment',
      reason: `Filen "${name}" kan inte publiceras: i ${attachmentFolder}/ får bara PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.pptx, .ppt), OpenDocument (.odt, .ods, .odp), CSV och bilder (.jpg, .png, .gif, .webp, .avif) ligga. Spara den i ett av de formaten, eller flytta den ut ur innehållsmappen.`,
    };
  }
  const stem = name.slice(0, -extension.length - 1);
  const folders = parts.slice(0, -1);
  if (slugPattern.test(stem) && extension === extension.toLowerCase() && folders.every((folder) => slugPattern.test(folder))) return undefined;
  const suggestion = [...folders.map((folder) => slugify(folder) || 'mapp'), `${slugify(stem) || 'fil'}.${extension.toLowerCase()}`].join('/');
  return {
    ruleId: 'invalid-slug',
    reason: `Filnamnet "${parts.join('/')}" blir filens adress och får bara innehålla a–z, siffror och bindestreck (och en filändelse med små bokstäver); byt namn till "${suggestion}".`,
  };
}

/** Why a file of this size cannot be published; undefined when it can. */
export function attachmentSizeProblem(bytes: number): string | undefined {
  if (bytes === 0) return 'Filen är tom (0 byte); lägg in den riktiga filen eller ta bort den.';
  if (bytes > attachmentLimits.maxBytes) {
    return `Filen är ${formatFileSize(bytes)}, mer än gränsen ${formatFileSize(attachmentLimits.maxBytes)} för en bilaga. Komprimera den (för en PDF: spara med mindre bilder) eller dela upp den.`;
  }
  return undefined;
}

/** What a link to the attachment adds to its text: "PDF, 425 kB". */
export const attachmentLabel = (attachment: Pick<Attachment, 'type' | 'bytes'>) => `${attachment.type}, ${formatFileSize(attachment.bytes)}`;

/**
 * A link in a body as it was written relative to its own file (`../filer/stadgar.pdf` in
 * sidor/om-oss.md, what a Markdown editor's preview follows), as the attachment's address;
 * undefined for any other link. Pages' addresses do not mirror the content folder, so a
 * relative link to an attachment would otherwise break on every page but a few.
 */
export function attachmentHref(href: string, contentPath: string): string | undefined {
  if (href === '' || href.startsWith('/') || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  const url = URL.parse(href, `http://content/${contentPath}`);
  if (!url || !url.pathname.startsWith(`/${attachmentFolder}/`)) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Attachments a reader would wait long for: a warning for `verksam check`. */
export function attachmentWarnings(attachments: readonly Attachment[]): VFileMessage[] {
  return attachments
    .filter((attachment) => attachment.bytes > attachmentLimits.warnBytes)
    .map((attachment) =>
      warning(
        attachment.path,
        'large-attachment',
        `Filen är ${formatFileSize(attachment.bytes)}, mer än ${formatFileSize(attachmentLimits.warnBytes)}: den tar lång tid att hämta i en mobil. Komprimera den (för en PDF: spara med mindre bilder) eller dela upp den.`,
      ),
    );
}
