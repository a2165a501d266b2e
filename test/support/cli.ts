import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixture = (name: string) => join(root, 'test', 'fixtures', 'sites', name);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line, `node bin/verksam.js …`, as a separate process. */
export function runCli(args: readonly string[], cwd = root, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [join(root, 'bin', 'verksam.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** A fresh temporary folder. */
export const tempDir = (prefix = 'verksam-test-') => mkdtemp(join(tmpdir(), prefix));

/** A copy of a content folder that a test may break. */
export async function copyContent(from: string): Promise<string> {
  const dir = await tempDir();
  const target = join(dir, 'content');
  await cp(from, target, { recursive: true });
  return target;
}

/** Every file below a folder with a hash of its bytes: equal snapshots mean nothing changed. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const result: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    result[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return result;
}

/**
 * Fresh copies of a fixture site for one test file, each in its own temporary folder that is
 * removed after each test. Commands run in the folder (`cwd`), so paths print as content/….
 */
export function useFixtureCopies(name: string): () => Promise<{ content: string; cwd: string }> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const content = await copyContent(fixture(name));
    made.push(dirname(content));
    return { content, cwd: dirname(content) };
  };
}
