import { describe, expect, it } from 'vitest';
import { EntryBodies } from '../../src/content/bodies.js';
import { parseEntry, type Entry } from '../../src/content/entries.js';
import { fromRecord, toRecord } from '../../src/content/entry-record.js';

/*
 * Whether an edit changed only a file's text decides whether the preview keeps its graph. The
 * answer must not depend on where the previous version came from (parsed now, or from the cache).
 */

const news = (title: string, body: string) => ({
  path: 'content/nyheter/en-nyhet.md',
  contentPath: 'nyheter/en-nyhet.md',
  text: `---\ntitle: ${title}\ndate: 2021-03-01\nareas: [skola]\nlead: Kort ingress.\n---\n${body}\n`,
});

const entry = (source: ReturnType<typeof news>) => {
  const result = parseEntry(source);
  expect(result.messages).toEqual([]);
  return result.entry as Exclude<Entry, { kind: 'site' }>;
};

describe('EntryBodies.sameExceptText', () => {
  const cached = () => {
    const source = news('Rubrik', 'Första texten.');
    return fromRecord(JSON.parse(JSON.stringify(toRecord(entry(source)))), source) as Exclude<Entry, { kind: 'site' }>;
  };

  it('sees an edit of the body alone, also against a version from the cache', () => {
    expect(EntryBodies.sameExceptText(entry(news('Rubrik', 'Första texten.')), entry(news('Rubrik', 'Ny text, med [en länk](/).')))).toBe(true);
    expect(EntryBodies.sameExceptText(cached(), entry(news('Rubrik', 'Ny text.')))).toBe(true);
  });

  it('sees an edit of the front matter as more than text', () => {
    expect(EntryBodies.sameExceptText(cached(), entry(news('Ny rubrik', 'Första texten.')))).toBe(false);
    const moved = news('Rubrik', 'Första texten.');
    moved.text = moved.text.replace('2021-03-01', '2020-03-01');
    expect(EntryBodies.sameExceptText(cached(), entry(moved))).toBe(false);
  });
});
