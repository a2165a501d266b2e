import { describe, expect, it } from 'vitest';
import { checkLinks, LinkChecker, type LinkInfo } from '../../src/render/links.js';

const page = (links: string[], ids: string[] = []): LinkInfo => ({
  links: links.map((href) => {
    const [target, fragment = ''] = href.split('#') as [string, string?];
    return { href, target, fragment, origin: 'content/a.md', place: { line: 1, column: 1 } };
  }),
  ids: new Set(ids),
});

const reasons = (messages: { reason: string }[]) => messages.map((message) => message.reason);

describe('the link check of a session', () => {
  it('gives what a full check gives when a linked page loses the id a kept page points to, and when it gets it back', () => {
    const checker = new LinkChecker();
    const linking = page(['/b/#del-1']);
    const first = new Map([['/a/', linking], ['/b/', page([], ['del-1'])]]);
    expect(checker.check(first, new Set())).toEqual([]);
    // the page with the links is the same object: only the page it links to was made again
    const second = new Map([['/a/', linking], ['/b/', page([], ['del-2'])]]);
    const broken = checker.check(second, new Set());
    expect(reasons(broken)).toEqual(reasons(checkLinks(second, new Set())));
    expect(reasons(broken)).toEqual([expect.stringContaining('#del-1')]);
    const third = new Map([['/a/', linking], ['/b/', page([], ['del-1'])]]);
    expect(checker.check(third, new Set())).toEqual([]);
  });

  it('checks a kept page again when a page it links to goes, and keeps a known broken link reported', () => {
    const checker = new LinkChecker();
    const linking = page(['/b/', '/saknas/']);
    const first = new Map([['/a/', linking], ['/b/', page([])]]);
    expect(reasons(checker.check(first, new Set()))).toEqual(reasons(checkLinks(first, new Set())));
    const second = new Map([['/a/', linking]]);
    expect(reasons(checker.check(second, new Set()))).toEqual(reasons(checkLinks(second, new Set())));
    expect(checker.check(second, new Set())).toHaveLength(2);
  });
});
