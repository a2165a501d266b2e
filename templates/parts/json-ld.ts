import type { Element } from 'hast';

/** A schema.org object (or several), as JSON. */
export type JsonLdData = Record<string, unknown> | readonly Record<string, unknown>[];

/**
 * JSON that is safe as the text of a <script> element: the HTML parser ends a script at the
 * first "</script", so "<" (and, for good measure, ">" and "&") are written as \u escapes,
 * which JSON reads back as the same characters. Content can never close the element.
 */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Structured data for search engines: <script type="application/ld+json">. */
export function JsonLd(data: JsonLdData): Element {
  return {
    type: 'element',
    tagName: 'script',
    properties: { type: 'application/ld+json' },
    children: [{ type: 'text', value: scriptSafeJson(data) }],
  };
}
