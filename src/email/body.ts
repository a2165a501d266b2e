import type { Element, ElementContent, Properties, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { visit } from 'unist-util-visit';
import type { Attachment } from '../content/attachments.js';
import { describeAttachmentLinks } from '../render/attachment-links.js';
import { resolveLink } from '../routes/urls.js';

/*
 * A content body made fit for an email: a copy of the parsed Markdown (the graph is frozen and
 * shared with the web pages) whose every URL is absolute, whose headings sit under the email's
 * own, and which carries nothing a mail client cannot use (ids, classes, ARIA references to
 * ids, tab stops). The HTML and the plain-text version are both made from this one tree, so
 * they always carry the same text and the same URLs.
 */

export interface EmailBodyOptions {
  /** The level the body's top headings get (2 under the email's h1). */
  topLevel: number;
  /** The site's base URL, ending in "/": root-relative links ("/projekt/x/") are made absolute under it. */
  baseUrl: string;
  /**
   * The absolute URL of the web page that shows this body: relative links resolve against it,
   * and in-page links ("#fotnot-1") lead to it.
   */
  pageUrl: string;
  /** The prefix the web page gives this body's ids (the newsletter page's "block-2-"). */
  idPrefix?: string;
  /** The widest an image may be, in CSS pixels: the text column it stands in. */
  maxImageWidth: number;
  /** The site's attachments: a link to one says its type and size, as on the web page. */
  attachments?: readonly Pick<Attachment, 'url' | 'type' | 'bytes'>[];
}

/** Properties that only make sense on a web page. */
const dropped = new Set(['id', 'className', 'tabIndex', 'ariaDescribedBy', 'ariaLabelledBy', 'loading', 'decoding']);

/**
 * A URL as an email needs it: absolute. Root-relative URLs go under the base URL (so a site
 * under a sub-path keeps it), in-page links lead to the web page, anything else relative is
 * resolved against the web page, as a browser would.
 */
export function absoluteUrl(value: string, { baseUrl, pageUrl, idPrefix = '' }: Pick<EmailBodyOptions, 'baseUrl' | 'pageUrl' | 'idPrefix'>): string {
  const url = value.trim();
  if (url.startsWith('#')) return url.length > 1 ? `${pageUrl.replace(/#.*$/, '')}#${idPrefix}${url.slice(1)}` : pageUrl;
  return resolveLink(url, baseUrl, pageUrl);
}

const toNumber = (value: unknown): number | undefined => {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
};

/** An image with alt text (empty when the Markdown gave none: it is then decoration) and a fixed width. */
function fixImage(node: Element, maxWidth: number): void {
  const properties: Properties = node.properties;
  if (typeof properties.alt !== 'string') properties.alt = '';
  const width = toNumber(properties.width);
  const height = toNumber(properties.height);
  const fixed = Math.min(width ?? maxWidth, maxWidth);
  properties.width = fixed;
  properties.style = `max-width:${fixed}px`;
  // a height that no longer matches the width would distort the picture; clients keep the ratio
  if (height !== undefined && width !== undefined && width > fixed) properties.height = Math.round((height * fixed) / width);
  delete properties.srcSet;
  delete properties.sizes;
}

/** A GFM task list checkbox, which mail clients cannot show: a character instead. */
function checkbox(node: Element): ElementContent {
  return { type: 'text', value: node.properties.checked ? '☑ ' : '☐ ' };
}

export function emailBody(body: Root, options: EmailBodyOptions): Root {
  const pagePath = options.pageUrl.startsWith(options.baseUrl) ? `/${options.pageUrl.slice(options.baseUrl.length)}` : '/';
  const tree = structuredClone(describeAttachmentLinks(body, options.attachments ?? [], pagePath, options.baseUrl));
  let previous = options.topLevel - 1;
  let shift: number | undefined;
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'input' && parent && index !== undefined) {
      parent.children[index] = checkbox(node);
      return;
    }
    // mail clients know no <picture>: its JPEG <img> stands in its place, and is visited next
    const img = node.tagName === 'picture' ? node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'img') : undefined;
    if (img && parent && index !== undefined) {
      parent.children[index] = img;
      return index;
    }
    for (const name of Object.keys(node.properties)) {
      if (dropped.has(name) || name.startsWith('data')) delete node.properties[name];
    }
    const rank = headingRank(node);
    if (rank) {
      shift ??= options.topLevel - rank;
      const wanted = Math.min(6, Math.max(options.topLevel, Math.min(rank + shift, previous + 1)));
      node.tagName = `h${wanted}`;
      previous = wanted;
    }
    for (const name of ['href', 'src', 'cite'] as const) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = absoluteUrl(value, options);
    }
    if (node.tagName === 'img') fixImage(node, options.maxImageWidth);
  });
  return tree;
}
