import { attachmentsExtra } from './attachments.js';
import type { Extra } from './extra.js';
import { faviconExtra } from './favicon.js';
import { feedsExtra } from './feeds.js';
import { imagesExtra, type ImageVariants } from './images.js';
import { newsletterEmailExtra } from './newsletter-email.js';
import { searchExtra } from './search.js';
import { sitemapExtra } from './sitemap.js';

export type { Extra, ExtraContext, ExtraFile } from './extra.js';

/** The extras of one session, in the order they run; each remembers what it made for that session only. */
export function createExtras(shared: { imageVariants?: ImageVariants } = {}): Extra[] {
  return [imagesExtra(shared.imageVariants), attachmentsExtra(), feedsExtra(), sitemapExtra(), faviconExtra(), newsletterEmailExtra(), searchExtra()];
}
