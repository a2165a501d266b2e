import type { EmailLink, EmailModel } from './model.js';
import { splitViewInBrowser } from './model.js';

/*
 * The closing notice, as the organisation writes it, ends with what to do to stop the
 * newsletter: "Skulle du vilja avsluta din prenumeration, klicka här." In the source email that
 * sentence was the unsubscribe link, so here it is one again: the sentence, not just "klicka
 * här", so the link says where it goes. A notice with no such sentence stays text, and the
 * unsubscribe link follows it on its own.
 */

export interface SubscriptionFooter {
  /** The notice, its last sentence a link when it asks the reader to click. */
  notice?: { before: string; link?: EmailLink; after: string };
  /** The links after the notice: unsubscribe (unless the notice carries it) and the archive. */
  links: EmailLink[];
}

/** "…, klicka här." / "Click here to unsubscribe.": a sentence that only makes sense as a link. */
const asksToClick = /\b(klicka|click)\b/i;

export function subscriptionFooter(model: Pick<EmailModel, 'subscriptionNotice' | 'unsubscribe' | 'archive'>): SubscriptionFooter {
  const { subscriptionNotice: notice, unsubscribe, archive } = model;
  if (!notice) return { links: [unsubscribe, archive].filter((link): link is EmailLink => link !== undefined) };
  const split = unsubscribe ? splitViewInBrowser(notice, unsubscribe.url) : undefined;
  if (!split || !asksToClick.test(split.link.text)) {
    return { notice: { before: notice, after: '' }, links: [unsubscribe, archive].filter((link): link is EmailLink => link !== undefined) };
  }
  return { notice: split, links: [archive] };
}
