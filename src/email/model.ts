import type { Root } from 'hast';
import type { Attachment, Image, Newsletter, Site, Unpublished } from '../content/graph.js';
import { formatDate } from '../format/dates.js';
import { imagePlan } from '../images/variants.js';
import { absoluteUrl, urls } from '../routes/urls.js';
import { emailBody } from './body.js';
import { layout } from './style.js';

/*
 * Everything one newsletter email says, with every URL absolute: the HTML (layout.tsx, through
 * MJML) and the plain-text version (text.ts) are both written from this, so they cannot drift
 * apart in content or links.
 */

/** A link whose text says where it goes. */
export interface EmailLink {
  text: string;
  url: string;
}

/** A picture at a fixed width (Outlook reads the width attribute, not CSS), from a file twice as wide where there is one. */
export interface EmailImage {
  url: string;
  /** Empty for a decorative image. */
  alt: string;
  /** CSS pixels as shown: at most the text column (the height follows, so a narrow screen never distorts it). */
  width: number;
  height: number;
  caption?: string;
}

export interface EmailArticle {
  title: string;
  /** The news item on the website. */
  url: string;
  image?: EmailImage;
  lead: string;
  body: Root;
}

export interface EmailBlock {
  title: string;
  body: Root;
}

export interface EmailModel {
  /** The document's <title>: "Första numret – Kommunförbundets nyhetsbrev nr 1". */
  title: string;
  /** The preview text clients show after the subject. */
  preheader: string;
  /** "Kommunförbundets nyhetsbrev" */
  name: string;
  /** "Nr 1 · 10 juni 2019" */
  issue: string;
  /** Set in the preview (verksam dev) only: a draft or an issue dated in the future. */
  unpublished?: Unpublished;
  /** "Problem att visa det? " + link "Öppna det i webbläsaren" + "." */
  viewInBrowser: { before: string; link: EmailLink; after: string };
  /** The issue's title, the email's h1. */
  heading: string;
  editorial: Root;
  articles: EmailArticle[];
  blocks: EmailBlock[];
  contact: {
    organisation: string;
    address: string[];
    phone?: EmailLink;
    email?: EmailLink;
    website?: EmailLink;
  };
  /** The site's notice on why the reader gets the newsletter, as written. */
  subscriptionNotice?: string;
  /** The mail service's unsubscribe placeholder (site.yaml newsletter.unsubscribeUrl), when set. */
  unsubscribe?: EmailLink;
  archive: EmailLink;
  /** The web version of this issue. */
  webUrl: string;
}

export const defaultViewInBrowser = 'Problem att visa det? Öppna det i webbläsaren.';

/** The absolute URL of a site path ("/nyhetsbrev/x/") under the base URL. */

/**
 * "Problem att visa det? Öppna det i webbläsaren." → the last sentence becomes the link, so
 * the link text says where it goes and the sentence before it stays as written.
 */
export function splitViewInBrowser(text: string, url: string): EmailModel['viewInBrowser'] {
  const match = /^(.*[.!?]\s+)?(.*?)([.!?]?)\s*$/s.exec(text.trim());
  const before = match?.[1] ?? '';
  const link = match?.[2] || text.trim();
  return { before, link: { text: link, url }, after: match?.[3] ?? '' };
}

/** A content image for the email: the JPEG variant the site publishes that is sharp on a high-density screen. */
export function emailImage(image: Image, baseUrl: string, maxWidth: number): EmailImage {
  const { variants } = imagePlan(image.file);
  const width = Math.min(maxWidth, image.file.width);
  const file = variants.jpeg.find((variant) => variant.width >= 2 * width) ?? variants.jpeg.at(-1)!;
  return {
    url: absoluteUrl(baseUrl, file.url),
    alt: image.decorative ? '' : image.alt,
    width,
    height: Math.max(1, Math.round((image.file.height * width) / image.file.width)),
    caption: image.caption,
  };
}

/** "https://www.kfkl.se/" → "www.kfkl.se", as the source footer writes it. */
const displayUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

/** A phone number as a tel: URL: digits and a leading +, nothing else. */
const telUrl = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function emailModel(newsletter: Newsletter, site: Site, attachments: readonly Attachment[] = []): EmailModel {
  const baseUrl = site.baseUrl;
  const name = site.newsletter?.name ?? 'Nyhetsbrev';
  const webUrl = absoluteUrl(baseUrl, urls.newsletter(newsletter));
  const mainText = { baseUrl, maxImageWidth: layout.textWidth, attachments };
  const unsubscribeUrl = site.newsletter?.unsubscribeUrl?.trim();
  const { contact } = site;
  return {
    title: `${newsletter.title} – ${name} nr ${newsletter.number}`,
    preheader: newsletter.preheader ?? `${name} nr ${newsletter.number}: ${newsletter.title}.`,
    name,
    issue: `Nr ${newsletter.number} · ${formatDate(newsletter.date)}`,
    unpublished: newsletter.unpublished,
    viewInBrowser: splitViewInBrowser(site.newsletter?.viewInBrowser ?? defaultViewInBrowser, webUrl),
    heading: newsletter.title,
    editorial: emailBody(newsletter.body, { ...mainText, topLevel: 2, pageUrl: webUrl }),
    articles: newsletter.articles.map((article) => {
      const url = absoluteUrl(baseUrl, urls.newsItem(article));
      return {
        title: article.title,
        url,
        image: article.image ? emailImage(article.image, baseUrl, layout.textWidth) : undefined,
        lead: article.lead,
        body: emailBody(article.body, { ...mainText, topLevel: 3, pageUrl: url }),
      };
    }),
    blocks: newsletter.blocks.map((block, index) => ({
      title: block.title,
      // the web version gives each block's ids this prefix (templates/newsletter.tsx)
      body: emailBody(block.body, { baseUrl, attachments, topLevel: 3, pageUrl: webUrl, idPrefix: `block-${index + 1}-`, maxImageWidth: layout.halfTextWidth }),
    })),
    contact: {
      organisation: site.organisation,
      address: contact.address ?? [],
      phone: contact.phone ? { text: contact.phone, url: telUrl(contact.phone) } : undefined,
      email: contact.email ? { text: contact.email, url: `mailto:${contact.email}` } : undefined,
      website: contact.website ? { text: displayUrl(contact.website), url: contact.website } : undefined,
    },
    subscriptionNotice: site.newsletter?.subscriptionNotice,
    unsubscribe: unsubscribeUrl ? { text: 'Avsluta prenumerationen', url: unsubscribeUrl } : undefined,
    archive: { text: `Alla nummer av ${name}`, url: absoluteUrl(baseUrl, urls.newsletters()) },
    webUrl,
  };
}
