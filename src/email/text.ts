import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { EmailLink, EmailModel } from './model.js';
import { subscriptionFooter } from './subscription.js';

/*
 * The plain-text alternative of the email (email.txt), written from the same model as the HTML:
 * the same text and every URL. Headings are underlined, lists keep their markers, a link is
 * "text (URL)" (or the URL alone when the text is the URL), and lines are wrapped at 72
 * characters between words, so a URL is never broken.
 */

export const lineWidth = 72;

const blockTags = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'hr', 'div', 'section', 'article', 'aside', 'header', 'footer', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'details', 'summary',
]);

const isBlock = (node: RootContent | ElementContent) => node.type === 'element' && blockTags.has(node.tagName);

const length = (text: string) => [...text].length;

/** "www.kfkl.se" and "https://www.kfkl.se/" say the same: the URL alone is enough. */
const sameAddress = (text: string, url: string) => {
  const bare = (value: string) => value.trim().toLowerCase().replace(/^(https?:\/\/|mailto:|tel:)/, '').replace(/\/$/, '');
  return text.trim() === '' || bare(text) === bare(url);
};

/** A link as plain text. */
export function linkText(text: string, url: string): string {
  if (!sameAddress(text, url)) return `${text} (${url})`;
  // an e-mail address or phone number reads better as written than as mailto:/tel:
  return /^(mailto|tel):/i.test(url) && text.trim() !== '' ? text.trim() : url;
}

/** Inline content as one string, whitespace collapsed; hard line breaks (<br>) kept as "\n". */
function inline(nodes: readonly (RootContent | ElementContent)[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value.replace(/[ \t\r\n]+/g, ' ');
    else if (node.type === 'element') out += inlineElement(node);
  }
  return out;
}

function inlineElement(node: Element): string {
  switch (node.tagName) {
    case 'br':
      return '\n';
    case 'img': {
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      return alt ? `[Bild: ${alt}]` : '';
    }
    case 'a': {
      const text = inline(node.children).trim();
      const href = node.properties.href;
      return typeof href === 'string' ? linkText(text, href) : text;
    }
    default:
      return isBlock(node) ? ` ${blocks(node.children, lineWidth).join(' ')} ` : inline(node.children);
  }
}

