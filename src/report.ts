import type { VFileMessage } from 'vfile-message';
import { rules } from './errors.js';

/**
 * One line per problem, `file:line:column  fel  message  [rule]`, which editors and terminals
 * turn into clickable links; a hint from the rule catalogue follows each kind once.
 */
export function formatMessages(messages: readonly VFileMessage[]): string {
  const lines = messages.map((message) => {
    const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
    return `${message.file}${place}  fel  ${message.reason}  [${message.ruleId}]`;
  });
  const count = messages.length;
  const kinds = [...new Set(messages.map((message) => message.ruleId))].filter((id): id is keyof typeof rules => !!id && id in rules);
  return [
    ...lines,
    '',
    ...kinds.map((id) => `  ${id}: ${rules[id]}`),
    '',
    `${count} problem hittades.`,
  ].join('\n');
}

/**
 * Warnings, one line each like problems (`file:line:column  varning  message  [rule]`), then each
 * rule explained once: an imported report can have dozens of the same warning.
 */
export function formatWarnings(messages: readonly VFileMessage[]): string {
  const lines = messages.map((message) => {
    const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
    return `${message.file}${place}  varning  ${message.reason}  [${message.ruleId}]`;
  });
  const kinds = [...new Set(messages.map((message) => message.ruleId))].filter((id): id is keyof typeof rules => !!id && id in rules);
  return [...lines, '', ...kinds.map((id) => `  ${id}: ${rules[id]}`)].join('\n');
}

/**
 * A failed check: the problems, then the warnings known so far under their own heading, so an
 * editor who fixes the problems meets no new surprises.
 */
export function formatProblemsAndWarnings(messages: readonly VFileMessage[], warnings: readonly VFileMessage[]): string {
  const problems = formatMessages(messages);
  return warnings.length === 0 ? problems : [problems, '', 'Varningar (stoppar inte bygget):', formatWarnings(warnings)].join('\n');
}
