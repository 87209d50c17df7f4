import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, join } from 'node:path';
import { displayPath, reason } from './paths';

/** `Dockerfile`, `Dockerfile.*`, `*.dockerfile` and the same for Containerfile, in any case. */
export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  // BuildKit reads `Dockerfile.dockerignore` as the ignore file of that Dockerfile.
  if (lower.endsWith('.dockerignore')) return false;
  return ['dockerfile', 'containerfile'].some((stem) => lower === stem || lower.startsWith(`${stem}.`) || lower.endsWith(`.${stem}`));
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Discovery {
  /** Absolute paths of the Dockerfiles found, in a stable order, each real file once. */
  readonly files: string[];
  /** One message per PATH that could not be read. */
  readonly errors: string[];
  /** Folders given as PATH in which no Dockerfile was found. */
  readonly emptyFolders: string[];
}

export interface DiscoveryOptions {
  /** True for a file or folder that `ignorePaths` excludes. */
  readonly isIgnored: (absolutePath: string) => boolean;
  /** Called for a named file that is not called like a Dockerfile: true keeps it. */
  readonly acceptNamedFile: (absolutePath: string) => boolean;
}

/**
 * Expands the PATH arguments: a file is taken as named, a folder is searched for Dockerfiles,
 * skipping `node_modules`, `.git` and ignored paths. Symbolic links are followed once: a folder
 * whose real path was already visited is not entered again, so link loops end.
 */
export function discover(paths: readonly string[], options: DiscoveryOptions): Discovery {
  const files: string[] = [];
  const errors: string[] = [];
  const emptyFolders: string[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();

  const addFile = (path: string): void => {
    const real = realpathSync(path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };

  const walk = (folder: string): void => {
    const real = realpathSync(folder);
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      errors.push(`cannot read folder ${displayPath(folder)}: ${reason(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (SKIPPED_FOLDERS.has(entry.name) || options.isIgnored(path)) continue;
      let kind: 'file' | 'folder' | 'other' = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          kind = target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other';
        } catch {
          continue; // a dangling link is not a Dockerfile
        }
      }
      if (kind === 'folder') walk(path);
      else if (kind === 'file' && isDockerfileName(entry.name)) addFile(path);
    }
  };

  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      errors.push(`cannot read ${displayPath(path)}: ${reason(error)}`);
      continue;
    }
    if (stats.isDirectory()) {
      const before = files.length;
      walk(path);
      if (files.length === before) emptyFolders.push(path);
    } else if (options.isIgnored(path)) continue;
    else if (isDockerfileName(basename(path)) || options.acceptNamedFile(path)) addFile(path);
    else errors.push(`${displayPath(path)} is not a Dockerfile: it has no FROM instruction and is not named like one (Dockerfile, *.dockerfile, Containerfile, ...)`);
  }
  return { files, errors, emptyFolders };
}
