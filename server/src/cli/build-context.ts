import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import type { FileModel } from '../engine/model/file-model';
import type { BuildContextSnapshot } from '../engine/types';

/** Limits on what is read from the build context: scripts are small, contexts may be huge. */
const MAX_FILE_BYTES = 64 * 1024;
const MAX_FILES = 200;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Facts about the build context (the Dockerfile's folder) for the rules: whether it has a
 * `.dockerignore` (or BuildKit's `<Dockerfile>.dockerignore`), and the text of the small files the
 * Dockerfile copies from it, keyed by their path relative to the folder with `/`.
 */
export function readBuildContext(dockerfile: string, model: FileModel): BuildContextSnapshot {
  const context = dirname(dockerfile);
  const hasDockerignore = existsSync(join(context, '.dockerignore')) || existsSync(`${dockerfile}.dockerignore`);
  const files = new Map<string, string>();
  const seenFolders = new Set<string>();
  for (const source of copiedSources(model)) {
    const path = normalize(join(context, source));
    const rel = relative(context, path);
    if (rel.startsWith('..') || rel.includes('*')) continue;
    collect(context, path, files, seenFolders);
    if (files.size >= MAX_FILES) break;
  }
  return { hasDockerignore, files };
}

/**
 * Absolute path of a file a fix creates in the build context of `dockerfile`, or null when the
 * relative path would leave the context.
 */
export function contextFilePath(dockerfile: string, path: string): string | null {
  const context = dirname(dockerfile);
  const target = resolve(context, path);
  const rel = relative(context, target);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : target;
}

/** Local sources of COPY/ADD: every argument but the destination, unless copied from a stage or image. */
function copiedSources(model: FileModel): string[] {
  const sources: string[] = [];
  for (const instruction of model.instructions) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
    if (instruction.flags.some((flag) => flag.name === 'from')) continue;
    const args = jsonForm(model, instruction) ?? instruction.args.map((arg) => arg.value);
    for (const arg of args.slice(0, -1)) {
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) && !arg.includes('$')) sources.push(arg);
    }
  }
  return sources;
}

/** `COPY ["a b", "/dst"]`: the parser splits JSON form on blanks, so it is read here. */
function jsonForm(model: FileModel, instruction: FileModel['instructions'][number]): string[] | null {
  if (!instruction.argsSpan) return null;
  const raw = model.text.slice(instruction.argsSpan.start, instruction.argsSpan.end).trim();
  if (!raw.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
  } catch {
    return null;
  }
}

function collect(context: string, path: string, files: Map<string, string>, seenFolders: Set<string>): void {
  if (files.size >= MAX_FILES) return;
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return; // a source that is not there: rules stay silent about it
  }
  if (stats.isDirectory()) {
    if (SKIPPED_FOLDERS.has(basename(path))) return;
    let names: string[] = [];
    try {
      // Linked folders are entered once, so link loops end.
      const real = realpathSync(path);
      if (seenFolders.has(real)) return;
      seenFolders.add(real);
      names = readdirSync(path).sort();
    } catch {
      return;
    }
    for (const name of names) collect(context, join(path, name), files, seenFolders);
    return;
  }
  if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return;
  const key = relative(context, path).split(sep).join('/');
  if (files.has(key)) return;
  try {
    const buffer = readFileSync(path);
    if (!buffer.includes(0)) files.set(key, buffer.toString('utf8'));
  } catch {
    // unreadable: treated as unknown, like a missing file
  }
}
