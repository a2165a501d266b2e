import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runCli, tempDir, type CliResult } from '../support/cli.js';
import { reproducible } from '../../src/pdf/reproducible.js';
import { pdfDestinations, pdfText, pdfUris } from './pdf-reader.js';

/*
 * The report's print edition links to the published site (issue 11, defect 4): Chromium prints
 * the page from wherever it loaded it, so a PDF printed from a temporary local server linked to
 * that server, and its port made two builds of the same content differ.
 */

const baseUrl = 'https://example.org/repo/';
const pdfPath = 'verksamhetsberattelse/2019/verksamhetsberattelse-2019.pdf';

let dir: string;
const builds: { out: string; result: CliResult }[] = [];

beforeAll(async () => {
  dir = await tempDir();
  // one after the other: the machine is shared, and each build starts its own Chromium
  for (const name of ['first', 'second']) {
    const out = join(dir, name);
    builds.push({ out, result: await runCli(['build', '--content', join(root, 'content'), '--out', out, '--base-url', baseUrl, '--no-search', '--no-cache'], dir) });
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the report PDF of the real content', () => {
  it('is written by both builds', () => {
    for (const { out, result } of builds) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(existsSync(join(out, pdfPath))).toBe(true);
    }
  });

  it('links to the published site, never to the address it was printed from', async () => {
    const [{ out }] = builds as [(typeof builds)[number]];
    const pdf = await readFile(join(out, pdfPath));
    expect(pdfText(pdf).match(/[^\n]{0,40}(?:127\.0\.0\.1|localhost)[^\n]{0,40}/g) ?? [], 'no address of the print server').toEqual([]);
    const uris = pdfUris(pdf);
    const internal = uris.filter((uri) => new URL(uri).host === new URL(baseUrl).host);
    expect(internal.length, 'the report links to areas and projects').toBeGreaterThan(10);
    for (const uri of internal) {
      expect(uri.startsWith(baseUrl), `${uri} is under ${baseUrl}`).toBe(true);
      // and leads to a page the build wrote
      const path = decodeURIComponent(new URL(uri).pathname.slice(new URL(baseUrl).pathname.length));
      expect(existsSync(join(out, path.endsWith('/') || path === '' ? `${path}index.html` : path)), `${uri} leads to a page of the site`).toBe(true);
    }
    for (const uri of uris) expect(uri, 'every link is a web address').toMatch(/^(https?|mailto|tel):/);
  });

  it('keeps links within the report inside the PDF', async () => {
    const [{ out }] = builds as [(typeof builds)[number]];
    const pdf = await readFile(join(out, pdfPath));
    expect(pdfDestinations(pdf)).toEqual(expect.arrayContaining(['maluppfyllelse', 'mal-1', 'mal-15']));
    expect(pdfUris(pdf).filter((uri) => uri.includes('#'))).toEqual([]);
  });

  it('is the same, byte for byte, when the same content is built again', async () => {
    const [first, second] = await Promise.all(builds.map(({ out }) => readFile(join(out, pdfPath))));
    expect(Buffer.compare(first!, second!), 'the two PDFs differ').toBe(0);
  });

  it('does not depend on the numbers Chromium gives the DOM nodes of table headers, which vary from run to run', async () => {
    const [{ out }] = builds as [(typeof builds)[number]];
    const pdf = await readFile(join(out, pdfPath));
    const text = pdf.toString('latin1');
    expect(text, 'the report has tables whose cells name their headers').toMatch(/\/Headers \[\(node\d+\)/);
    // another run: the same elements, every number 25 higher (as when the browser numbered 25 more nodes first)
    const otherRun = Buffer.from(text.replace(/\(node(\d+)\)/g, (_match, digits: string) => `(node${String(Number(digits) + 25).padStart(digits.length, '0')})`), 'latin1');
    expect(Buffer.compare(otherRun, pdf)).not.toBe(0);
    expect(Buffer.compare(Buffer.from(reproducible(otherRun, '2020-03-31')), pdf), 'the renumbered PDF is the same').toBe(0);
  });
});
