import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/*
 * The build cache on disk: values found by an address, the hash of everything that decides
 * them (the pipeline, the file's text, a page's inputs). Values live in packs, one file per
 * kind of value and content folder, a line per value: a build reads a pack in one go and
 * writes it in one go. On this kind of disk, thousands of small files cost more than the
 * parsing they save.
 *
 * Anything unreadable counts as a miss, so a damaged cache costs time, never a wrong page. A
 * pack is replaced as a whole (written to a temporary name, then renamed), so builds running
 * side by side never see half a pack; deleting the folder is always safe.
 */
export class DiskCache {
  private readonly packs = new Map<string, CachePack>();

  constructor(
    readonly dir: string,
    /** Everything every value depends on (the pipeline), mixed into every address. */
    private readonly salt: string,
    /** Only reads: for commands that promise to write nothing (`verksam check`). */
    readonly readOnly = false,
  ) {}

  /** The address of a value: a hash of everything it was made from. */
  address(parts: readonly string[]): string {
    const hash = createHash('sha256').update(this.salt);
    for (const part of parts) hash.update('\0').update(part);
    return hash.digest('hex');
  }

  /** Addresses made with this cache's salt, and values kept in the pack called `name`. */
  view(name: string, owner: string): CacheView {
    const pack = this.pack(name, owner);
    return { address: (parts) => this.address(parts), get: (address) => pack.get(address), put: (address, value) => pack.put(address, value) };
  }

  /** Lets go of the packs' bytes read so far (they are read again to be saved): at 10 000 pages, hundreds of MB. */
  release(name: string): void {
    this.packs.get(name)?.release();
  }

  /**
   * Writes the packs named (see CachePack.save) and throws away what the others were given.
   * Packs of a content folder that is gone (a test's temporary copy) or that no build has
   * written for a month are removed, and so are temporary files a stopped build left behind.
   */
  save(names: readonly string[]): void {
    for (const [name, pack] of this.packs) {
      if (names.includes(name)) pack.save();
      else pack.discard();
    }
    if (this.readOnly) return;
    const now = Date.now();
    for (const name of safeReaddir(this.dir)) {
      const age = now - (statSync(join(this.dir, name), { throwIfNoEntry: false })?.mtimeMs ?? now);
      const stale = name.endsWith('.pack') ? age > 30 * day || ownerGone(join(this.dir, name)) : /\.pack\.\d+-/.test(name) && age > day;
      if (stale) rmSync(join(this.dir, name), { force: true });
    }
    // the output manifests (write/manifest.ts) of output folders that are gone
    const outputs = join(this.dir, 'output');
    for (const name of safeReaddir(outputs)) {
      const outDir = /^\{"outDir":("(?:[^"\\]|\\.)*")/.exec(firstBytes(join(outputs, name)))?.[1];
      if (outDir && !existsSync(JSON.parse(outDir) as string)) rmSync(join(outputs, name), { force: true });
    }
  }

  /**
   * The pack called `name` (letters, digits and dashes), read from disk on first use. `owner` is
   * the folder its values come from: when that folder is gone, so is the pack.
   */
  pack(name: string, owner: string): CachePack {
    let pack = this.packs.get(name);
    if (!pack) {
      pack = new CachePack(join(this.dir, `${name}.pack`), owner, this.readOnly);
      this.packs.set(name, pack);
    }
    return pack;
  }
}

const day = 24 * 60 * 60 * 1000;

function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // not there (nothing stored yet) or read-only
  }
}

/** A pack's first line names the folder its values come from. */
const header = (owner: string) => `#${JSON.stringify({ owner })}\n`;

/** The start of a file, for the line or field that says what it belongs to. */
function firstBytes(path: string): string {
  try {
    const handle = openSync(path, 'r');
    try {
      const start = Buffer.alloc(4096);
      return start.toString('utf8', 0, readSync(handle, start, 0, start.length, 0));
    } finally {
      closeSync(handle);
    }
  } catch {
    return '';
  }
}

