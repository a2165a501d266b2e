import type { Definition, Link, Parent, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { plainText } from './markdown-text.js';

/*
 * Links an imported text cannot keep as links: a `javascript:` or other script or file URL
 * (which must never reach a page, whatever the site's sanitiser does later), and a link to an
 * anchor in the source document ("#footnote-1", Word's bookmarks), which no longer exists once
 * the text is split into files. Their words stay; the link goes, and the editor is told.
 * Word's footnote back-links ("↑") say nothing without their link and go entirely.
 */

const keptProtocols = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export interface RemovedLink {
  text: string;
  url: string;
  reason: 'unsafe' | 'anchor';
}

/** Whether a link target may stay: web, mail and phone links, and relative paths. */
export function isKeptUrl(url: string): boolean {
  // browsers ignore tabs, line breaks and control characters inside a scheme ("java\tscript:")
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (compact.startsWith('#')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return scheme === null || keptProtocols.has(`${scheme[1]!.toLowerCase()}:`);
}

export function removeUnkeptLinks(tree: Root): RemovedLink[] {
  const removed: RemovedLink[] = [];
  visit(tree, 'link', (node: Link, index, parent: Parent | undefined) => {
    if (!parent || index === undefined || isKeptUrl(node.url)) return undefined;
    const text = plainText(node);
    const backLink = /^#(?:foot|end)note-ref-/.test(node.url) && /^[↑^]?$/.test(text);
    const replacement: PhrasingContent[] = backLink ? [] : node.children;
    if (!backLink) removed.push({ text, url: node.url, reason: node.url.trim().startsWith('#') ? 'anchor' : 'unsafe' });
    parent.children.splice(index, 1, ...(replacement as never[]));
    return index + replacement.length;
  });
  // a reference-style link's target ("[1]: javascript:…") in a Markdown file
  visit(tree, 'definition', (node: Definition, index, parent: Parent | undefined) => {
    if (!parent || index === undefined || isKeptUrl(node.url)) return undefined;
    removed.push({ text: `[${node.label ?? node.identifier}]`, url: node.url, reason: node.url.trim().startsWith('#') ? 'anchor' : 'unsafe' });
    parent.children.splice(index, 1);
    return index;
  });
  return removed;
}
