import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/*
 * The email's look, written inline on every element: many mail clients drop <style> blocks
 * (and every external stylesheet), so nothing may depend on one. The colours are the site's
 * (templates/style.css) and meet WCAG 2.1 AA contrast on the backgrounds they are used on.
 */

export const palette = {
  ink: '#1b1f24',
  muted: '#4a5560',
  paper: '#ffffff',
  tint: '#f2f5f7',
  backdrop: '#e9eef2',
  line: '#c9d1d8',
  brand: '#005a8c',
  brandDark: '#003e61',
} as const;

export const fontFamily = 'Arial, Helvetica, sans-serif';

/** The width of the email and of its text, in CSS pixels (MJML's columns and padding). */
export const layout = {
  width: 600,
  /** Left and right padding of every text block. */
  gutter: 24,
  /** A text block across the whole email. */
  textWidth: 600 - 2 * 24,
  /** A text block in one of two columns: the section's 16 px sides, 8 px around each box, 16 px inside it. */
  halfTextWidth: (600 - 2 * 16) / 2 - 2 * 8 - 2 * 16,
} as const;

const heading = (size: number, lineHeight: number, top: number) =>
  `margin:${top}px 0 8px;font-family:${fontFamily};font-size:${size}px;line-height:${lineHeight}px;font-weight:bold;color:${palette.ink}`;

/** Inline style by tag name. Every element a client's default or MJML's own <style> would touch has one. */
const styles: Readonly<Record<string, string>> = {
  p: 'margin:0 0 16px',
  h1: heading(28, 34, 0),
  h2: heading(22, 28, 24),
  h3: heading(18, 24, 20),
  h4: heading(16, 24, 16),
  h5: heading(16, 24, 16),
  h6: heading(16, 24, 16),
  a: `color:${palette.brand};text-decoration:underline`,
  ul: 'margin:0 0 16px;padding:0 0 0 24px',
  ol: 'margin:0 0 16px;padding:0 0 0 24px',
  li: 'margin:0 0 4px',
  blockquote: `margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid ${palette.line};color:${palette.muted}`,
  pre: `margin:0 0 16px;padding:12px;white-space:pre-wrap;word-break:break-word;font-family:Consolas, Menlo, monospace;font-size:14px;line-height:20px;background-color:${palette.tint}`,
  code: 'font-family:Consolas, Menlo, monospace;font-size:14px',
  // the width attribute is for Outlook; width:100% with a max-width lets the picture shrink in a
  // narrow column (a percentage width adds nothing to a table cell's minimum width)
  img: 'display:block;width:100%;height:auto;border:0;outline:none;text-decoration:none',
  table: 'margin:0 0 16px;width:100%;border-collapse:collapse;font-size:14px;line-height:20px',
  th: `padding:4px 8px;border:1px solid ${palette.line};text-align:left;vertical-align:top;font-weight:bold`,
  td: `padding:4px 8px;border:1px solid ${palette.line};text-align:left;vertical-align:top`,
  hr: `margin:24px 0;border:0;border-top:1px solid ${palette.line}`,
  figure: 'margin:0 0 16px',
  figcaption: `margin:4px 0 0;font-size:14px;line-height:20px;color:${palette.muted}`,
  section: 'margin:0',
  sup: 'line-height:0',
};

/** The inline style of an element, with any style it already had after it (so it wins). */
export function styleFor(tagName: string, own?: unknown): string | undefined {
  const base = styles[tagName];
  const existing = typeof own === 'string' && own.trim() !== '' ? own.trim() : undefined;
  if (!base) return existing;
  return existing ? `${base};${existing}` : base;
}

/** Writes the inline styles into a body (in place) and returns it. `overrides` adjust a tag, e.g. white links in the footer. */
export function inlineStyles(tree: Root, overrides: Readonly<Record<string, string>> = {}): Root {
  visit(tree, 'element', (node) => {
    const style = styleFor(node.tagName, node.properties.style);
    const extra = overrides[node.tagName];
    const combined = [style, extra].filter(Boolean).join(';');
    if (combined) node.properties.style = combined;
  });
  return tree;
}
