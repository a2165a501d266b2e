import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

const urlProperties = ['href', 'src', 'action', 'poster'] as const;

/**
 * Puts the site's base path in front of every root-relative URL of a finished page, so a site
 * published under a sub-path (https://org.github.io/repo/) keeps every link inside it.
 * Templates and content write "/nyheter/"; only this function knows about the base path.
 */
export function applyBasePath(tree: Root, basePath: string): void {
  if (basePath === '/') return;
  const prefix = basePath.replace(/\/$/, '');
  visit(tree, 'element', (node) => {
    for (const name of urlProperties) {
      const value = node.properties[name];
      if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) node.properties[name] = prefix + value;
    }
  });
}
