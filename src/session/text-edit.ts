import { EntryBodies } from '../content/bodies.js';
import type { Entry } from '../content/entries.js';
import type { ContentFiles } from './content-files.js';

type TextEntry = Exclude<Entry, { kind: 'site' }>;

/**
 * When every changed file is a valid entry before and after, and differs only in its text (its
 * body, a goal's sections, a newsletter's blocks), the new entries: the graph can stay as it is
 * and take the new text in (content/bodies.ts). Otherwise undefined: the graph is built anew.
 */
export function textOnlyEdit(touched: ReadonlySet<string>, files: ContentFiles): TextEntry[] | undefined {
  if (touched.size === 0) return undefined;
  const entries: TextEntry[] = [];
  for (const path of touched) {
    const before = files.replaced.get(path)?.result;
    const after = files.get(path)?.result;
    if (!before?.entry || !after?.entry || before.messages.length > 0 || after.messages.length > 0) return undefined;
    if (before.entry.kind === 'site' || after.entry.kind === 'site') return undefined;
    if (!EntryBodies.sameExceptText(before.entry, after.entry)) return undefined;
    entries.push(after.entry);
  }
  return entries;
}
