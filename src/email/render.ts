import { createHash } from 'node:crypto';
import { toHtml } from 'hast-util-to-html';
import type { Attachment, Newsletter, Site } from '../content/graph.js';
import { newsletterMjml } from './layout.js';
import { emailModel } from './model.js';
import { newsletterText } from './text.js';

/*
 * One newsletter → its email: the MJML document (validated at MJML's strict level), the HTML a
 * communicator pastes into the mail service, and the plain-text alternative.
 */

export interface RenderedEmail {
  /** The MJML source. */
  mjml: string;
  html: string;
  text: string;
}

/** Thrown when MJML refuses the document: a bug in layout.tsx, never the editor's content. */
export class EmailTemplateError extends Error {
  override name = 'EmailTemplateError';
}

/**
 * MJML results by a hash of their source: the preview (verksam dev) renders every email on
 * every save, and MJML is the slow part. Whoever renders many times keeps one (the newsletter
 * extra keeps one per session), so an unchanged newsletter costs nothing the second time.
 */
export type MjmlMemo = Pick<Map<string, Promise<string>>, 'get' | 'set' | 'delete'>;

/** mjml takes a third of a second to load: only a build with a newsletter loads it, once. */
let loaded: Promise<typeof import('mjml').default> | undefined;
const loadMjml = () => (loaded ??= import('mjml').then((module) => module.default));

/** MJML source → email HTML: strict validation, no web fonts, no comments but Outlook's conditionals. */
export function compileMjml(source: string, memo: MjmlMemo = new Map()): Promise<string> {
  const key = createHash('sha1').update(source).digest('hex');
  const cached = memo.get(key);
  if (cached) return cached;
  const compiled = (async () => {
    const mjml2html = await loadMjml();
    let html: string;
    try {
      ({ html } = await mjml2html(source, { validationLevel: 'strict', fonts: {}, keepComments: false, ignoreIncludes: true }));
    } catch (error) {
      memo.delete(key);
      throw new EmailTemplateError(`MJML refused the newsletter email: ${error instanceof Error ? error.message : String(error)}`);
    }
    // MJML resets the body's margin in a <style> only: write it inline too, for clients that strip <style>
    return html.replace(/<body style="/, '<body style="margin:0;padding:0;');
  })();
  memo.set(key, compiled);
  return compiled;
}

/** The email of one newsletter, for a site whose base URL is final (every URL is made absolute from it). */
export async function renderNewsletterEmail(newsletter: Newsletter, site: Site, memo?: MjmlMemo, attachments: readonly Attachment[] = []): Promise<RenderedEmail> {
  const model = emailModel(newsletter, site, attachments);
  const mjml = toHtml(newsletterMjml(model));
  const html = await compileMjml(mjml, memo);
  return { mjml, html, text: newsletterText(model) };
}
