import { access } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { build } from '../build.js';
import { defaults, type BuildOptions } from '../config.js';
import type { Newsletter } from '../content/graph.js';
import { slugPattern } from '../content/schemas.js';
import { emailFiles, gmailClipBytes } from '../email/files.js';
import { formatDate } from '../format/dates.js';
import { absoluteUrl, outputFile, urls } from '../routes/urls.js';

/*
 * `verksam newsletter <slug>`: builds the site exactly like `verksam build` (the email files
 * are part of it) and says where the files are and how large they are, so the
 * communicator knows what to paste into the mail service and that Gmail will not clip it.
 */

export interface NewsletterRequest extends Partial<BuildOptions> {
  slug: string | undefined;
}

export interface NewsletterFileReport {
  kind: 'html' | 'text' | 'web';
  /** Path as the editor finds it from the working folder ("dist/nyhetsbrev/x/email.html"). */
  path: string;
  bytes: number;
}

export type NewsletterOutcome =
  | {
      ok: true;
      /** 1 when the email is too large for Gmail: the files are written, but it must be shortened. */
      code: 0 | 1;
      newsletter: Pick<Newsletter, 'slug' | 'number' | 'title' | 'date'>;
      files: NewsletterFileReport[];
      webUrl: string;
      unsubscribeUrl?: string;
      outDir: string;
    }
  | { ok: false; code: 1 | 2; message: string };

const refuse = (code: 1 | 2, message: string) => ({ ok: false, code, message }) as const;

/** Builds the site and reports the newsletter's files. Content problems are thrown (ContentError), as `build` does. */
export async function newsletterCommand(request: NewsletterRequest): Promise<NewsletterOutcome> {
  const { slug, ...options } = request;
  if (!slug) return refuse(2, 'Ange vilket nyhetsbrev, med filnamnet utan .md: verksam newsletter 2019-1-forsta-numret');
  if (!slugPattern.test(slug)) {
    return refuse(2, `"${slug}" är inget nyhetsbrevs namn: skriv filnamnet i nyhetsbrev/ utan .md, med bara a–z, siffror och bindestreck.`);
  }
  const cwd = options.cwd ?? process.cwd();
  const result = await build(options);
  const newsletter = result.graph.newsletters.find((item) => item.slug === slug);
  if (!newsletter) {
    const contentFile = join(options.contentDir ?? defaults.contentDir, 'nyhetsbrev', `${slug}.md`);
    const exists = await access(contentFile).then(
      () => true,
      () => false,
    );
    const published = result.graph.newsletters.map((item) => item.slug);
    return refuse(
      1,
      exists
        ? `Nyhetsbrevet "${slug}" är ett utkast (draft: true) eller daterat i framtiden och publiceras inte, så det har ingen e-postversion i bygget. Förhandsvisa det med verksam dev.`
        : `Det finns inget nyhetsbrev "${slug}" (nyhetsbrev/${slug}.md). Publicerade: ${published.join(', ') || 'inga'}.`,
    );
  }
  const shown = (path: string) => relative(cwd, join(result.outDir, ...path.split('/'))).split(sep).join('/');
  const size = (path: string) => {
    const file = result.files.find((item) => item.path === path);
    if (!file) throw new Error(`the build wrote no ${path}`);
    return typeof file.contents === 'string' ? Buffer.byteLength(file.contents) : file.contents.byteLength;
  };
  const paths = emailFiles(newsletter);
  const web = outputFile(urls.newsletter(newsletter));
  const files: NewsletterFileReport[] = [
    { kind: 'html', path: shown(paths.html), bytes: size(paths.html) },
    { kind: 'text', path: shown(paths.text), bytes: size(paths.text) },
    { kind: 'web', path: shown(web), bytes: size(web) },
  ];
  return {
    ok: true,
    code: files[0]!.bytes >= gmailClipBytes ? 1 : 0,
    newsletter: { slug: newsletter.slug, number: newsletter.number, title: newsletter.title, date: newsletter.date },
    files,
    webUrl: absoluteUrl(result.graph.site.baseUrl, urls.newsletter(newsletter)),
    unsubscribeUrl: result.graph.site.newsletter?.unsubscribeUrl,
    outDir: relative(cwd, result.outDir) || '.',
  };
}

/** "33,1 kB" (1 kB = 1000 bytes, as the Gmail limit is counted here). */
export function formatSize(bytes: number): string {
  return `${(bytes / 1000).toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;
}

const labels: Record<NewsletterFileReport['kind'], string> = {
  html: 'e-postversionen: klistra in den i e-posttjänsten',
  text: 'textversionen (för e-posttjänstens fält för ren text)',
  web: 'webbversionen',
};

/** The report `verksam newsletter` prints: one line per file, then what to watch out for. */
export function formatNewsletterReport(outcome: Extract<NewsletterOutcome, { ok: true }>): { out: string[]; err: string[] } {
  const { newsletter, files } = outcome;
  const width = Math.max(...files.map((file) => file.path.length));
  const sizes = files.map((file) => formatSize(file.bytes));
  const sizeWidth = Math.max(...sizes.map((text) => text.length));
  const out = [
    `verksam: webbplatsen byggdes till ${outcome.outDir}/. Nyhetsbrevet nr ${newsletter.number}, "${newsletter.title}" (${formatDate(newsletter.date)}):`,
    ...files.map((file, index) => `  ${file.path.padEnd(width)}  ${sizes[index]!.padStart(sizeWidth)}  ${labels[file.kind]}`),
    `  Webbversionen publiceras på ${outcome.webUrl}`,
  ];
  const err: string[] = [];
  const html = files[0]!;
  if (html.bytes >= gmailClipBytes) {
    err.push(
      `${html.path}  fel  E-postversionen är ${formatSize(html.bytes)}; Gmail klipper meddelanden från ${gmailClipBytes / 1000} kB och döljer resten. Korta numret eller flytta artiklar till nästa.`,
    );
  } else {
    out.push(`  E-postversionen är under gränsen ${gmailClipBytes / 1000} kB där Gmail klipper meddelanden.`);
  }
  if (outcome.unsubscribeUrl) {
    out.push(`  Avregistreringslänken är "${outcome.unsubscribeUrl}", som e-posttjänsten fyller i (newsletter.unsubscribeUrl i site.yaml).`);
  } else {
    out.push('  Obs: e-posten har ingen avregistreringslänk. Ange e-posttjänstens platshållare som newsletter.unsubscribeUrl i site.yaml (Mailchimp: *|UNSUB|*).');
  }
  return { out, err };
}
