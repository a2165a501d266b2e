import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { markdownToHast } from '../../src/markdown/processor.js';
import { eachElement, eachNode } from '../../src/markdown/walk.js';

/* Our passes over a body walk it directly; they must see what unist-util-visit would, in its order. */

const body = (): Root =>
  markdownToHast('# Rubrik\n\nText med [länk](https://a.se) och *betoning*.\n\n- ett\n- två `kod`\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```\nkod\n```\n', 'a.md');

describe('walks of a body', () => {
  it('see every element and every node in the order unist-util-visit does', () => {
    const tree = body();
    const expectedElements: Element[] = [];
    visit(tree, 'element', (node) => void expectedElements.push(node));
    const elements: Element[] = [];
    eachElement(tree, (node) => void elements.push(node));
    expect(elements).toEqual(expectedElements);
    expect(elements.length).toBeGreaterThan(10);

    const expectedNodes: unknown[] = [];
    visit(tree, (node) => void (node !== tree && expectedNodes.push(node)));
    const nodes: unknown[] = [];
    eachNode(tree, (node) => void nodes.push(node));
    expect(nodes).toEqual(expectedNodes);
  });

  it('go on after an element removed, and skip the children of a node when told', () => {
    const tree: Root = { type: 'root', children: [h('p', [h('img'), h('img'), h('b', 'x')])] };
    const seen: string[] = [];
    eachElement(tree, (node, parent, index) => {
      seen.push(node.tagName);
      if (node.tagName !== 'img') return;
      parent.children.splice(index, 1);
      return true;
    });
    expect(seen).toEqual(['p', 'img', 'img', 'b']);
    expect((tree.children[0] as Element).children.map((child) => (child as Element).tagName)).toEqual(['b']);

    const texts: string[] = [];
    eachNode(body(), (node) => {
      if (node.type === 'element' && node.tagName === 'pre') return false;
      if (node.type === 'text' && node.value.trim()) texts.push(node.value);
    });
    expect(texts).toContain('kod');
    expect(texts).not.toContain('kod\n');
  });
});
