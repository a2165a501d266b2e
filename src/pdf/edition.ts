import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { destinationPages } from './destination-pages.js';

/*
 * What the PDF has and the web page has not: a cover and a table of contents with page
 * numbers. Both are made from the loaded report page, in the browser, just before printing, so
 * the published page stays exactly as it is (and as the accessibility gates check it).
 *
 * The page numbers come from the PDF itself, in two prints. Chromium has no way to tell a page's
 * script where its page breaks fall, but every heading the contents link to becomes a named
 * destination of the PDF, on the page it was printed on. So the report is printed once with the
 * numbers left blank, the numbers are read back from that PDF and written into the contents, and
 * it is printed again. The contents fill a page of their own, so their numbers cannot move what
 * follows; the second print is still read back and must agree, so a wrong number cannot ship.
 */

export interface Cover {
  organisation: string;
  year: number;
}

/** The print edition's stylesheet, src/pdf/edition.css. */
export function editionStyle(): Promise<string> {
  return readFile(new URL('./edition.css', import.meta.url), 'utf8');
}

/**
 * Runs in the page: gathers the report's title and publication date (the page's own h1 and
 * "Publicerad …" line, moved, not copied, so the text is there once) into a cover with the
 * organisation and the year, puts the table of contents right after it, and gives each of its
 * entries a leader and a place for its page number. Returns the ids the contents link to.
 */
function prepareInPage(cover: Cover): string[] {
  const main = document.querySelector('main');
  const title = main?.querySelector('h1');
  const toc = main?.querySelector('nav.toc');
  if (!main || !title || !toc) throw new Error('the report page has no main, h1 or nav.toc');
  const block = document.createElement('div');
  block.className = 'edition-cover';
  // written out twice rather than by a helper function: tsx wraps named functions in a helper
  // (__name) that exists only in Node, not in the page
  const organisation = document.createElement('p');
  organisation.className = 'edition-cover__organisation';
  organisation.textContent = cover.organisation;
  const year = document.createElement('p');
  year.className = 'edition-cover__year';
  year.textContent = `Verksamhetsåret ${cover.year}`;
  title.before(block);
  block.append(organisation, title, year);
  const published = main.querySelector('p.meta');
  if (published) block.append(published);
  block.after(toc);
  const targets: string[] = [];
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    targets.push(decodeURIComponent(link.hash.slice(1)));
    const text = document.createElement('span');
    text.append(...link.childNodes);
    const leader = document.createElement('span');
    leader.className = 'edition-toc__leader';
    const number = document.createElement('span');
    number.className = 'edition-toc__page';
    link.append(text, leader, number);
  }
  return targets;
}

/** Runs in the page: writes each entry's page number, or leaves it blank for the first print. */
function numberInPage(pages: Record<string, number>): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.toc a[href^="#"]')) {
    const number = link.querySelector('.edition-toc__page');
    const page = pages[decodeURIComponent(link.hash.slice(1))];
    if (number) number.textContent = page === undefined ? '' : String(page);
  }
}

/**
 * Turns the loaded report page into the print edition and prints it, its contents numbered.
 * `print` makes one PDF of the page as it stands.
 */
export async function printEdition(page: Page, cover: Cover, print: () => Promise<Uint8Array>): Promise<Uint8Array> {
  await page.addStyleTag({ content: await editionStyle() });
  const targets = await page.evaluate(prepareInPage, cover);
  let numbers: Record<string, number> = {};
  // the first print finds the numbers, the second shows them and must find the same ones; a
  // third would only be needed if writing the numbers changed the page count of the contents
  for (let round = 0; round < 3; round++) {
    await page.evaluate(numberInPage, numbers);
    const pdf = await print();
    const found = destinationPages(pdf);
    const missing = targets.filter((target) => !found.has(target));
    if (missing.length > 0) throw new Error(`the contents link to ${missing.map((id) => `#${id}`).join(', ')}, which the PDF has no page for`);
    const pages = Object.fromEntries(targets.map((target) => [target, found.get(target)!]));
    if (targets.every((target) => numbers[target] === pages[target])) return pdf;
    numbers = pages;
  }
  throw new Error('the page numbers of the contents did not settle in three prints');
}
