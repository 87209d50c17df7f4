import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Entry {
  readonly key: string;
  readonly expiresAt: number;
  readonly value: unknown;
}

/**
 * A small JSON cache on disk (the extension passes its globalStorageUri folder): one file per key,
 * written atomically, ignored once expired or unreadable. Values are `unknown` on the way back:
 * callers validate what they read, as they would any file a user can edit.
 */
export class DiskCache {
  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<unknown> {
    let entry: unknown;
    try {
      entry = JSON.parse(await readFile(this.file(key), 'utf8'));
    } catch {
      return undefined;
    }
    if (!isEntry(entry) || entry.key !== key || entry.expiresAt <= this.now()) return undefined;
    return entry.value;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = this.file(key);
    const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const entry: Entry = { key, expiresAt: this.now() + ttlMs, value };
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, target);
  }

  /** Deletes expired and unreadable entries; returns how many were removed. */
  async prune(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names.filter((candidate) => candidate.endsWith('.json') || candidate.endsWith('.tmp'))) {
      const path = join(this.dir, name);
      let keep = false;
      try {
        if (name.endsWith('.json')) {
          const entry: unknown = JSON.parse(await readFile(path, 'utf8'));
          keep = isEntry(entry) && entry.expiresAt > this.now();
        } else {
          // A temporary file older than a minute belongs to a write that died.
          keep = (await stat(path)).mtimeMs > this.now() - 60_000;
        }
      } catch {
        keep = false;
      }
      if (!keep) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private file(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.key === 'string' && typeof record.expiresAt === 'number' && 'value' in record;
}
