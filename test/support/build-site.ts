import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { requestSiteBuild, startSiteBuildService, type SiteBuildService } from './site-build-service.js';

/** The repository root (/work/main). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A site the gates run over: the real content or a valid fixture site. */
export interface SiteSource {
  /** "content" for the real site, else the fixture folder's name. */
  name: string;
  /** Absolute path of the content folder (holds site.yaml). */
  contentDir: string;
}

/** The real site, every valid fixture site (test/fixtures/sites/<name>/site.yaml, name not "invalid-…") and the site `verksam init` writes. */
export function siteSources(): SiteSource[] {
  const sources: SiteSource[] = [{ name: 'content', contentDir: join(repoRoot, 'content') }];
  const fixtures = join(repoRoot, 'test', 'fixtures', 'sites');
  if (existsSync(fixtures)) {
    for (const entry of readdirSync(fixtures, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const contentDir = join(fixtures, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('invalid-') && existsSync(join(contentDir, 'site.yaml'))) {
        sources.push({ name: entry.name, contentDir });
      }
    }
  }
  // the site `verksam init` writes (test/support/init-site.ts), when the global setup made it
  const init = inject('initSiteContent');
  if (init) sources.push({ name: 'init', contentDir: init });
  return sources;
}

export interface BuiltSite {
  source: SiteSource;
  /** Absolute path of the built site. */
  outDir: string;
  /** The base URL the site was built for (--base-url, else site.yaml's baseUrl), ending in "/". */
  baseUrl: string;
  /** The URL path the site expects to be served under ("/" or "/repo/"), from the base URL. */
  basePath: string;
  /** Nothing to do: the test run removes its builds. Kept so callers need not know. */
  cleanup(): Promise<void>;
}

export interface BuildOptions {
  /** Passed as --base-url; without it the build uses site.yaml's baseUrl. */
  baseUrl?: string;
}

/** The base URL normalised to end in "/" ("https://x.se/repo" → "https://x.se/repo/"). */
function normaliseBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The base URL a build without --base-url uses: site.yaml's baseUrl. */
async function configuredBaseUrl(contentDir: string): Promise<string> {
  const site: unknown = parseYaml(await readFile(join(contentDir, 'site.yaml'), 'utf8'));
  const baseUrl = typeof site === 'object' && site !== null ? (site as Record<string, unknown>).baseUrl : undefined;
  if (typeof baseUrl !== 'string') throw new Error(`${join(contentDir, 'site.yaml')} has no baseUrl`);
  return baseUrl;
}

let localService: Promise<SiteBuildService> | undefined;

/** The run's build service (started by test/support/global-setup.ts), or one for this worker alone. */
async function serviceOrigin(): Promise<string> {
  const provided = inject('siteBuildService');
  if (provided) return provided;
  localService ??= startSiteBuildService();
  return (await localService).origin;
}

/**
 * The site built by the real command line, `node bin/verksam.js build --content <dir> --out <dir>
 * [--base-url <url>] --no-pdf`, as a separate process. Each site (and base URL) is built once per
 * test run and shared by every test file that asks: read the output, never change it.
 */
export async function buildSite(source: SiteSource, options: BuildOptions = {}): Promise<BuiltSite> {
  const outDir = await requestSiteBuild(await serviceOrigin(), { contentDir: source.contentDir, baseUrl: options.baseUrl });
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? (await configuredBaseUrl(source.contentDir)));
  const basePath = new URL(baseUrl).pathname;
  // The build belongs to the test run, which removes it at the end.
  return { source, outDir, baseUrl, basePath, cleanup: async () => {} };
}

/** Every site of `siteSources()`, built (once per test run) one after another: the machine has two cores. */
export async function buildAllSites(options: BuildOptions = {}): Promise<BuiltSite[]> {
  const built: BuiltSite[] = [];
  for (const source of siteSources()) built.push(await buildSite(source, options));
  return built;
}

export async function cleanupAll(sites: readonly BuiltSite[]): Promise<void> {
  await Promise.all(sites.map((site) => site.cleanup()));
}
