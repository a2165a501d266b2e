import { existsSync } from 'node:fs';
import { appendFile, cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSize } from '../../src/commands/newsletter.js';
import { gmailClipBytes } from '../../src/email/files.js';
import { root, runCli, tempDir, type CliResult } from '../support/cli.js';

/*
 * `verksam newsletter <slug>`: builds the site like `verksam build` and prints where the issue's
 * email.html, email.txt and web version are and how large they are; exit 1 when the email is
 * too large for Gmail, and for an issue that does not exist or is not published.
 */

const here = dirname(fileURLToPath(import.meta.url));
const fixtureSite = join(here, 'fixtures', 'site');

let dir: string;
beforeAll(async () => {
  dir = await tempDir('verksam-newsletter-');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The lines of the report that name a file: path and size. */
function fileLines(stdout: string): { path: string; size: string }[] {
  return [...stdout.matchAll(/^ {2}(\S+\.(?:html|txt)) +([\d ,]+ kB) /gm)].map((match) => ({ path: match[1]!, size: match[2]! }));
}

describe('verksam newsletter <slug>', () => {
  let result: CliResult;
  let out: string;

  beforeAll(async () => {
    out = join(dir, 'real');
    result = await runCli(['newsletter', '2019-1-forsta-numret', '--out', out]);
  });

  it('builds the site and prints the email files, the web version and their sizes', async () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^verksam: webbplatsen byggdes till .+\/\. Nyhetsbrevet nr 1, "Första numret" \(10 juni 2019\):$/m);
    const files = fileLines(result.stdout);
    expect(files.map((file) => file.path.replace(/^.*\/nyhetsbrev\//, 'nyhetsbrev/'))).toEqual([
      'nyhetsbrev/2019-1-forsta-numret/email.html',
      'nyhetsbrev/2019-1-forsta-numret/email.txt',
      'nyhetsbrev/2019-1-forsta-numret/index.html',
    ]);
    for (const file of files) {
      // the printed path leads to the file from the working folder, and the size is its size
      const absolute = join(root, file.path);
      expect(existsSync(absolute), file.path).toBe(true);
      expect(file.size).toBe(formatSize((await stat(absolute)).size));
    }
    expect(result.stdout).toContain('Webbversionen publiceras på https://www.kfkl.se/nyhetsbrev/2019-1-forsta-numret/');
    expect(result.stdout).toContain(`under gränsen ${gmailClipBytes / 1000} kB`);
    expect(result.stdout).toContain('"*|UNSUB|*"');
  });

  it('writes the whole site, the email beside the web version', async () => {
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(await readFile(join(out, 'nyhetsbrev', '2019-1-forsta-numret', 'index.html'), 'utf8')).toContain('href="/nyhetsbrev/2019-1-forsta-numret/email.html"');
    expect(await readFile(join(out, 'nyhetsbrev', '2019-1-forsta-numret', 'email.txt'), 'utf8')).toContain('Med bättre integrationsarbete i sikte');
  });

  it('names the published issues when the slug is unknown (exit 1)', async () => {
    const unknown = await runCli(['newsletter', 'nr-99', '--content', fixtureSite, '--out', join(dir, 'unknown')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Det finns inget nyhetsbrev "nr-99"');
    expect(unknown.stderr).toContain('Publicerade: 2021-1-provnumret.');
  });

  it('says that a draft is not published and has no email in the build (exit 1)', async () => {
    const draft = await runCli(['newsletter', '2021-2-utkastet', '--content', fixtureSite, '--out', join(dir, 'draft')]);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain('är ett utkast');
    expect(draft.stderr).toContain('verksam dev');
  });

  it('refuses a missing or malformed slug and options of other commands (exit 2)', async () => {
    expect((await runCli(['newsletter'])).code).toBe(2);
    expect((await runCli(['newsletter', 'Första numret.md'])).code).toBe(2);
    expect((await runCli(['newsletter', 'a', 'b'])).code).toBe(2);
    const wrongOption = await runCli(['newsletter', '2019-1-forsta-numret', '--format', 'json']);
    expect(wrongOption.code).toBe(2);
    expect(wrongOption.stderr).toContain('--format gäller inte för "verksam newsletter"');
  });

  it('reports content problems like build, and writes nothing (exit 1)', async () => {
    const content = join(dir, 'broken');
    await cp(fixtureSite, content, { recursive: true });
    const file = join(content, 'nyhetsbrev', '2021-1-provnumret.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('articles: [bilder-och-lankar, tabeller]', 'articles: [finns-inte]'));
    const broken = await runCli(['newsletter', '2021-1-provnumret', '--content', content, '--out', join(dir, 'broken-out')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/2021-1-provnumret\.md:\d+:\d+ {2}fel {2}Fältet "articles\[0\]": okänd nyhet "finns-inte"/);
    expect(broken.stderr).toContain('Inget skrevs');
    expect(existsSync(join(dir, 'broken-out'))).toBe(false);
  });

  it(`fails (exit 1) when the email reaches Gmail's ${gmailClipBytes / 1000} kB, and says so`, async () => {
    const content = join(dir, 'long');
    await cp(fixtureSite, content, { recursive: true });
    const paragraph = 'Ett långt stycke som upprepas tills brevet blir för stort för Gmail att visa i sin helhet. '.repeat(6);
    await appendFile(join(content, 'nyheter', 'tabeller.md'), `\n${Array.from({ length: 200 }, () => paragraph).join('\n\n')}\n`);
    const long = await runCli(['newsletter', '2021-1-provnumret', '--content', content, '--out', join(dir, 'long-out')]);
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/email\.html {2}fel {2}E-postversionen är [\d ,]+ kB; Gmail klipper meddelanden från 102 kB/);
    // the files are written all the same: the communicator sees what is too long
    const size = (await stat(join(dir, 'long-out', 'nyhetsbrev', '2021-1-provnumret', 'email.html'))).size;
    expect(size).toBeGreaterThanOrEqual(gmailClipBytes);
    // a plain build publishes the site and warns about the email, without failing
    const built = await runCli(['build', '--no-pdf', '--content', content, '--out', join(dir, 'long-build')]);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/varning: nyhetsbrev\/2021-1-provnumret\/email\.html är [\d ,]+ kB; Gmail klipper meddelanden från 102 kB/);
    const short = await runCli(['build', '--no-pdf', '--content', fixtureSite, '--out', join(dir, 'short-build')]);
    expect(short.stderr).not.toContain('Gmail klipper');
  });
});
