import { emailFiles } from '../email/files.js';
import { renderNewsletterEmail, type MjmlMemo } from '../email/render.js';
import type { Extra, ExtraFile } from './extra.js';

/**
 * The email version of every newsletter issue the site publishes: `nyhetsbrev/<slug>/email.html`
 * (MJML, ready to paste into the mail service) and `email.txt` (its plain-text alternative).
 * The preview renders drafts too, marked, so an issue can be read as an email before it is sent.
 *
 * MJML is the slow part (loading it alone takes a second), so its HTML is kept by the hash of
 * the MJML document: in the session for the next update, and in the disk cache for the next
 * run. The document is everything MJML is given (the email's texts, URLs and inline styles; it
 * includes no files), and the cache's addresses cover verksam's code and MJML's locked version.
 */
export function newsletterEmailExtra(): Extra {
  let kept = new Map<string, Promise<string>>();
  let counts = { stored: 0, compiled: 0 };
  return {
    name: 'newsletter-email',
    describe: () => `newsletter-email (${counts.stored} from the cache, ${counts.compiled} compiled)`,
    paths: ({ graph }) => graph.newsletters.flatMap((newsletter) => Object.values(emailFiles(newsletter))),
    async make({ graph, emails }) {
      // the next update may reuse what this one's emails were made of, and nothing older
      const used = new Map<string, Promise<string>>();
      counts = { stored: 0, compiled: 0 };
      const address = (key: string) => emails!.address(['email-html', key]);
      const memo: MjmlMemo = {
        get: (key) => {
          let html = used.get(key) ?? kept.get(key);
          if (!html && emails) {
            const stored = emails.get<unknown>(address(key));
            if (typeof stored === 'string') {
              html = Promise.resolve(stored);
              counts.stored++;
            }
          }
          if (html) used.set(key, html);
          return html;
        },
        set: (key, html) => {
          counts.compiled++;
          // stored once compiled, before `make` returns (it awaits every email)
          if (emails) html.then((value) => emails.put(address(key), value), () => {});
          return used.set(key, html);
        },
        delete: (key) => used.delete(key),
      };
      const files: ExtraFile[] = [];
      for (const newsletter of graph.newsletters) {
        const email = await renderNewsletterEmail(newsletter, graph.site, memo, graph.attachments);
        const paths = emailFiles(newsletter);
        files.push({ path: paths.html, contents: email.html }, { path: paths.text, contents: email.text });
      }
      kept = used;
      return files;
    },
  };
}
