import type { Newsletter } from '../content/graph.js';
import { urls } from '../routes/urls.js';

/** Gmail clips a message whose HTML is larger than this ("102 kB"); we count 1 kB = 1000 bytes, the stricter reading. */
export const gmailClipBytes = 102_000;

/** The email files of a newsletter, relative to the output folder: beside its web version. */
export function emailFiles(newsletter: Pick<Newsletter, 'slug'>): { html: string; text: string } {
  const folder = urls.newsletter(newsletter).replace(/^\//, '');
  return { html: `${folder}email.html`, text: `${folder}email.txt` };
}

/** The root-relative URL of a newsletter's email version, for links on the site. */
export const emailUrl = (newsletter: Pick<Newsletter, 'slug'>): string => `/${emailFiles(newsletter).html}`;
