import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { fixture } from '../support/cli.js';
import { removeSites, writeSite } from './temp-site.js';

afterEach(removeSites);

describe('loadContent', () => {
  it('reads images as bytes only where they are inspected, never as text', async () => {
    const photo = await readFile(join(fixture('basic'), 'bilder', 'bokhylla.jpg'));
    const dir = await writeSite({ 'site.yaml': 'title: T\n', 'bilder/bokhylla.jpg': '' });
    await writeFile(join(dir, 'bilder', 'bokhylla.jpg'), photo);
    const files = await loadContent(dir, dir);
    const image = files.find((file) => file.contentPath === 'bilder/bokhylla.jpg')!;
    const info = await stat(join(dir, 'bilder', 'bokhylla.jpg'));
    // a stand-in that changes when the file does, not the bytes decoded as UTF-8
    expect(image.text).toBe(`${info.size}:${info.mtimeMs}`);
    expect(image.unread).toBeUndefined();
    expect(files.find((file) => file.contentPath === 'site.yaml')!.text).toBe('title: T\n');
  });

  it('skips what editors\' tools leave behind: Office lock files, Thumbs.db, desktop.ini', async () => {
    const dir = await writeSite({ 'site.yaml': 'title: T\n', 'nyheter/~$nyhet.docx': 'x', 'bilder/Thumbs.db': 'x', 'nyheter/desktop.ini': 'x' });
    expect((await loadContent(dir, dir)).map((file) => file.contentPath)).toEqual(['site.yaml']);
  });
});
