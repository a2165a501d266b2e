import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build.js';
import { formatMessages } from '../../src/report.js';
import { contentError, places } from './temp-site.js';

/*
 * Each test/fixtures/sites/invalid-<name>/ is a whole content folder that must not build. Its
 * expected.txt lists every problem the build must report, "file:line:column  rule-id", with
 * paths relative to the fixture folder (the working directory of the run).
 */

const sitesDir = fileURLToPath(new URL('../fixtures/sites/', import.meta.url));
const fixtures = existsSync(sitesDir)
  ? readdirSync(sitesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('invalid-'))
      .map((entry) => entry.name)
      .sort()
  : [];

function parseExpected(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^(.+?)(?::(\d+):(\d+))?\s{2,}([a-z-]+)$/.exec(line);
      if (!match) throw new Error(`expected.txt: cannot read line "${line}"`);
      const [, file, row, column, rule] = match;
      return `${file}:${row ?? '-'}:${column ?? '-'} ${rule}`;
    });
}

afterAll(() => {
  delete (globalThis as Record<string, unknown>).__verksamFixturePwned;
});

describe('invalid fixture sites', () => {
  it('has at least three invalid fixture sites, each with site.yaml and expected.txt', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
    for (const name of fixtures) {
      expect(existsSync(join(sitesDir, name, 'site.yaml')), name).toBe(true);
      expect(existsSync(join(sitesDir, name, 'expected.txt')), name).toBe(true);
    }
  });

  for (const name of fixtures) {
    describe(name, () => {
      const dir = join(sitesDir, name);

      it('reports exactly the problems in expected.txt, all at once', async () => {
        const expected = parseExpected(await readFile(join(dir, 'expected.txt'), 'utf8'));
        expect(expected.length).toBeGreaterThan(0);
        const error = await contentError(() => loadSite({ contentDir: dir, cwd: dir }));
        expect([...places(error.messages)].sort()).toEqual([...expected].sort());
      });

      it('prints each problem as "file:line:column  fel  …  [rule-id]"', async () => {
        const expected = parseExpected(await readFile(join(dir, 'expected.txt'), 'utf8'));
        const error = await contentError(() => loadSite({ contentDir: dir, cwd: dir }));
        const printed = formatMessages(error.messages).split('\n');
        for (const line of expected) {
          const cut = line.lastIndexOf(' ');
          const where = line.slice(0, cut);
          const rule = line.slice(cut + 1);
          const place = where.replace(/:-:-$/, '');
          const found = printed.some((text) => text.startsWith(`${place}  fel  `) && text.endsWith(`[${rule}]`));
          expect(found, `${place} ${rule} in:\n${printed.join('\n')}`).toBe(true);
        }
        expect(printed.at(-1)).toContain(`${expected.length} problem`);
      });

      it('never runs code from the content', async () => {
        await contentError(() => loadSite({ contentDir: dir, cwd: dir }));
        expect((globalThis as Record<string, unknown>).__verksamFixturePwned).toBeUndefined();
      });
    });
  }
});
