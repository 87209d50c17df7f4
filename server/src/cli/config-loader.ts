import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { EMPTY_CONFIG, parseBulkheadConfig, type BulkheadConfig } from '../config/bulkhead-config';
import { formatConfigProblem, type ConfigProblem } from '../config/config-error';
import { compileIgnorePaths, type PathMatcher } from '../config/glob';
import { fromHadolint, parseHadolintConfig } from '../config/hadolint-config';
import { allRules } from '../engine/rules';
import { displayPath, reason } from './paths';

/** A config in force for some Dockerfiles: where it came from and its ignore matcher. */
export interface LoadedConfig {
  /** The config file, or null when none was found (defaults). */
  readonly file: string | null;
  readonly config: BulkheadConfig;
  /** Matches absolute paths against `ignorePaths`, relative to the config's folder. */
  readonly isIgnored: (absolutePath: string) => boolean;
}

/** A config file that cannot be used: the CLI exits with 2 after reporting the other files. */
export class ConfigFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const BULKHEAD_NAMES = ['.bulkhead.yaml', '.bulkhead.yml'];
const HADOLINT_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

/** Reads and validates one config file; `.hadolint.y(a)ml` by name is read as hadolint's format. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigFileError([`cannot read config ${file}: ${reason(error)}`]);
  }
  const shown = displayPath(file);
  let config: BulkheadConfig;
  if (basename(file).toLowerCase().includes('hadolint')) {
    const result = parseHadolintConfig(text, shown);
    if (!result.ok) throw problemsError(result.problems);
    config = fromHadolint(result.config, allRules).config;
  } else {
    const result = parseBulkheadConfig(text, shown);
    if (!result.ok) throw problemsError(result.problems);
    config = result.config;
  }
  return { file, config, isIgnored: ignoreMatcher(dirname(file), compileIgnorePaths(config.ignorePaths), config.ignorePaths.length) };
}

/**
 * Finds the config for each folder: the nearest `.bulkhead.yaml` (or `.hadolint.yaml` when a folder
 * has no Bulkhead config) in the folder or a parent, stopping at the repository root (a folder with
 * `.git`). With `--config`, that file applies everywhere.
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, LoadedConfig | ConfigFileError>();

  constructor(private readonly explicit: LoadedConfig | null) {}

  forFolder(folder: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    let loaded = this.byFolder.get(folder);
    if (!loaded) {
      try {
        loaded = this.find(folder);
      } catch (error) {
        if (!(error instanceof ConfigFileError)) throw error;
        loaded = error;
      }
      this.byFolder.set(folder, loaded);
    }
    if (loaded instanceof ConfigFileError) throw loaded;
    return loaded;
  }

  private find(folder: string): LoadedConfig {
    const file = [...BULKHEAD_NAMES, ...HADOLINT_NAMES].map((name) => join(folder, name)).find((path) => existsSync(path));
    if (file) return loadConfigFile(file);
    const parent = dirname(folder);
    if (parent === folder || existsSync(join(folder, '.git'))) return { file: null, config: EMPTY_CONFIG, isIgnored: () => false };
    return this.forFolder(parent);
  }

  forFile(path: string): LoadedConfig {
    return this.forFolder(dirname(path));
  }
}

function ignoreMatcher(root: string, matcher: PathMatcher, count: number): (absolutePath: string) => boolean {
  if (count === 0) return () => false;
  return (absolutePath) => {
    const path = relative(root, absolutePath);
    if (path === '' || path.startsWith('..')) return false;
    return matcher(path.split(sep).join('/'));
  };
}

function problemsError(problems: readonly ConfigProblem[]): ConfigFileError {
  return new ConfigFileError(problems.map(formatConfigProblem));
}
