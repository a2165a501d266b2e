import type { Root } from 'hast';
import { attachmentLabel, type Attachment } from '../content/attachments.js';
import { rewrite } from './rewrite.js';

/**
 * Every link to an attachment says what it opens and how large it is, "Förbundsordning (PDF,
 * 425 kB)", as Digg's guidelines ask, from the file itself: an editor never writes (or forgets to
 * update) a size. Run on a finished page, before the base path is applied, so every link is
 * root-relative or relative to the page. The tree is shared with other pages and left as it is.
 */
export function describeAttachmentLinks(tree: Root, attachments: readonly Pick<Attachment, 'url' | 'type' | 'bytes'>[], pagePath: string): Root {
  if (attachments.length === 0) return tree;
  const byUrl = new Map(attachments.map((attachment) => [attachment.url, attachment]));
  const page = `http://site${pagePath}`;
  return rewrite(tree, (node) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return undefined;
    const url = URL.parse(node.properties.href, page);
    if (!url || url.origin !== 'http://site') return undefined;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return undefined; // the link check reports the malformed escape
    }
    const attachment = byUrl.get(path);
    if (!attachment) return undefined;
    return { ...node, children: [...node.children, { type: 'text', value: ` (${attachmentLabel(attachment)})` }] };
  });
}
