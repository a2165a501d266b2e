import { randomBytes } from 'node:crypto';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { build, buildSite } from '../../src/build.js';
import { checkContent } from '../../src/commands/check.js';
import { select } from '../support/hast.js';
import { tempDir } from '../support/cli.js';
import { area, contentError, goal, news, places, removeSites, report, siteYaml, writeSite } from '../content/temp-site.js';

/*
 * Attachments (content/filer/) end to end, with real files: published byte for byte, every link
 * to one saying its type and its real size, a link to a missing one an error at its line, a file
 * that cannot be published an error, a heavy one a warning.
 */

afterAll(removeSites);

const page = (body: string) => `---\ntitle: Om oss\nlead: Förbundet i korthet.\n---\n${body}`;

async function writeBytes(dir: string, path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), bytes);
}

const linksOf = (html: string) =>
  select(fromHtml(html) as Root, (element) => element.tagName === 'a' && String(element.properties.href).startsWith('/filer/')).map(
    (link) => `${toString(link)} → ${String(link.properties.href)}`,
  );

describe('attachments', () => {
  it('are published byte for byte; each link, however it is written, says type and size', async () => {
    const pdf = randomBytes(425_000);
    const excel = randomBytes(1_450_000);
    const word = randomBytes(52_300);
    const dir = await writeSite({
      'site.yaml': siteYaml,
      'omraden/skola.md': area('Skola', 1),
      // written relative to the file, as a Markdown editor's preview follows it, and from the site's root
      'sidor/om-oss.md': page('Förbundet styrs av sin [Förbundsordning](../filer/forbundsordning.pdf).\n\nSe [budgeten](/filer/ekonomi/budget-2021.xlsx#blad2).\n'),
      'nyheter/ny.md': news({ title: 'Ny ordning', date: '2021-02-01' }).replace('Brödtext.', 'Läs [förbundsordningen](../filer/forbundsordning.pdf) och fyll i [ansökan](/filer/ansokan.docx).'),
      'verksamhetsberattelse/2020/index.md': report(2020),
      'verksamhetsberattelse/2020/mal-01.md': goal({ number: 1, area: 'skola' }).replace('U.\n', 'Se [förbundsordningen](../../filer/forbundsordning.pdf).\n'),
    });
    await writeBytes(dir, 'filer/forbundsordning.pdf', pdf);
    await writeBytes(dir, 'filer/ekonomi/budget-2021.xlsx', excel);
    await writeBytes(dir, 'filer/ansokan.docx', word);
    const out = join(await tempDir(), 'dist');
    await build({ contentDir: dir, cwd: dir, outDir: out, search: false, pdf: false, today: '2026-01-01' });

    expect(Buffer.compare(await readFile(join(out, 'filer/forbundsordning.pdf')), pdf)).toBe(0);
    expect(Buffer.compare(await readFile(join(out, 'filer/ekonomi/budget-2021.xlsx')), excel)).toBe(0);
    expect(Buffer.compare(await readFile(join(out, 'filer/ansokan.docx')), word)).toBe(0);

    expect(linksOf(await readFile(join(out, 'om-oss/index.html'), 'utf8'))).toEqual([
      'Förbundsordning (PDF, 425 kB) → /filer/forbundsordning.pdf',
      'budgeten (Excel, 1,5 MB) → /filer/ekonomi/budget-2021.xlsx#blad2',
    ]);
    expect(linksOf(await readFile(join(out, 'nyheter/2021/ny/index.html'), 'utf8'))).toEqual([
      'förbundsordningen (PDF, 425 kB) → /filer/forbundsordning.pdf',
      'ansökan (Word, 52 kB) → /filer/ansokan.docx',
    ]);
    expect(linksOf(await readFile(join(out, 'verksamhetsberattelse/2020/mal-1/index.html'), 'utf8'))).toEqual([
      'förbundsordningen (PDF, 425 kB) → /filer/forbundsordning.pdf',
    ]);
  });

  it('says type and size once, however the link is written, and in feeds and the newsletter email too, with the full address', async () => {
    const dir = await writeSite({
      'site.yaml': siteYaml.replace('https://test.example/', 'https://test.example/repo/'),
      'omraden/skola.md': area('Skola', 1),
      // the label written by hand (stale or without a size) and the site's own address written out
      'sidor/om-oss.md': page(
        'A [Stadgar (PDF, 2 MB)](/filer/stadgar.pdf), B [Stadgar (pdf)](/filer/stadgar.pdf#page=2), C [(PDF, 1 kB)](/filer/stadgar.pdf), C2 [Stadgar (pdf-fil 2 MB)](/filer/stadgar.pdf), D [Stadgar](https://test.example/repo/filer/stadgar.pdf?download), E [Andra](https://annan.example/repo/filer/stadgar.pdf).\n',
      ),
      'nyheter/ny.md': news({ title: 'Ny ordning', date: '2021-02-01', areas: ['skola'] }).replace('Brödtext.', 'Läs [stadgarna](../filer/stadgar.pdf).'),
      'nyhetsbrev/nr-1.md': ['---', 'number: 1', 'date: 2021-02-02', 'title: Nr 1', 'articles: [ny]', 'blocks:', '  - title: Block', '    body: Se [stadgarna](/filer/stadgar.pdf).', '---', 'Ledare med [stadgarna](/filer/stadgar.pdf).', ''].join('\n'),
    });
    await writeBytes(dir, 'filer/stadgar.pdf', randomBytes(425_000));
    const site = await buildSite({ contentDir: dir, cwd: dir, search: false, today: '2026-01-01' });
    const file = (path: string) => {
      const found = site.files.find((candidate) => candidate.path === path);
      if (!found) throw new Error(`no ${path}`);
      return typeof found.contents === 'string' ? found.contents : Buffer.from(found.contents).toString('utf8');
    };
    const links = (html: string) =>
      select(fromHtml(html) as Root, (element) => element.tagName === 'a' && String(element.properties.href).includes('/filer/')).map(
        (link) => `${toString(link)} → ${String(link.properties.href)}`,
      );
    expect(links(file('om-oss/index.html'))).toEqual([
      'Stadgar (PDF, 425 kB) → /repo/filer/stadgar.pdf',
      'Stadgar (PDF, 425 kB) → /repo/filer/stadgar.pdf#page=2',
      '(PDF, 425 kB) → /repo/filer/stadgar.pdf',
      'Stadgar (PDF, 425 kB) → /repo/filer/stadgar.pdf',
      'Stadgar (PDF, 425 kB) → https://test.example/repo/filer/stadgar.pdf?download',
      'Andra → https://annan.example/repo/filer/stadgar.pdf',
    ]);
    const absolute = 'stadgarna (PDF, 425 kB) → https://test.example/repo/filer/stadgar.pdf';
    for (const feed of ['nyheter/feed.json', 'omraden/skola/feed.json']) {
      const items = (JSON.parse(file(feed)) as { items: { content_html: string }[] }).items;
      expect(links(items[0]!.content_html), feed).toEqual([absolute]);
    }
    const issue = (JSON.parse(file('nyhetsbrev/feed.json')) as { items: { content_html: string }[] }).items[0]!;
    expect(links(issue.content_html)).toEqual([absolute]);
    const email = site.files.find((candidate) => candidate.path.startsWith('nyhetsbrev/') && candidate.path.endsWith('email.html'))!;
    expect(links(String(email.contents))).toEqual([absolute, absolute, absolute]);
    const text = String(site.files.find((candidate) => candidate.path.startsWith('nyhetsbrev/') && candidate.path.endsWith('email.txt'))!.contents);
    expect(text.match(/stadgarna \(PDF, 425 kB\)/g)).toHaveLength(3);
  });

  it('a link to a file that is not there is a broken-link error at the link, naming the file', async () => {
    const dir = await writeSite({
      'site.yaml': siteYaml,
      'sidor/om-oss.md': page('Första stycket.\n\nSe [förbundsordningen](/filer/forbundsordningen.pdf) och [stadgarna](../filer/stadgar.pdf).\n'),
      'filer/forbundsordning.pdf': '%PDF-1.4\n',
    });
    const error = await contentError(() => buildSite({ contentDir: dir, cwd: dir, search: false }));
    expect(places(error.messages)).toEqual(['sidor/om-oss.md:7:4 broken-link', 'sidor/om-oss.md:7:58 broken-link']);
    expect(error.messages[0]!.reason).toContain('filer/forbundsordningen.pdf, som inte finns i innehållsmappen; menade du /filer/forbundsordning.pdf?');
    expect(error.messages[1]!.reason).toContain('filer/stadgar.pdf, som inte finns i innehållsmappen; lägg filen i filer/');
  });

  it('a link written from the site\'s root without its first / is an error that says how to write it', async () => {
    const dir = await writeSite({
      'site.yaml': siteYaml,
      'sidor/om-oss.md': page('Första stycket.\n\nSe [förbundsordningen](filer/forbundsordning.pdf).\n'),
      'filer/forbundsordning.pdf': '%PDF-1.4\n',
    });
    const error = await contentError(() => buildSite({ contentDir: dir, cwd: dir, search: false }));
    expect(places(error.messages)).toEqual(['sidor/om-oss.md:7:4 broken-link']);
    expect(error.messages[0]!.reason).toBe(
      'Länken "filer/forbundsordning.pdf" leder till /om-oss/filer/forbundsordning.pdf, som inte finns: en adress utan / först räknas från sidan den står på. Menade du /filer/forbundsordning.pdf?',
    );
  });

  it('that cannot be published are errors naming the file: another type, a name that is no address, an empty or a too large file', async () => {
    const dir = await writeSite({
      'site.yaml': siteYaml,
      'filer/sida.html': '<script>alert(1)</script>',
      'filer/logga.svg': '<svg/>',
      'filer/Förbundsordning 2019.PDF': '%PDF-1.4\n',
      'filer/Protokoll/styrelsen.pdf': '%PDF-1.4\n',
      'filer/tom.pdf': '',
      'filer/stor.pdf': '',
      'nyheter/stadgar.pdf': '%PDF-1.4\n',
    });
    // sparse: as large as it says, without writing 100 MB
    await truncate(join(dir, 'filer/stor.pdf'), 100_000_001);
    const error = await contentError(() => buildSite({ contentDir: dir, cwd: dir, search: false }));
    expect(places(error.messages)).toEqual([
      'filer/Förbundsordning 2019.PDF:-:- invalid-slug',
      'filer/logga.svg:-:- invalid-attachment',
      'filer/Protokoll/styrelsen.pdf:-:- invalid-slug',
      'filer/sida.html:-:- invalid-attachment',
      'filer/stor.pdf:-:- invalid-attachment',
      'filer/tom.pdf:-:- invalid-attachment',
      'nyheter/stadgar.pdf:-:- unexpected-file',
    ]);
    const reason = (file: string) => error.messages.find((message) => message.file === file)!.reason;
    expect(reason('filer/Förbundsordning 2019.PDF')).toContain('byt namn till "forbundsordning-2019.pdf"');
    expect(reason('filer/Protokoll/styrelsen.pdf')).toContain('byt namn till "protokoll/styrelsen.pdf"');
    expect(reason('filer/stor.pdf')).toContain('100 MB');
    expect(reason('filer/tom.pdf')).toContain('tom');
    expect(reason('nyheter/stadgar.pdf')).toContain('lägg den i filer/');
  });

  it('over 20 MB are a warning of verksam check, and are still published', async () => {
    const dir = await writeSite({ 'site.yaml': siteYaml, 'filer/liten.pdf': '%PDF-1.4\n', 'filer/arsbok.pdf': '' });
    await truncate(join(dir, 'filer/arsbok.pdf'), 21_500_000);
    const result = await checkContent({ contentDir: dir, cwd: dir, today: '2026-01-01' });
    if (!result.ok) throw new Error(result.messages.map(String).join('\n'));
    const large = result.warnings.filter((warning) => warning.ruleId === 'large-attachment');
    expect(large.map((warning) => `${warning.file} ${warning.fatal}`)).toEqual(['filer/arsbok.pdf false']);
    expect(large[0]!.reason).toContain('21,5 MB');
    expect(result.site.files.find((file) => file.path === 'filer/arsbok.pdf')?.contents.length).toBe(21_500_000);
  });
});
