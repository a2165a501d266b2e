import type { Site } from '../content/graph.js';
import { outputFile, urls } from '../routes/urls.js';
import type { Extra } from './extra.js';

/*
 * The site's icon, /favicon.svg: the first letter of the site's name, white on the header's
 * dark blue (templates/style.css --brand-dark). Every page declares it (templates/layout.tsx),
 * so a browser asks for this file rather than for a /favicon.ico that is not there.
 */

const brandDark = '#003e61';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The icon's letter: the first letter or digit of the site's name, as a capital. */
export function faviconLetter(site: Pick<Site, 'title'>): string {
  return /[\p{L}\p{N}]/u.exec(site.title)?.[0]?.toLocaleUpperCase('sv-SE') ?? '';
}

export function faviconSvg(site: Pick<Site, 'title'>): string {
  const letter = escapeXml(faviconLetter(site));
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
    `<rect width="32" height="32" rx="6" fill="${brandDark}"/>`,
    `<text x="16" y="23" text-anchor="middle" font-family="system-ui, Arial, sans-serif" font-size="22" font-weight="700" fill="#fff">${letter}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

export function faviconExtra(): Extra {
  const file = outputFile(urls.favicon());
  return {
    name: 'favicon',
    paths: () => [file],
    make: ({ graph }) => [{ path: file, contents: faviconSvg(graph.site) }],
  };
}
