import type { Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/content/freeze.js';
import { describeAttachmentLinks } from '../../src/render/attachment-links.js';

const attachments = [{ url: '/filer/forbundsordning.pdf', type: 'PDF', bytes: 425_000 }];

describe('links to attachments', () => {
  it('say type and size after the text, on a copy: the shared tree is unchanged', () => {
    const tree = deepFreeze({
      type: 'root',
      children: [
        h('p', [h('a', { href: '/filer/forbundsordning.pdf' }, 'Förbundsordning'), ' och ', h('a', { href: '/om-oss/' }, 'om oss')]),
        h('p', [h('a', { href: '../filer/forbundsordning.pdf#page=2' }, 'sidan 2'), h('a', { href: '/filer/annan.pdf' }, 'annan')]),
      ],
    } as Root);
    const before = toHtml(tree);
    const after = describeAttachmentLinks(tree, attachments, '/om-oss/');
    expect(toHtml(after)).toBe(
      '<p><a href="/filer/forbundsordning.pdf">Förbundsordning (PDF, 425 kB)</a> och <a href="/om-oss/">om oss</a></p>' +
        '<p><a href="../filer/forbundsordning.pdf#page=2">sidan 2 (PDF, 425 kB)</a><a href="/filer/annan.pdf">annan</a></p>',
    );
    expect(toHtml(tree)).toBe(before);
  });

  it('leave a page without attachments as it is', () => {
    const tree: Root = { type: 'root', children: [h('a', { href: '/filer/x.pdf' }, 'x')] };
    expect(describeAttachmentLinks(tree, [], '/')).toBe(tree);
  });
});
