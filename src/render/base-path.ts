import type { Element, Root } from 'hast';
import { rewrite } from './rewrite.js';

const urlProperties = ['href', 'src', 'action', 'poster'] as const;

/**
 * Puts the site's base path in front of every root-relative URL of a finished page, so a site
 * published under a sub-path (https://org.github.io/repo/) keeps every link inside it.
 * Templates and content write "/nyheter/"; only this function knows about the base path.
 */
export function applyBasePath(tree: Root, basePath: string): Root {
  if (basePath === '/') return tree;
  const prefix = basePath.replace(/\/$/, '');
  const rooted = (url: string) => url.startsWith('/') && !url.startsWith('//');
  return rewrite(tree, (node) => {
    let properties: Element['properties'] | undefined;
    for (const name of urlProperties) {
      const value = node.properties[name];
      if (typeof value === 'string' && rooted(value)) {
        properties ??= { ...node.properties };
        properties[name] = prefix + value;
      }
    }
    // responsive images (<img>, <source>): "url 480w, url 800w"
    const srcSet = node.properties.srcSet;
    if (typeof srcSet === 'string' && srcSet.split(',').some((candidate) => rooted(candidate.trim()))) {
      properties ??= { ...node.properties };
      properties.srcSet = srcSet
        .split(',')
        .map((candidate) => candidate.trim().replace(/^\S+/, (url) => (rooted(url) ? prefix + url : url)))
        .join(', ');
    }
    return properties ? { ...node, properties } : undefined;
  });
}