function ownerGone(pack: string): boolean {
  try {
    const line = firstBytes(pack).split('\n')[0]!;
    if (!line.startsWith('#')) return false;
    const { owner } = JSON.parse(line.slice(1)) as { owner?: unknown };
    return typeof owner === 'string' && !existsSync(owner);
  } catch {
    return false;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** What a stage needs of the cache: addresses, and values of one pack. */
export interface CacheView {
  address(parts: readonly string[]): string;
  get<T>(address: string): T | undefined;
  put(address: string, value: unknown): void;
}

const tab = 0x09;
const newline = 0x0a;

/** Added values are written out in pieces of about this size, not held in memory. */
const chunkSize = 4 * 1024 * 1024;

/**
 * One pack: address TAB json NEWLINE, per value. Values are parsed when asked for. Values added
 * go straight to the pack's next version (a temporary file) rather than into memory; `save`
 * adds the stored values that were asked for and puts the new version in place, so what the
 * content no longer uses drops out. `discard` throws the next version away.
 */
export class CachePack {
  private stored?: { bytes: Buffer; spans: Map<string, [start: number, end: number]> };
  private readonly used = new Set<string>();
  /** How many values the pack held when it was read. */
  private storedCount = 0;
  private next?: { path: string; handle: number; addresses: Set<string>; pending: string[]; pendingLength: number; failed: boolean };
  private closed = false;

  constructor(
    readonly path: string,
    private readonly owner: string,
    private readonly readOnly: boolean,
  ) {}

  get<T>(address: string): T | undefined {
    const { bytes, spans } = this.read();
    const span = spans.get(address);
    if (!span) return undefined;
    try {
      const value = JSON.parse(bytes.toString('utf8', span[0], span[1])) as T;
      this.used.add(address);
      return value;
    } catch {
      return undefined;
    }
  }

  /** Adds a value; the pack has it once saved. */
  put(address: string, value: unknown): void {
    if (this.readOnly || this.closed) return;
    const next = this.open();
    if (!next || next.addresses.has(address)) return;
    next.addresses.add(address);
    const line = `${address}\t${JSON.stringify(value)}\n`;
    next.pending.push(line);
    next.pendingLength += line.length;
    if (next.pendingLength > chunkSize) this.flush(next);
  }

  /** Forgets the bytes read; what was asked for is remembered, and copied from the file by `save`. */
  release(): void {
    if (this.stored) this.storedCount = this.stored.spans.size;
    this.stored = undefined;
  }

  /**
   * Writes the pack anew when values were added or some stored ones were not asked for. Only
   * after a build that asked for everything it needs: the pack becomes exactly that. The pack
   * takes nothing more afterwards.
   */
  save(): void {
    if (this.readOnly || this.closed) return;
    this.closed = true;
    if (!this.next && this.used.size === (this.stored?.spans.size ?? this.storedCount)) {
      // unchanged, but used: it must not look abandoned to the monthly clean-up
      if (this.used.size > 0) touch(this.path);
      return;
    }
    const next = this.open();
    if (!next) return;
    // read again if released; a line another build replaced meanwhile is simply not copied
    const { bytes, spans } = this.read();
    try {
      this.flush(next);
      // the stored lines are copied as they are, without parsing them again
      for (const address of this.used) {
        const span = spans.get(address);
        if (!span || next.addresses.has(address)) continue;
        writeSync(next.handle, `${address}\t`);
        writeSync(next.handle, bytes, span[0], span[1] - span[0] + 1);
      }
      closeSync(next.handle);
      if (next.failed) throw new Error('incomplete');
      renameSync(next.path, this.path);
    } catch {
      // a read-only or full disk makes the next build slower, not this one wrong
      rmSync(next.path, { force: true });
    }
    this.next = undefined;
    this.stored = undefined;
    this.used.clear();
  }

  /** Throws away what was added: the pack stays as it was. */
  discard(): void {
    this.closed = true;
    if (!this.next) return;
    try {
      closeSync(this.next.handle);
    } catch {
      // already closed
    }
    rmSync(this.next.path, { force: true });
    this.next = undefined;
  }

  private open(): CachePack['next'] {
    if (this.next) return this.next;
    const path = `${this.path}.${process.pid}-${Date.now().toString(36)}`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      this.next = { path, handle: openSync(path, 'w'), addresses: new Set(), pending: [header(this.owner)], pendingLength: 0, failed: false };
    } catch {
      this.closed = true; // cannot write here: work without adding
    }
    return this.next;
  }

  private flush(next: NonNullable<CachePack['next']>): void {
    try {
      if (next.pending.length > 0) writeSync(next.handle, next.pending.join(''));
    } catch {
      next.failed = true;
    }
    next.pending = [];
    next.pendingLength = 0;
  }

  private read(): NonNullable<CachePack['stored']> {
    if (this.stored) return this.stored;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch {
      bytes = Buffer.alloc(0);
    }
    const spans = new Map<string, [number, number]>();
    let start = 0;
    while (start < bytes.length) {
      let end = bytes.indexOf(newline, start);
      if (end === -1) end = bytes.length;
      const separator = bytes.indexOf(tab, start);
      // an address is 64 hex digits; anything else is a damaged line and is skipped
      if (separator === start + 64 && separator < end && end < bytes.length) spans.set(bytes.toString('latin1', start, separator), [separator + 1, end]);
      start = end + 1;
    }
    this.stored = { bytes, spans };
    this.storedCount = spans.size;
    return this.stored;
  }
}
