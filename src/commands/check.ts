import type { VFileMessage } from 'vfile-message';
import { buildSite, type SiteBuild } from '../build.js';
import type { BuildOptions } from '../config.js';
import { ContentError } from '../content/problems.js';

/*
 * `verksam check`: everything `build` checks — every file, every reference, every internal
 * link and fragment on the finished pages — with the site built in memory and nothing written.
 */

export type CheckResult = { ok: true; site: SiteBuild } | { ok: false; messages: readonly VFileMessage[] };

/** Builds the site in memory; content problems come back as messages, anything else is thrown. */
export async function checkContent(options: Partial<BuildOptions> = {}): Promise<CheckResult> {
  try {
    return { ok: true, site: await buildSite(options) };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, messages: error.messages };
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
}

/** The `--format json` report: `{ ok, problems: [{ file, line, column, rule, message }] }`. */
export function jsonReport(messages: readonly VFileMessage[]): JsonReport {
  return {
    ok: messages.length === 0,
    problems: messages.map((message) => ({
      file: String(message.file ?? ''),
      line: message.line ?? null,
      column: message.line ? (message.column ?? 1) : null,
      rule: message.ruleId ?? 'unknown',
      message: message.reason,
    })),
  };
}
