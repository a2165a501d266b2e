import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { siteSchema } from '../../src/content/schemas.js';
import { initFiles } from '../../src/init/site-files.js';
import { runCli, snapshot, tempDir } from '../support/cli.js';

/*
 * `verksam init [MAPP]`: a new organisation's site. That it passes the page gates (html-validate,
 * the Nu checker, axe, links) is proven by those gates, which run over it like over the fixture
 * sites (test/support/init-site.ts); that it installs and builds from a packed verksam, by
 * init-install.test.ts.
 */

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workFolder(): Promise<string> {
  const dir = await tempDir('verksam-init-');
  made.push(dir);
  return dir;
}

const request = { today: '2026-05-05', folderName: 'Exempel Förbundet', verksamSource: 'github:kfkl/verksam#v0.1.0', verksam: { version: '0.1.0' } };
const fileText = (path: string) => initFiles(request).find((file) => file.path === path)!.text;

/** Every key of an object schema, and of the objects inside it (arrays, defaults, unions), as "a.b". */
function schemaKeys(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => [`${prefix}${key}`, ...schemaKeys(inner, `${prefix}${key}.`)]);
    case 'array':
      return schemaKeys(def.element as z.ZodType, prefix);
    case 'union':
      return [...new Set((def.options as z.ZodType[]).flatMap((option) => schemaKeys(option, prefix)))];
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
      return schemaKeys(def.innerType as z.ZodType, prefix);
    case 'pipe':
      return schemaKeys(def.in as z.ZodType, prefix);
    default:
      return [];
  }
}

