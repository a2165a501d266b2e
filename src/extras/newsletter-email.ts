import { emailFiles } from '../email/files.js';
import { renderNewsletterEmail, type MjmlMemo } from '../email/render.js';
import type { Extra, ExtraFile } from './extra.js';

/**
 * The email version of every newsletter issue the site publishes: `nyhetsbrev/<slug>/email.html`
 * (MJML, ready to paste into the mail service) and `email.txt` (its plain-text alternative).
 * The preview renders drafts too, marked, so an issue can be read as an email before it is sent.
 */
export function newsletterEmailExtra(): Extra {
  let kept = new Map<string, Promise<string>>();
  return {
    name: 'newsletter-email',
    paths: ({ graph }) => graph.newsletters.flatMap((newsletter) => Object.values(emailFiles(newsletter))),
    async make({ graph }) {
      // the next update may reuse what this one's emails were made of, and nothing older
      const used = new Map<string, Promise<string>>();
      const memo: MjmlMemo = {
        get: (key) => {
          const html = used.get(key) ?? kept.get(key);
          if (html) used.set(key, html);
          return html;
        },
        set: (key, html) => used.set(key, html),
        delete: (key) => used.delete(key),
      };
      const files: ExtraFile[] = [];
      for (const newsletter of graph.newsletters) {
        const email = await renderNewsletterEmail(newsletter, graph.site, memo);
        const paths = emailFiles(newsletter);
        files.push({ path: paths.html, contents: email.html }, { path: paths.text, contents: email.text });
      }
      kept = used;
      return files;
    },
  };
}