/** Wraps text at `width` characters between words; "\n" in the text is a hard break. */
export function wrap(text: string, width: number = lineWidth): string[] {
  const lines: string[] = [];
  for (const hard of text.split('\n')) {
    const words = hard.split(/ +/).filter((word) => word !== '');
    let line = '';
    for (const word of words) {
      if (line === '') line = word;
      else if (length(line) + 1 + length(word) <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** Prefixes the first line with `first` and every other line with `rest` (list markers, quotes). */
const indent = (lines: readonly string[], first: string, rest: string) =>
  lines.map((line, index) => (index === 0 ? first : rest) + line).map((line) => line.trimEnd());

/** A heading as Markdown writes it: underlined with "=" (level 1) or "-" (level 2), "### " before it below that. */
export function headingText(text: string, level: number): string[] {
  const title = text.replace(/\s+/g, ' ').trim();
  if (level === 1) return [title, '='.repeat(length(title))];
  if (level === 2) return [title, '-'.repeat(length(title))];
  return [`${'#'.repeat(level)} ${title}`];
}

function element(node: Element, width: number): string[] {
  const tag = node.tagName;
  if (/^h[1-6]$/.test(tag)) return [headingText(inline(node.children), Number(tag[1])).join('\n')];
  switch (tag) {
    case 'p':
    case 'dt':
    case 'figcaption':
    case 'summary': {
      const text = inline(node.children).trim();
      return text ? [wrap(text, width).join('\n')] : [];
    }
    case 'ul':
    case 'ol': {
      const start = typeof node.properties.start === 'number' ? node.properties.start : 1;
      const items = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
      const lines = items.flatMap((item, index) => {
        const marker = tag === 'ol' ? `${start + index}. ` : '- ';
        const pad = ' '.repeat(marker.length);
        const content = blocks(item.children, width - marker.length).join('\n');
        return indent(content.split('\n'), marker, pad);
      });
      return lines.length > 0 ? [lines.join('\n')] : [];
    }
    case 'blockquote': {
      const content = blocks(node.children, width - 2).join('\n\n');
      return [content.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')];
    }
    case 'pre':
      return [textContent(node).replace(/\n$/, '')];
    case 'hr':
      return ['-'.repeat(Math.min(width, 24))];
    case 'table': {
      const rows: Element[] = [];
      const collect = (parent: Element) => {
        for (const child of parent.children) {
          if (child.type !== 'element') continue;
          if (child.tagName === 'tr') rows.push(child);
          else collect(child);
        }
      };
      collect(node);
      const lines = rows.map((row) =>
        row.children
          .filter((cell): cell is Element => cell.type === 'element')
          .map((cell) => inline(cell.children).replace(/\s+/g, ' ').trim())
          .join(' | '),
      );
      return lines.length > 0 ? [lines.join('\n')] : [];
    }
    case 'dd':
      return blocks(node.children, width - 4).map((block) => indent(block.split('\n'), '    ', '    ').join('\n'));
    default:
      return blocks(node.children, width);
  }
}

function textContent(node: Element | Root): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textContent(child) : '')).join('');
}

/** A sequence of nodes as blocks of text (to be joined with blank lines). */
function blocks(nodes: readonly (RootContent | ElementContent)[], width: number): string[] {
  const out: string[] = [];
  let run: (RootContent | ElementContent)[] = [];
  const flush = () => {
    const text = inline(run).trim();
    if (text) out.push(wrap(text, width).join('\n'));
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && isBlock(node)) {
      flush();
      out.push(...element(node, width));
    } else if (node.type === 'text' || node.type === 'element') {
      run.push(node);
    }
  }
  flush();
  return out;
}

/** A content body (prepared by emailBody) as plain text. */
export function bodyText(tree: Root, width: number = lineWidth): string {
  return blocks(tree.children, width).join('\n\n');
}

const rule = '-'.repeat(lineWidth);

const paragraph = (text: string) => wrap(text).join('\n');

const linkLine = (link: EmailLink) => (sameAddress(link.text, link.url) ? link.url : paragraph(`${link.text}: ${link.url}`));

/** The whole plain-text email. */
export function newsletterText(model: EmailModel): string {
  const parts: string[] = [];
  parts.push(paragraph(`${model.name} · ${model.issue}`));
  if (model.unpublished) parts.push(model.unpublished === 'utkast' ? 'UTKAST – skickas inte förrän draft tas bort.' : 'PLANERAD – publiceras på utgivningsdagen.');
  const { before, link, after } = model.viewInBrowser;
  parts.push(paragraph(`${before}${linkText(link.text, link.url)}${after}`));
  parts.push(headingText(model.heading, 1).join('\n'));
  parts.push(bodyText(model.editorial));
  for (const article of model.articles) {
    parts.push(rule);
    parts.push([...headingText(article.title, 2), article.url].join('\n'));
    if (article.image && (article.image.alt || article.image.caption)) {
      parts.push(paragraph([article.image.alt ? `[Bild: ${article.image.alt}]` : '', article.image.caption ?? ''].filter(Boolean).join(' ')));
    }
    parts.push(paragraph(article.lead));
    parts.push(bodyText(article.body));
  }
  for (const block of model.blocks) {
    parts.push(rule);
    parts.push(headingText(block.title, 2).join('\n'));
    parts.push(bodyText(block.body));
  }
  parts.push(rule);
  const { contact } = model;
  parts.push(
    [contact.organisation, ...contact.address, contact.phone?.text, contact.email?.text, contact.website?.url].filter((line) => line).join('\n'),
  );
  const { notice, links } = subscriptionFooter(model);
  if (notice) parts.push(paragraph(`${notice.before}${notice.link ? linkText(notice.link.text, notice.link.url) : ''}${notice.after}`));
  parts.push(links.map(linkLine).join('\n'));
  return `${parts.filter((part) => part.trim() !== '').join('\n\n')}\n`;
}
