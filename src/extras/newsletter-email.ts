import { emailFiles } from '../email/files.js';
import { renderNewsletterEmail } from '../email/render.js';
import type { Extra, ExtraFile } from './index.js';

/**
 * The email version of every newsletter issue the site publishes: `nyhetsbrev/<slug>/email.html`
 * (MJML, ready to paste into the mail service) and `email.txt` (its plain-text alternative).
 * The preview renders drafts too, marked, so an issue can be read as an email before it is sent.
 */
export const newsletterEmail: Extra = async ({ graph }) => {
  const files: ExtraFile[] = [];
  for (const newsletter of graph.newsletters) {
    const email = await renderNewsletterEmail(newsletter, graph.site);
    const paths = emailFiles(newsletter);
    files.push({ path: paths.html, contents: email.html }, { path: paths.text, contents: email.text });
  }
  return files;
};
