import type { Entry } from './entries.js';

/*
 * What a file is, from its path in the content folder alone: kept apart from parsing (entries.ts)
 * so that assembling entries taken from the cache loads no Markdown processor.
 */

export type Kind = Exclude<Entry['kind'], 'site'>;

/** Which content type a file is, from where it lies in the content folder. */
export function classify(contentPath: string): { kind: Kind | 'site'; year?: number } | undefined {
  if (contentPath === 'site.yaml') return { kind: 'site' };
  if (contentPath === 'tillganglighet.md') return { kind: 'accessibility' };
  const parts = contentPath.split('/');
  if (!contentPath.endsWith('.md')) return undefined;
  const [top] = parts;
  if (top === 'omraden' && parts.length === 2) return { kind: 'area' };
  if (top === 'projekt' && parts.length === 2) return { kind: 'project' };
  if (top === 'nyheter' && parts.length >= 2) return { kind: 'news' };
  if (top === 'nyhetsbrev' && parts.length === 2) return { kind: 'newsletter' };
  if (top === 'sidor' && parts.length === 2) return { kind: 'page' };
  if (top === 'verksamhetsberattelse' && parts.length === 3 && /^\d{4}$/.test(parts[1]!)) {
    return { kind: parts[2] === 'index.md' ? 'report' : 'goal', year: Number(parts[1]) };
  }
  return undefined;
}

/** A file's slug: its name without `.md`. */
export function slugOf(contentPath: string): string {
  return contentPath.split('/').pop()!.replace(/\.md$/, '');
}
