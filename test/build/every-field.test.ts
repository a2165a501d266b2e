import { readdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageVariants } from '../../src/extras/images.js';
import { BuildSession, type SessionOptions, type UpdateResult } from '../../src/session/session.js';
import { copyContent, fixture } from '../support/cli.js';

/*
 * The promise behind incremental and cached builds: whatever an editor changes, the preview's
 * updated site and a build from the disk cache are byte for byte the site a fresh, uncached
 * build makes, and report the same problems. Every field of every file of a fixture site is
 * changed, one at a time (and every body), and the three are compared each time.
 */

const files = readdirSync(fixture('basic'), { recursive: true, encoding: 'utf8' })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => /\.(md|yaml)$/.test(file))
  .sort();
// attachments are published as they are: what an editor changes is the file as a whole
const attachments = readdirSync(join(fixture('basic'), 'filer'), { recursive: true, encoding: 'utf8' })
  .map((file) => `filer/${file.split('\\').join('/')}`)
  .sort();
const imageFiles = readdirSync(fixture('basic'), { recursive: true, encoding: 'utf8' })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => /\.(jpe?g|png)$/.test(file))
  .sort();
// what a reference may name instead: another file of the same folder
const slugs = new Map<string, string[]>();
for (const file of files) slugs.set(dirname(file), [...(slugs.get(dirname(file)) ?? []), file.replace(/^.*\//, '').replace(/\.md$/, '')]);

let content: string;
let cacheDir: string;
let baseline: ReturnType<typeof outcome>;
let preview: BuildSession;
// variants depend on an image's bytes alone: shared, so each of the many builds does not encode them again
const imageVariants = new ImageVariants();

beforeAll(async () => {
  content = await copyContent(fixture('basic'));
  cacheDir = join(dirname(content), 'cache');
  const primer = new BuildSession(options({ cacheDir }));
  baseline = outcome(await primer.update(), primer);
  await primer.persist();
  preview = new BuildSession(options());
  await preview.update();
});
afterAll(() => rm(dirname(content), { recursive: true, force: true }));

const options = (extra: Partial<SessionOptions> = {}): SessionOptions => ({
  contentDir: content,
  cwd: dirname(content),
  drafts: false,
  today: '2026-01-01',
  search: false,
  imageVariants,
  ...extra,
});

/** A change of one front-matter value that an editor could make: another date, number, reference or text. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (typeof value !== 'string') return value;
  const date = /^(\d{4})(-\d\d-\d\d)$/.exec(value);
  if (date) return `${Number(date[1]) - 1}${date[2]}`;
  for (const names of slugs.values()) {
    const other = names.find((name) => name !== value);
    if (names.includes(value) && other) return other;
  }
  return `${value} ändrad`;
}

interface Mutation {
  file: string;
  label: string;
  text: string;
}

/** Every scalar of the file's front matter changed one at a time, and its body. */
function mutations(file: string, text: string): Mutation[] {
  const yamlFile = file.endsWith('.yaml');
  const fenced = /^---\n([\s\S]*?\n)---\n/.exec(text);
  if (!yamlFile && !fenced) throw new Error(`${file} has no front matter`);
  const match = yamlFile ? { front: text, rest: '' } : { front: fenced![1]!, rest: text.slice(fenced![0].length) };
  const paths: (string | number)[][] = [];
  const walk = (node: Node | null | undefined, path: (string | number)[]) => {
    if (isScalar(node)) paths.push(path);
    else if (isMap(node)) for (const pair of node.items) walk(pair.value as Node, [...path, String((pair.key as { value: unknown }).value)]);
    else if (isSeq(node)) node.items.forEach((item, index) => walk(item as Node, [...path, index]));
  };
  walk(parseDocument(match.front).contents as Node, []);
  const result = paths.map((path) => {
    const document = parseDocument(match.front);
    document.setIn(path, changed(document.getIn(path)));
    const front = document.toString();
    return { file, label: path.join('.'), text: yamlFile ? front : `---\n${front}---\n${match.rest}` };
  });
  if (!yamlFile) result.push({ file, label: 'body', text: `${text.trimEnd()}\n\nEn mening till, med [en länk](/nyheter/).\n` });
  return result;
}

const outcome = (result: UpdateResult, session: BuildSession) =>
  result.messages.length > 0
    ? { problems: result.messages.map((message) => `${message.file}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`) }
    : { files: Object.fromEntries(session.outputFiles) };

describe('every field of every file, changed one at a time, gives the same site and problems incrementally, from the disk cache and fresh', () => {
  it('starts from a valid site', () => {
    expect(baseline.problems).toBeUndefined();
    // the fixture's files hold this many values and bodies: a walk that found none would prove nothing
    expect(files.length).toBeGreaterThan(12);
    expect(attachments.length).toBeGreaterThan(1);
  });

  it.each(attachments)('%s, made larger, then removed', async (file) => {
    const original = await readFile(join(content, file));
    // 3 kB more: the links to it say another size
    const changes = [
      { label: 'larger', apply: () => writeFile(join(content, file), Buffer.concat([original, Buffer.alloc(3000, 32)])) },
      { label: 'removed', apply: () => rm(join(content, file)) },
    ];
    for (const change of changes) {
      await change.apply();
      const incremental = outcome(await preview.update([file]), preview);
      const fresh = new BuildSession(options());
      const expected = outcome(await fresh.update(), fresh);
      const cachedSession = new BuildSession(options({ cacheDir, cacheReadOnly: true }));
      const cached = outcome(await cachedSession.update(), cachedSession);
      expect(incremental, `${change.label} (preview)`).toEqual(expected);
      expect(cached, `${change.label} (disk cache)`).toEqual(expected);
      expect(expected, `${change.label} changes the site`).not.toEqual(baseline);
      await writeFile(join(content, file), original);
      expect(outcome(await preview.update([file]), preview), `${change.label} undone`).toEqual(baseline);
    }
  });

  it.each(files)('%s', async (file) => {
    const original = await readFile(join(content, file), 'utf8');
    const changes = mutations(file, original);
    expect(changes.length).toBeGreaterThan(file.endsWith('.yaml') ? 5 : 2);
    for (const mutation of changes) {
      await writeFile(join(content, file), mutation.text);
      const incremental = outcome(await preview.update([file]), preview);
      const fresh = new BuildSession(options());
      const expected = outcome(await fresh.update(), fresh);
      const cachedSession = new BuildSession(options({ cacheDir, cacheReadOnly: true }));
      const cached = outcome(await cachedSession.update(), cachedSession);
      expect(incremental, `${mutation.label} (preview)`).toEqual(expected);
      expect(cached, `${mutation.label} (disk cache)`).toEqual(expected);
      await writeFile(join(content, file), original);
      expect(outcome(await preview.update([file]), preview), `${mutation.label} undone`).toEqual(baseline);
    }
  });

  // an image shown in front matter or in a text changes apart from every text: its pages follow it
  it.each(imageFiles)('%s, replaced by an image of another size', async (file) => {
    const original = await readFile(join(content, file));
    const { width, height } = await sharp(original).metadata();
    const other = await sharp(original).resize(Math.round(width! / 2), height!, { fit: 'fill' }).toBuffer();
    await writeFile(join(content, file), other);
    const incremental = outcome(await preview.update([file]), preview);
    const fresh = new BuildSession(options());
    const expected = outcome(await fresh.update(), fresh);
    const cachedSession = new BuildSession(options({ cacheDir, cacheReadOnly: true }));
    const cached = outcome(await cachedSession.update(), cachedSession);
    expect(incremental, 'preview').toEqual(expected);
    expect(cached, 'disk cache').toEqual(expected);
    expect(expected).not.toEqual(baseline);
    await writeFile(join(content, file), original);
    expect(outcome(await preview.update([file]), preview), 'undone').toEqual(baseline);
  });
});
