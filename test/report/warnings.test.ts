import { describe, expect, it } from 'vitest';
import { warning } from '../../src/content/warnings.js';
import { rules } from '../../src/errors.js';
import { problem } from '../../src/content/problems.js';
import { formatMessages, formatProblemsAndWarnings, formatWarnings } from '../../src/report.js';

describe('formatWarnings', () => {
  it('prints one line per warning, then each rule explained once, as the problems are', () => {
    const printed = formatWarnings([
      warning('content/a.md', 'empty-section', 'Rubriken "A" har ingen text under sig.', { line: 3, column: 1 }),
      warning('content/b.md', 'empty-section', 'Rubriken "B" har ingen text under sig.', { line: 5, column: 1 }),
      warning('content/site.yaml', 'missing-navigation', 'Ingen meny.'),
    ]);
    expect(printed.split('\n')).toEqual([
      'content/a.md:3:1  varning  Rubriken "A" har ingen text under sig.  [empty-section]',
      'content/b.md:5:1  varning  Rubriken "B" har ingen text under sig.  [empty-section]',
      'content/site.yaml  varning  Ingen meny.  [missing-navigation]',
      '',
      `  empty-section: ${rules['empty-section']}`,
      `  missing-navigation: ${rules['missing-navigation']}`,
    ]);
  });
});

describe('formatProblemsAndWarnings', () => {
  it('prints the problems first, then the warnings under their own heading; only the problems without warnings', () => {
    const problems = [problem('content/a.md', 'invalid-date', 'Fältet "date" är fel.', { line: 3, column: 7 })];
    const warnings = [warning('content/b.md', 'empty-section', 'Rubriken "B" har ingen text under sig.', { line: 5, column: 1 })];
    expect(formatProblemsAndWarnings(problems, warnings)).toBe(`${formatMessages(problems)}\n\nVarningar (stoppar inte bygget):\n${formatWarnings(warnings)}`);
    expect(formatProblemsAndWarnings(problems, [])).toBe(formatMessages(problems));
  });
});
