import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content atomically: writes a temporary file in the same folder (so the rename
 * stays on one file system) with the original's permission bits, flushes it, then renames it over
 * the original. Readers see the old or the new file, never half of one.
 */
export function writeFileAtomic(path: string, text: string): void {
  const mode = statSync(path).mode & 0o7777;
  const temp = join(dirname(path), `.${basename(path)}.bulkhead-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      fchmodSync(fd, mode); // open() applies the umask; keep the original bits exactly
      writeSync(fd, text, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or never created
    }
    throw error;
  }
}

/**
 * Creates a file that must not exist yet. The `wx` flag makes the existence check and the creation
 * one step, so a file that appeared since it was looked for is never overwritten: the call fails
 * with EEXIST instead. A failed write removes the partial file it created.
 */
export function createFileExclusive(path: string, text: string): void {
  const fd = openSync(path, 'wx');
  try {
    try {
      writeSync(fd, text, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
    throw error;
  }
}
