import type { ElementContent, Root } from 'hast';
import { attachmentLabel, type Attachment } from '../content/attachments.js';
import { rewrite } from './rewrite.js';

/**
 * Every link to an attachment says what it opens and how large it is, "Förbundsordning (PDF,
 * 425 kB)", as Digg's guidelines ask, from the file itself: an editor never writes (or forgets to
 * update) a size. Run on a finished page, before the base path is applied, so every link is
 * root-relative or relative to the page; with `baseUrl`, a link written with the site's own
 * address (https://exempel.se/filer/x.pdf) is one too. The tree is shared with other pages and
 * left as it is.
 */
export function describeAttachmentLinks(tree: Root, attachments: readonly Pick<Attachment, 'url' | 'type' | 'bytes'>[], pagePath: string, baseUrl?: string): Root {
  if (attachments.length === 0) return tree;
  const byUrl = new Map(attachments.map((attachment) => [attachment.url, attachment]));
  const page = `http://site${pagePath}`;
  return rewrite(tree, (node) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return undefined;
    const path = sitePath(node.properties.href, page, baseUrl);
    const attachment = path === undefined ? undefined : byUrl.get(path);
    if (!attachment) return undefined;
    return { ...node, children: withLabel(node.children, attachmentLabel(attachment), attachment.type) };
  });
}

/** The decoded root-relative path a link leads to on the site; undefined for another site's. */
function sitePath(href: string, page: string, baseUrl: string | undefined): string | undefined {
  let url: URL | null | undefined = URL.parse(href, page);
  if (url && url.origin !== 'http://site' && baseUrl) {
    // the site's own address written out in full is the site, as the published page resolves it
    const base = new URL(baseUrl);
    url = url.origin === base.origin && url.pathname.startsWith(base.pathname) ? URL.parse(`/${url.pathname.slice(base.pathname.length)}`, 'http://site') : undefined;
  }
  if (!url || url.origin !== 'http://site') return undefined;
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return undefined; // the link check reports the malformed escape
  }
}

/**
 * The link's text with the label at its end. A label the editor wrote by hand ("(PDF, 2 MB)",
 * "(pdf-fil)") is replaced, so the reader sees one, with the file's real size.
 */
function withLabel(children: readonly ElementContent[], label: string, type: string): ElementContent[] {
  const last = children.at(-1);
  const written = new RegExp(`\\s*\\(\\s*${type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b[^()]*\\)\\s*$`, 'i');
  if (last?.type === 'text' && written.test(last.value)) {
    const kept = last.value.replace(written, '');
    return [...children.slice(0, -1), { type: 'text', value: `${kept}${kept === '' && children.length === 1 ? '' : ' '}(${label})` }];
  }
  return [...children, { type: 'text', value: ` (${label})` }];
}
