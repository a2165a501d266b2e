import type { VFileMessage } from 'vfile-message';
import { classify, slugOf } from './content-paths.js';
import type { Entry, parseEntry, RawReference, UnvalidatedGoal, UnvalidatedText } from './entries.js';
import type { EntryBodies } from './bodies.js';
import { buildGraph, type ContentGraph, type PublishOptions } from './graph.js';

/** A content file after parsing, as the session caches it. */
export interface ParsedContent {
  contentPath: string;
  result: ReturnType<typeof parseEntry>;
}

/**
 * Every parsed file → the content graph, or every problem: each file's own problems and the
 * references between files, together. References are checked among the valid files even when
 * some failed, so an editor sees every problem in one list; a reference to a file that failed
 * is not reported again.
 */
export function assemble(files: Iterable<ParsedContent>, publishing: PublishOptions): { graph?: ContentGraph; bodies?: EntryBodies; messages: VFileMessage[] } {
  const entries: Entry[] = [];
  const messages: VFileMessage[] = [];
  const failed = { site: new Set<string>(), area: new Set<string>(), project: new Set<string>(), news: new Set<string>() };
  const unvalidated: RawReference[] = [];
  const goals: UnvalidatedGoal[] = [];
  const texts: UnvalidatedText[] = [];
  for (const { contentPath, result } of files) {
    messages.push(...result.messages);
    unvalidated.push(...(result.references ?? []));
    if (result.goalBody) goals.push(result.goalBody);
    if (result.text) texts.push(result.text);
    if (result.entry) entries.push(result.entry);
    const kind = classify(contentPath)?.kind;
    if (!result.entry && kind && kind in failed) failed[kind as keyof typeof failed].add(slugOf(contentPath));
  }
  const built = buildGraph(entries, failed, unvalidated, publishing, goals, texts);
  messages.push(...built.messages);
  return messages.length > 0 || !built.graph ? { messages } : { graph: built.graph, bodies: built.bodies, messages };
}
