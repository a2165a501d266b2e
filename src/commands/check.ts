import type { VFileMessage } from 'vfile-message';
import { buildSite, type SiteBuild } from '../build.js';
import type { BuildOptions } from '../config.js';
import { ContentError } from '../content/problems.js';

/*
 * `verksam check`: everything `build` checks — every file, every reference, every internal
 * link and fragment on the finished pages — with the site built in memory and nothing written.
 */

export type CheckResult =
  | { ok: true; site: SiteBuild; warnings: readonly VFileMessage[] }
  | { ok: false; messages: readonly VFileMessage[]; warnings: readonly VFileMessage[] };

/**
 * Builds the site in memory; content problems come back as messages, anything else is thrown.
 * Valid content may still have warnings (an accessibility statement older than a year, an
 * empty section, a placeholder in a draft): the same that `build` prints. Content with problems
 * comes back with the warnings its parsed files already tell.
 */
export async function checkContent(options: Partial<BuildOptions> = {}): Promise<CheckResult> {
  try {
    // nothing is published, so there is no search index to make; and nothing is written, not even to the cache
    const site = await buildSite({ search: false, ...options, cacheReadOnly: true });
    return { ok: true, site, warnings: site.warnings };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, messages: error.messages, warnings: error.warnings };
    throw error;
  }
}

/** One problem for editor tooling. `line` and `column` are 1-based, null when the whole file is meant. */
export interface JsonProblem {
  file: string;
  line: number | null;
  column: number | null;
  rule: string;
  message: string;
}

export interface JsonReport {
  ok: boolean;
  problems: JsonProblem[];
  /** Things to see to that do not stop a build, in the same shape. */
  warnings: JsonProblem[];
}

const toJson = (message: VFileMessage): JsonProblem => ({
  file: String(message.file ?? ''),
  line: message.line ?? null,
  column: message.line ? (message.column ?? 1) : null,
  rule: message.ruleId ?? 'unknown',
  message: message.reason,
});

/** The `--format json` report: `{ ok, problems: [{ file, line, column, rule, message }], warnings: […] }`. */
export function jsonReport(messages: readonly VFileMessage[], warnings: readonly VFileMessage[] = []): JsonReport {
  return { ok: messages.length === 0, problems: messages.map(toJson), warnings: warnings.map(toJson) };
}
