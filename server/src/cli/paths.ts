import { relative, sep } from 'node:path';

/** Paths in messages and reports: relative to the working folder when inside it, with `/`. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel === '' || rel.startsWith('..') || rel.includes(':') ? path : rel;
  return shown.split(sep).join('/');
}

/** A short reason for a failed file operation. */
export function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    switch (error.code) {
      case 'ENOENT':
        return 'no such file or folder';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'EISDIR':
        return 'it is a folder';
      case 'ELOOP':
        return 'too many levels of symbolic links';
    }
  }
  return error instanceof Error ? error.message : String(error);
}
