import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFileMessage } from 'vfile-message';
import { problem } from '../content/problems.js';

/** A rendered page as the link check sees it. */
export interface PageLinks {
  path: string;
  tree: Root;
}

/** The ids on a page, for checking `#fragment` links. */
export function collectIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  return ids;
}

const linkProperty = (node: Element): string | undefined => {
  const value = node.tagName === 'img' || node.tagName === 'script' ? node.properties.src : node.properties.href;
  return typeof value === 'string' ? value : undefined;
};

/**
 * Every internal link on every page must lead to a page (and id) the build writes. A broken
 * link from Markdown names the Markdown file and line; one from a template names the page.
 * Runs before the base path is applied, so it compares root-relative paths.
 */
export function checkLinks(pages: readonly PageLinks[], assets: ReadonlySet<string>): VFileMessage[] {
  const ids = new Map(pages.map((page) => [page.path, collectIds(page.tree)]));
  const messages: VFileMessage[] = [];
  for (const page of pages) {
    visit(page.tree, 'element', (node) => {
      const link = linkProperty(node);
      if (link === undefined || link === '' || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) return;
      const url = new URL(link, `http://site${page.path}`);
      const target = decodeURIComponent(url.pathname);
      const targetPath = ids.has(target) ? target : ids.has(`${target}/`) ? `${target}/` : undefined;
      let reason: string | undefined;
      if (!targetPath && !assets.has(target)) reason = `Länken "${link}" pekar på ${target}, som inte finns på webbplatsen.`;
      else if (targetPath && url.hash.length > 1 && !ids.get(targetPath)!.has(decodeURIComponent(url.hash.slice(1)))) {
        reason = `Länken "${link}" pekar på ankaret ${url.hash}, som inte finns på ${targetPath}.`;
      }
      if (!reason) return;
      const origin = node.data?.origin;
      messages.push(
        origin
          ? problem(origin, 'broken-link', reason, node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined)
          : problem(`templates (sidan ${page.path})`, 'broken-link', reason),
      );
    });
  }
  return dedupe(messages);
}

/** A broken link in a goal shows on the goal page and the report page; report it once. */
function dedupe(messages: VFileMessage[]): VFileMessage[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const key = `${message.file}:${message.line}:${message.column}:${message.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