describe('the site.yaml init writes', () => {
  const text = fileText('content/site.yaml');

  it('names every field the schema knows, each after a comment saying what it does', () => {
    const keys = schemaKeys(siteSchema);
    // the walk itself must see nested and optional fields, or the test proves nothing
    expect(keys).toEqual(expect.arrayContaining(['contact.address', 'navigation.title', 'report.assessment.partly', 'newsletter.unsubscribeUrl']));
    const lines = text.split('\n');
    const missing: string[] = [];
    for (const key of keys) {
      const name = key.split('.').pop()!;
      // written as a field, or (an optional one with no value here) as a commented-out field
      const index = lines.findIndex((line) => new RegExp(`^\\s*(?:#\\s*)?(?:- )?${name}:`).test(line));
      if (index === -1) missing.push(key);
      else if (!lines.slice(Math.max(0, index - 3), index).some((line) => line.trim().startsWith('#')) && !/#/.test(lines[index]!)) {
        // a field in a list or group is explained by the comment above the group
        if (!key.includes('.')) missing.push(`${key} (no comment)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('says which fields are required', () => {
    const lines = text.split('\n');
    /** The comment block right above a top-level field. */
    const comment = (key: string) => {
      const index = lines.findIndex((line) => line.startsWith(`${key}:`));
      let start = index;
      while (start > 0 && lines[start - 1]!.startsWith('#')) start -= 1;
      return lines.slice(start, index).join('\n');
    };
    for (const key of ['organisation', 'title', 'description', 'baseUrl', 'contact']) expect(comment(key), key).toMatch(/^# Krävs/);
    for (const key of ['language', 'navigation', 'report']) expect(comment(key), key).not.toMatch(/Krävs/);
  });

  it('is valid as it stands, with a menu', () => {
    const parsed = siteSchema.safeParse(parse(text));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data!.navigation.map((item) => item.url)).toEqual(['/nyheter/', '/verksamhetsberattelse/', '/omraden/']);
  });
});

describe('what init writes', () => {
  it('is a site and an organisation repository: content, package.json, .gitignore, the Pages workflow, a README', () => {
    expect(initFiles(request).map((file) => file.path)).toEqual([
      'README.md',
      'package.json',
      '.gitignore',
      '.github/workflows/pages.yml',
      'content/site.yaml',
      'content/omraden/exempelomrade.md',
      'content/verksamhetsberattelse/2025/index.md',
      'content/verksamhetsberattelse/2025/mal-01.md',
      'content/nyheter/var-nya-webbplats.md',
      'content/tillganglighet.md',
    ]);
  });

  it('makes package.json depend on verksam, with the commands an editor runs', () => {
    const manifest = JSON.parse(fileText('package.json'));
    expect(manifest.name).toBe('exempel-forbundet');
    expect(manifest.dependencies).toEqual({ verksam: 'github:kfkl/verksam#v0.1.0' });
    expect(manifest.scripts).toEqual({ build: 'verksam build', check: 'verksam check', dev: 'verksam dev', serve: 'verksam serve' });
  });

  it('keeps what a build makes out of git', () => {
    const ignored = fileText('.gitignore').split('\n');
    for (const folder of ['dist/', '.cache/', 'node_modules/']) expect(ignored).toContain(folder);
  });

  it('dates the news item today and the report the year before', () => {
    expect(fileText('content/nyheter/var-nya-webbplats.md')).toContain('date: 2026-05-05');
    expect(fileText('content/verksamhetsberattelse/2025/index.md')).toContain('title: Verksamhetsberättelse 2025');
  });

  it('writes the accessibility statement with the items of Digg\'s model', () => {
    const statement = parse(/^---\n([\s\S]*?)\n---\n/.exec(fileText('content/tillganglighet.md'))![1]!);
    expect(Object.keys(statement)).toEqual(['compliance', 'standard', 'assessed', 'method', 'updated', 'published', 'contact', 'shortcomings', 'exemptions']);
    expect(Object.keys(statement.contact)).toEqual(['email', 'phone', 'responseTime']);
  });
});

describe('verksam init', () => {
  it('writes a site that check finds valid, with no warning, and whose text verksam new would not write', async () => {
    const dir = await workFolder();
    const result = await runCli(['init', 'webbplats'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('webbplats/');
    expect(result.stdout).toContain('npm install');
    const site = join(dir, 'webbplats');
    expect(existsSync(join(site, '.github', 'workflows', 'pages.yml'))).toBe(true);

    const check = await runCli(['check'], site);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    // one of each, in the singular: "1 nyheter" reads as a mistake to an editor
    expect(check.stdout).toMatch(/\(1 mål, 0 projekt, 1 nyhet, \d+ sidor\)/);

    // What `new` writes is placeholder text that check refuses; init's example text is other text.
    const initText = await texts(join(site, 'content'));
    const before = new Set(Object.keys(initText));
    for (const args of [['nyhet', 'Rubrik'], ['projekt', 'Projekt'], ['omrade', 'Område'], ['mal', '--year', '2025', 'Målet'], ['rapport', '2030']]) {
      expect((await runCli(['new', ...args], site)).code, args.join(' ')).toBe(0);
    }
    const placeholders = Object.entries(await texts(join(site, 'content')))
      .filter(([path]) => !before.has(path))
      .flatMap(([, text]) => text.split('\n'))
      .filter((line) => !line.trim().startsWith('#'))
      .map((line) => line.replace(/^\s*(?:- )?[A-Za-z]+:\s*/, '').trim())
      .filter((value) => value.length >= 20);
    expect(placeholders.length).toBeGreaterThan(3);
    for (const [path, text] of Object.entries(initText)) {
      for (const placeholder of placeholders) expect(text, `${path} has "${placeholder}"`).not.toContain(placeholder);
    }
  });

  it('writes into the working folder when no folder is named, if it is empty', async () => {
    const dir = await workFolder();
    const result = await runCli(['init'], dir);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'content', 'site.yaml'))).toBe(true);
  });

  it('refuses a folder that holds anything, even one hidden file, and changes nothing', async () => {
    const dir = await workFolder();
    await mkdir(join(dir, 'webbplats'));
    await writeFile(join(dir, 'webbplats', '.git'), 'gitdir: elsewhere\n');
    const before = await snapshot(dir);
    const result = await runCli(['init', 'webbplats'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Mappen "webbplats" är inte tom');
    expect(result.stdout).toBe('');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses a name that is a file', async () => {
    const dir = await workFolder();
    await writeFile(join(dir, 'webbplats'), 'text\n');
    const result = await runCli(['init', 'webbplats'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('inte tom');
    expect(await readFile(join(dir, 'webbplats'), 'utf8')).toBe('text\n');
  });

  it('writes the verksam source it is given into package.json', async () => {
    const dir = await workFolder();
    expect((await runCli(['init', 'webbplats', '--verksam', 'file:../verksam.tgz'], dir)).code).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'webbplats', 'package.json'), 'utf8'));
    expect(manifest.dependencies.verksam).toBe('file:../verksam.tgz');
  });
});

/** Every text file below a content folder, by path. */
async function texts(contentDir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(contentDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      result[path] = await readFile(path, 'utf8');
    }
  }
  return result;
}
