import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { checkMarkdownLimits } from '../../src/markdown/limits.js';
import { root } from '../support/cli.js';

const contentDir = join(root, 'content');
const markdownFiles = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md'));

describe('limits on what one Markdown text may cost', () => {
  it('leave every real content file alone', () => {
    expect(markdownFiles.length).toBeGreaterThan(40);
    for (const path of markdownFiles) {
      const parsed = parseFrontMatter(path, readFileSync(join(contentDir, path), 'utf8'));
      if (!('body' in parsed)) throw new Error(`${path}: ${parsed.reason}`);
      expect(checkMarkdownLimits(parsed.body), path).toBeUndefined();
    }
  });

  it('leave a long paragraph of ordinary links and emphasis alone, and deep but ordinary lists', () => {
    const prose = 'En mening med en [länk](https://example.se), **fet** och _kursiv_ text.\n'.repeat(300);
    const list = Array.from({ length: 20 }, (_, level) => `${'  '.repeat(level)}- nivå ${level + 1}`).join('\n');
    expect(checkMarkdownLimits(`${prose}\n${list}\n`)).toBeUndefined();
  });

  it('stop at the 21st level of quotes and lists, at its column', () => {
    const list = Array.from({ length: 21 }, (_, level) => `${'  '.repeat(level)}- nivå ${level + 1}`).join('\n');
    expect(checkMarkdownLimits(`Text.\n\n${list}\n`)).toMatchObject({ ruleId: 'too-deeply-nested', line: 23, column: 41 });
    expect(checkMarkdownLimits(`${'> '.repeat(21)}x\n`)).toMatchObject({ ruleId: 'too-deeply-nested', line: 1, column: 41 });
  });

  it('stop at the quote or nested list that makes too many to parse in reasonable time', () => {
    const quotes = '> Ett citat.\n\n'.repeat(501);
    expect(checkMarkdownLimits(quotes)).toMatchObject({ ruleId: 'too-complex-markdown', line: 1001 });
  });

  it('stop at a paragraph of unmatched underscores, at its first line', () => {
    const text = `Inledning.\n\n${'a_ '.repeat(3000)}\n${'b_ '.repeat(3000)}\n`;
    expect(checkMarkdownLimits(text)).toMatchObject({ ruleId: 'too-complex-markdown', line: 3, column: 1 });
  });
});
