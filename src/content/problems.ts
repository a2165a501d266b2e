import { VFileMessage } from 'vfile-message';
import type { RuleId } from '../errors.js';

/** A point in a content file, 1-based like editors show it. */
export interface Point {
  line: number;
  column: number;
}

/**
 * A located content problem. We use vfile's message class so that vfile-reporter can print
 * them and so that unified plugins' own messages share one shape.
 */
export function problem(file: string, ruleId: RuleId, reason: string, place?: Point): VFileMessage {
  const message = new VFileMessage(reason, { ruleId, source: 'verksam', place });
  message.file = file;
  message.fatal = true;
  return message;
}

/** Thrown by a stage's gate: the build stops and reports every message of that stage. */
export class ContentError extends Error {
  constructor(
    readonly stage: string,
    readonly messages: readonly VFileMessage[],
    /** Warnings known so far (content/warnings.ts), for the editor to see with the problems. */
    readonly warnings: readonly VFileMessage[] = [],
  ) {
    super(`${messages.length} problem${messages.length === 1 ? '' : 's'} in stage "${stage}"`);
    this.name = 'ContentError';
  }
}

/** Stops the pipeline after a stage when any of its files had a problem. */
export function gate(stage: string, messages: readonly VFileMessage[], warnings: readonly VFileMessage[] = []): void {
  if (messages.length > 0) throw new ContentError(stage, sortMessages(messages), warnings);
}

export function sortMessages(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort(
    (a, b) =>
      String(a.file).localeCompare(String(b.file)) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
