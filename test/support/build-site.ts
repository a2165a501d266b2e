import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** The repository root (/work/main). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A site the gates run over: the real content or a valid fixture site. */
export interface SiteSource {
  /** "content" for the real site, else the fixture folder's name. */
  name: string;
  /** Absolute path of the content folder (holds site.yaml). */
  contentDir: string;
}

/** The real site and every valid fixture site (test/fixtures/sites/<name>/site.yaml, name not "invalid-…"). */
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
  /** Removes the temporary folder. */
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

function run(command: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    execFile(command, args, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      if (error) {
        fail(new Error(`\`${command} ${args.join(' ')}\` failed (${error.code ?? error.signal ?? error.message}):\n${stdout}${stderr}`));
      } else {
        done({ stdout, stderr });
      }
    });
  });
}

/**
 * Builds a site with the real CLI, as a separate process, into a new folder under the OS temp
 * folder: `npx tsx src/cli.ts build --content <dir> --out <dir> [--base-url <url>]`.
 */
export async function buildSite(source: SiteSource, options: BuildOptions = {}): Promise<BuiltSite> {
  const tempDir = await mkdtemp(join(tmpdir(), `verksam-${source.name}-`));
  const outDir = join(tempDir, 'site');
  // The PDF edition is checked once, by test/build/real-content.test.ts; the gates build without it.
  const args = ['tsx', 'src/cli.ts', 'build', '--content', source.contentDir, '--out', outDir, '--no-pdf'];
  if (options.baseUrl !== undefined) args.push('--base-url', options.baseUrl);
  try {
    await run('npx', args);
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
  if (!existsSync(join(outDir, 'index.html'))) {
    await rm(tempDir, { recursive: true, force: true });
    throw new Error(`Building ${source.name} exited 0 but wrote no ${join(outDir, 'index.html')}`);
  }
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? (await configuredBaseUrl(source.contentDir)));
  const basePath = new URL(baseUrl).pathname;
  return { source, outDir, baseUrl, basePath, cleanup: () => rm(tempDir, { recursive: true, force: true }) };
}

/** Builds every site of `siteSources()` one after another (the machine has two cores). */
export async function buildAllSites(options: BuildOptions = {}): Promise<BuiltSite[]> {
  const built: BuiltSite[] = [];
  try {
    for (const source of siteSources()) built.push(await buildSite(source, options));
  } catch (error) {
    await cleanupAll(built);
    throw error;
  }
  return built;
}

export async function cleanupAll(sites: readonly BuiltSite[]): Promise<void> {
  await Promise.all(sites.map((site) => site.cleanup()));
}
