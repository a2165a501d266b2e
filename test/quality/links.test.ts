import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildAllSites, cleanupAll, siteSources, type BuiltSite } from '../support/build-site.js';
import { isEmailFile, listFiles, urlOfFile } from '../support/site-pages.js';
import { startStaticServer } from '../support/static-server.js';

/*
 * Links: every internal href/src of every generated page (and every url() of every stylesheet)
 * resolves to a generated file, and every #fragment to an id on the target page. Pages are read
 * with parse5, the HTML-standard parser the generator's rehype-raw uses too (it is installed as
 * a dependency of rehype-raw → hast-util-raw; it decodes entities in attributes, which
 * html-validate's parser does not).
 *
 * Sub-path: built for https://example.org/repo/ (a GitHub Pages project site), no internal link
 * leaves /repo/, and every one is served under /repo/.
 */

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const subPathBaseUrl = 'https://example.org/repo/';

/** Attributes holding a URL, by element. */
const urlAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src', 'formaction'],
  button: ['formaction'],
  form: ['action'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
  use: ['href'],
  image: ['href'],
};

/** <meta> whose content is a URL of the site (Open Graph, Twitter cards). */
const urlMetaProperties = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']);

/** One URL found in a generated file. */
interface Reference {
  /** The file it was found in, relative to the output folder. */
  file: string;
  line: number;
  column: number;
  /** e.g. `a[href]`, `css url()` */
  where: string;
  value: string;
}

interface ParsedPage {
  references: Reference[];
  ids: Set<string>;
}

function* elements(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      yield child;
      yield* elements(child);
      if (child.tagName === 'template' && 'content' in child) yield* elements((child as DefaultTreeAdapterMap['template']).content);
    }
  }
}

/** The URLs of a srcset: "a.jpg 1x, b.jpg 2x" → ["a.jpg", "b.jpg"]. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

function parsePage(html: string, file: string): ParsedPage {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const references: Reference[] = [];
  const ids = new Set<string>();
  for (const element of elements(document)) {
    const attribute = (name: string) => element.attrs.find((attr) => attr.name === name && !attr.namespace?.includes('xmlns'));
    const id = attribute('id')?.value;
    if (id) ids.add(id);
    const positionOf = (name: string) => {
      const location = element.sourceCodeLocation?.attrs?.[name] ?? element.sourceCodeLocation;
      return { line: location?.startLine ?? 0, column: location?.startCol ?? 0 };
    };
    for (const name of urlAttributes[element.tagName] ?? []) {
      const value = attribute(name)?.value;
      if (value === undefined) continue;
      const values = name === 'srcset' ? srcsetUrls(value) : [value];
      for (const url of values) references.push({ file, ...positionOf(name), where: `${element.tagName}[${name}]`, value: url });
    }
    if (element.tagName === 'meta') {
      const property = attribute('property')?.value ?? attribute('name')?.value ?? '';
      const content = attribute('content')?.value;
      if (urlMetaProperties.has(property) && content !== undefined) {
        references.push({ file, ...positionOf('content'), where: `meta[property="${property}"]`, value: content });
      }
    }
  }
  return { references, ids };
}

function cssReferences(css: string, file: string): Reference[] {
  const references: Reference[] = [];
  const pattern = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;
  for (const match of css.matchAll(pattern)) {
    const value = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
    const before = css.slice(0, match.index).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    references.push({ file, line, column, where: match[0].startsWith('@import') ? 'css @import' : 'css url()', value });
  }
  return references;
}

/** Everything the link check knows about a built site. */
interface LinkGraph {
  files: Set<string>;
  pages: Map<string, ParsedPage>;
  references: Reference[];
}

async function readSite(site: BuiltSite): Promise<LinkGraph> {
  const files = new Set(await listFiles(site.outDir));
  const pages = new Map<string, ParsedPage>();
  const references: Reference[] = [];
  for (const file of files) {
    if (file.endsWith('.html')) {
      const page = parsePage(await readFile(join(site.outDir, file), 'utf8'), file);
      pages.set(file, page);
      references.push(...page.references);
    } else if (file.endsWith('.css')) {
      references.push(...cssReferences(await readFile(join(site.outDir, file), 'utf8'), file));
    }
  }
  return { files, pages, references };
}

/** A reference that points into the site, resolved to the file it needs. */
interface InternalTarget {
  reference: Reference;
  url: URL;
  /** The output file it must resolve to, relative to the output folder. */
  file: string;
}

type Resolution = { kind: 'external' } | { kind: 'internal'; target: InternalTarget } | { kind: 'problem'; problem: string };

function describeReference(reference: Reference): string {
  return `${reference.file}:${reference.line}:${reference.column}  ${reference.where}="${reference.value}"`;
}

