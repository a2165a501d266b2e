import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * A content-addressed store on disk: a key (anything that decides the value) → a JSON value.
 * Entries are never changed in place, only added, so builds running side by side can share one
 * folder: a new entry is written to a temporary name and renamed into place. Anything unreadable
 * counts as a miss, so a damaged cache costs time, never a wrong page. Deleting the folder is
 * always safe.
 */
export class DiskCache {
  private readonly madeDirs = new Set<string>();

  constructor(
    readonly dir: string,
    /** Everything every entry depends on (the pipeline), mixed into every key. */
    private readonly salt: string,
    /** Only reads: for commands that promise to write nothing (`verksam check`). */
    private readonly readOnly = false,
  ) {}

  /** The file name a key is stored under. */
  address(parts: readonly string[]): string {
    const hash = createHash('sha256').update(this.salt);
    for (const part of parts) hash.update('\0').update(part);
    return hash.digest('hex');
  }

  /** The value stored under `address`; a missing, unreadable or misplaced entry is a miss. */
  async get<T>(address: string): Promise<T | undefined> {
    try {
      const stored = JSON.parse(await readFile(this.path(address), 'utf8')) as { address?: unknown; value?: T };
      return stored.address === address ? stored.value : undefined;
    } catch {
      return undefined;
    }
  }

  async put(address: string, value: unknown): Promise<void> {
    if (this.readOnly) return;
    const target = this.path(address);
    const folder = join(this.dir, address.slice(0, 2));
    try {
      if (!this.madeDirs.has(folder)) {
        await mkdir(folder, { recursive: true });
        this.madeDirs.add(folder);
      }
      const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      await writeFile(temporary, JSON.stringify({ address, value }));
      await rename(temporary, target);
    } catch {
      // a read-only or full disk makes the next build slower, not this one wrong
    }
  }

  private path(address: string): string {
    return join(this.dir, address.slice(0, 2), address);
  }
}
