import type { Root } from 'hast';
import type { Entry, FileWarning, Source } from './entries.js';
import { deepFreeze, freezeTree } from './freeze.js';
import { parseFrontMatter, parseYamlFile } from './front-matter.js';
import type { SourceFile } from './load.js';

/*
 * A valid entry as plain JSON, for the build cache and for the parse workers: everything but its
 * way back into the file (`source.locate`), which is rebuilt from the file's text only when a
 * problem has to be pointed at. Files with problems are never recorded: their messages are
 * always made fresh from the file.
 */

export type EntryRecord = (
  | { kind: 'site'; data: unknown }
  | { kind: Exclude<Entry['kind'], 'site'>; slug: string; year?: number; data: unknown; body: Root; blocks?: Root[] }
) & {
  /** The file's warnings, which a valid file may have: kept with it, so a file from the cache still has them. */
  warnings?: FileWarning[];
};

const recordKinds = new Set<string>(['site', 'area', 'report', 'goal', 'project', 'news', 'newsletter', 'page', 'accessibility']);

export function toRecord(entry: Entry, warnings?: readonly FileWarning[]): EntryRecord {
  const noted = warnings && warnings.length > 0 ? { warnings: [...warnings] } : {};
  if (entry.kind === 'site') return { kind: 'site', data: entry.data, ...noted };
  return {
    ...noted,
    kind: entry.kind,
    slug: entry.slug,
    year: 'year' in entry ? entry.year : undefined,
    data: entry.data,
    body: entry.body,
    blocks: entry.kind === 'newsletter' ? entry.blocks : undefined,
  };
}

/** The entry a record was made from, for the file it was made from. */
export function fromRecord(record: EntryRecord, file: SourceFile): Entry {
  if (!recordKinds.has(record.kind) || (record.kind !== 'site' && record.body?.type !== 'root')) throw new Error(`not an entry record: ${file.path}`);
  const source: Source = { file: file.path, locate: lazyLocator(record.kind === 'site', file) };
  if (record.kind === 'site') return { kind: 'site', data: deepFreeze(record.data) as never, source };
  const body = freezeTree(record.body);
  const base = { slug: record.slug, source, body, data: record.data as never };
  switch (record.kind) {
    case 'report':
    case 'goal': {
      if (record.year === undefined) throw new Error(`cached ${record.kind} without a year: ${file.path}`);
      if (record.kind === 'report') return { ...base, kind: 'report', year: record.year };
      return { ...base, kind: 'goal', year: record.year };
    }
    case 'newsletter':
      return { ...base, kind: 'newsletter', blocks: (record.blocks ?? []).map((block) => freezeTree(block)) };
    default:
      return { ...base, kind: record.kind };
  }
}

/** Parses the front matter again the first time a field's place is asked for, which is rare. */
function lazyLocator(plainYaml: boolean, file: SourceFile): Source['locate'] {
  let locate: Source['locate'] | undefined;
  return (path, options) => {
    if (!locate) {
      const parsed = plainYaml ? parseYamlFile(file.path, file.text) : parseFrontMatter(file.path, file.text);
      locate = 'locate' in parsed ? parsed.locate : () => ({ line: 1, column: 1 });
    }
    return locate(path, options);
  };
}
