import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/*
 * Reading a built email the way a mail client would: its elements, its URLs, its <style> rules
 * and what each rule touches.
 */

export const parseEmail = (html: string): Root => fromHtml(html) as Root;

export function elements(tree: Root | Element, test: (element: Element) => boolean = () => true): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

/** Every URL in an href or src, with the element that holds it. */
export function urlsOf(tree: Root): { tag: string; attribute: 'href' | 'src'; url: string; text: string }[] {
  const found: { tag: string; attribute: 'href' | 'src'; url: string; text: string }[] = [];
  for (const element of elements(tree)) {
    for (const attribute of ['href', 'src'] as const) {
      const value = element.properties[attribute];
      if (typeof value === 'string') found.push({ tag: element.tagName, attribute, url: value, text: toString(element).replace(/\s+/g, ' ').trim() });
    }
  }
  return found;
}

/** Text as a reader sees it: one kind of space, whitespace collapsed. */
export const normalise = (text: string): string =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2011/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

export interface StyleRule {
  selector: string;
  declarations: string;
  /** The @media condition the rule stands under, if any. */
  media?: string;
}

/** The style rules of a stylesheet, including those inside @media blocks (enough CSS for MJML's output). */
export function styleRules(css: string, media?: string): StyleRule[] {
  const source = css.replace(/\/\*[^]*?\*\//g, '');
  const rules: StyleRule[] = [];
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('{', index);
    if (open === -1) break;
    const prelude = source.slice(index, open).trim();
    // find the matching close brace
    let depth = 1;
    let cursor = open + 1;
    while (cursor < source.length && depth > 0) {
      if (source[cursor] === '{') depth++;
      else if (source[cursor] === '}') depth--;
      cursor++;
    }
    const inner = source.slice(open + 1, cursor - 1);
    if (prelude.startsWith('@media')) rules.push(...styleRules(inner, prelude.slice('@media'.length).trim()));
    else if (prelude.startsWith('@')) throw new Error(`unexpected at-rule in an email stylesheet: ${prelude}`);
    else rules.push({ selector: prelude, declarations: inner.trim(), media });
    index = cursor;
  }
  return rules;
}

/** Every <style> element a browser sees (those inside Outlook's conditional comments are comments to it). */
export function styleElements(tree: Root): Element[] {
  return elements(tree, (element) => element.tagName === 'style');
}

export interface UncoveredElement {
  selector: string;
  media?: string;
  element: string;
}

/**
 * Whether an element keeps its look without the stylesheet: it has inline styles, or it is a
 * layout table whose HTML attributes say what the reset rule `table { border-collapse: collapse }`
 * says (no cell spacing, no padding, no border), the way mail clients have always read them.
 */
function hasInlineFallback(element: Element): boolean {
  const inline = element.properties.style;
  if (typeof inline === 'string' && inline.trim() !== '') return true;
  const { cellSpacing, cellPadding, border } = element.properties;
  return element.tagName === 'table' && String(cellSpacing) === '0' && String(cellPadding) === '0' && String(border) === '0';
}

/**
 * Elements that a <style> rule targets but that carry no inline style of their own: what a
 * client that strips <style> would show unstyled. Empty means every styled element has an
 * inline fallback.
 */
export function elementsWithoutInlineStyle(tree: Root): UncoveredElement[] {
  const uncovered: UncoveredElement[] = [];
  for (const style of styleElements(tree)) {
    for (const rule of styleRules(toString(style))) {
      for (const element of selectAll(rule.selector, tree)) {
        if (hasInlineFallback(element)) continue;
        uncovered.push({ selector: rule.selector, media: rule.media, element: `<${element.tagName}${element.properties.className ? ` class="${String(element.properties.className)}"` : ''}>` });
      }
    }
  }
  return uncovered;
}