/** Resolves a reference found in `reference.file` against the site's base URL. */
function resolveReference(site: BuiltSite, reference: Reference): Resolution {
  const root = new URL(site.baseUrl);
  const base = new URL(urlOfFile(reference.file).slice(1), root);
  let url: URL;
  try {
    url = new URL(reference.value, base);
  } catch {
    return { kind: 'problem', problem: 'is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'external' };
  if (url.host !== root.host) return { kind: 'external' };
  if (!url.pathname.startsWith(root.pathname)) {
    return { kind: 'problem', problem: `leaves the site: ${url.pathname} is outside its base path ${root.pathname}` };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(root.pathname.length));
  } catch {
    return { kind: 'problem', problem: 'has a broken %-escape' };
  }
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  return { kind: 'internal', target: { reference, url, file } };
}

/**
 * The mail service's unsubscribe placeholder (site.yaml newsletter.unsubscribeUrl, e.g. *|UNSUB|*):
 * the one href of a newsletter email that the service fills in when it sends, so no link to check.
 */
function unsubscribePlaceholder(site: BuiltSite): string | undefined {
  const config = parseYaml(readFileSync(join(site.source.contentDir, 'site.yaml'), 'utf8')) as { newsletter?: { unsubscribeUrl?: unknown } } | null;
  const value = config?.newsletter?.unsubscribeUrl;
  return typeof value === 'string' ? value : undefined;
}

/** Every problem with the internal references of a site, one readable line each. */
function linkProblems(site: BuiltSite, graph: LinkGraph): { problems: string[]; targets: InternalTarget[] } {
  const problems: string[] = [];
  const targets: InternalTarget[] = [];
  const placeholder = unsubscribePlaceholder(site);
  for (const reference of graph.references) {
    if (placeholder !== undefined && isEmailFile(reference.file) && reference.value === placeholder) continue;
    const resolution = resolveReference(site, reference);
    if (resolution.kind === 'external') continue;
    if (resolution.kind === 'problem') {
      problems.push(`${describeReference(reference)}  ${resolution.problem}`);
      continue;
    }
    const { target } = resolution;
    targets.push(target);
    // 404.html is served at whatever address was missing, so its links must not be relative.
    if (reference.file === '404.html' && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(reference.value)) {
      problems.push(`${describeReference(reference)}  is relative, but 404.html is shown at any missing address: use a root-relative link`);
    }
    if (!graph.files.has(target.file)) {
      const folder = graph.files.has(`${target.file}/index.html`);
      problems.push(
        `${describeReference(reference)}  ${folder ? `points at the folder ${target.file} without a trailing slash` : `no such file: ${target.file}`}`,
      );
      continue;
    }
    const fragment = target.url.hash.slice(1);
    if (fragment !== '' && target.file.endsWith('.html')) {
      const ids = graph.pages.get(target.file)?.ids ?? new Set<string>();
      let decoded = fragment;
      try {
        decoded = decodeURIComponent(fragment);
      } catch {
        // keep the raw fragment
      }
      if (!ids.has(fragment) && !ids.has(decoded) && decoded.toLowerCase() !== 'top') {
        problems.push(`${describeReference(reference)}  no element with id="${decoded}" in ${target.file}`);
      }
    }
  }
  return { problems, targets };
}

describe('internal links of every generated page', () => {
  let sites: BuiltSite[] = [];

  beforeAll(async () => {
    sites = await buildAllSites();
  });

  afterAll(async () => {
    await cleanupAll(sites);
  });

  it.each(siteSources().map((source) => source.name))('%s: every internal href/src and #fragment resolves', async (name) => {
    const site = sites.find((candidate) => candidate.source.name === name);
    if (!site) throw new Error(`site ${name} was not built`);
    const graph = await readSite(site);
    expect(graph.pages.size, `${name} has no pages`).toBeGreaterThan(0);
    const { problems, targets } = linkProblems(site, graph);
    expect(targets.length, `${name} has no internal links at all`).toBeGreaterThan(0);
    expect(problems.length, `${name}: ${problems.length} broken internal link(s):\n  ${problems.join('\n  ')}\n`).toBe(0);
  });
});

describe(`published under a sub-path (${subPathBaseUrl})`, () => {
  let sites: BuiltSite[] = [];

  beforeAll(async () => {
    sites = await buildAllSites({ baseUrl: subPathBaseUrl });
  });

  afterAll(async () => {
    await cleanupAll(sites);
  });

  it.each(siteSources().map((source) => source.name))('%s: no internal link escapes /repo/, and each one is served there', async (name) => {
    const site = sites.find((candidate) => candidate.source.name === name);
    if (!site) throw new Error(`site ${name} was not built`);
    expect(site.basePath).toBe('/repo/');
    const graph = await readSite(site);
    const { problems, targets } = linkProblems(site, graph);

    const rootRelative = graph.references.filter((reference) => reference.value.startsWith('/') && !reference.value.startsWith('//'));
    expect(rootRelative.length, `${name}: no root-relative links found; the check would prove nothing`).toBeGreaterThan(0);
    for (const reference of rootRelative) {
      if (!reference.value.startsWith('/repo/')) problems.push(`${describeReference(reference)}  does not start with /repo/`);
    }

    // Ask a server that serves the site only under /repo/ for every internal target.
    const server = await startStaticServer(site.outDir, { basePath: '/repo/' });
    try {
      const paths = [...new Set(targets.map((target) => target.url.pathname))];
      const statuses = await Promise.all(
        paths.map(async (path) => [path, (await fetch(server.url(path), { method: 'HEAD', redirect: 'manual' })).status] as const),
      );
      for (const [path, status] of statuses) {
        if (status !== 200) {
          const from = targets.find((target) => target.url.pathname === path)?.reference;
          problems.push(`${from ? describeReference(from) : path}  answers ${status} when the site is served under /repo/`);
        }
      }
    } finally {
      await server.close();
    }
    expect(problems.length, `${name}: ${problems.length} link(s) broken under /repo/:\n  ${problems.join('\n  ')}\n`).toBe(0);
  });
});
