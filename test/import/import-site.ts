import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { root, tempDir } from '../support/cli.js';

/**
 * New sites to import into, removed after the test file: each a folder (cwd) whose content/
 * holds the real site.yaml, areas and accessibility statement, and no report or news yet.
 */
export function importSites(prefix: string): () => Promise<{ cwd: string; content: string }> {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const cwd = await tempDir(prefix);
    made.push(cwd);
    const content = join(cwd, 'content');
    await mkdir(content);
    await cp(join(root, 'content', 'site.yaml'), join(content, 'site.yaml'));
    await cp(join(root, 'content', 'tillganglighet.md'), join(content, 'tillganglighet.md'));
    await cp(join(root, 'content', 'omraden'), join(content, 'omraden'), { recursive: true });
    return { cwd, content };
  };
}
