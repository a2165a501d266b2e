import type { Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { visit } from 'unist-util-visit';

/*
 * The site's XML files (feeds, sitemap) are built as xast trees, so escaping is the
 * serialiser's job and no text is pasted into markup. What the serialiser cannot do is hold a
 * character XML 1.0 forbids: those are taken out of every text and attribute here, whatever a
 * title holds, so a file is always well-formed.
 */

/** Text that is valid Unicode: an unpaired surrogate (which no encoder can write) becomes U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Text that XML 1.0 can hold: unpaired surrogates become U+FFFD; control characters other than
 * tab and line breaks, and the non-characters U+FFFE and U+FFFF, go. C1 controls go too: XML
 * 1.0 discourages them and no editor means one.
 */
export function xmlSafe(text: string): string {
  return wellFormed(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '');
}

/**
 * An XML document from its tree, every text and attribute made XML-safe first. xast-util-to-xml
 * escapes "<" and "&" but leaves two things a reader takes differently, so they are written as
 * references: "]]>" in text, which XML forbids outside CDATA, and a carriage return, which a
 * reader turns into a line feed. Both replacements are right in text and in attribute values, and
 * these trees have no CDATA, comments or processing instructions where they would not be. All
 * references are hexadecimal, as the serialiser writes them: the RSS Best Practices Profile's
 * advice for plain text, which the most feed readers read as written.
 */
export function xmlDocument(tree: Root): string {
  visit(tree, (node) => {
    if (node.type === 'text') node.value = xmlSafe(node.value);
    if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.attributes)) {
        if (typeof value === 'string') node.attributes[name] = xmlSafe(value);
      }
    }
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n${toXml(tree, { closeEmptyElements: true, tightClose: true }).replaceAll(']]>', ']]&#x3E;').replaceAll('\r', '&#xD;')}\n`;
}
