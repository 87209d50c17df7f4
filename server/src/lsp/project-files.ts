import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contextFilePath } from '../cli/build-context';
import { ConfigFileError, ConfigResolver } from '../cli/config-loader';
import type { BulkheadConfig } from '../config/bulkhead-config';

/** Facts from the files around a document that change how it is linted. */
export interface ProjectFacts {
  /** The nearest `.bulkhead.yaml` (or `.hadolint.yaml`); null when none applies or it is invalid. */
  readonly config: BulkheadConfig | null;
  /** Matched by the config's `ignorePaths`: nothing is reported. */
  readonly ignored: boolean;
  /** Undefined for documents that are not files (untitled): unknown, so rules stay silent. */
  readonly hasDockerignore: boolean | undefined;
}

/** Globs of the files whose changes invalidate `ProjectFacts`, for `workspace/didChangeWatchedFiles`. */
export const WATCHED_FILES = ['**/.bulkhead.{yaml,yml}', '**/.hadolint.{yaml,yml}', '**/.dockerignore', '**/*.dockerignore'];

/** `.dockerignore` and BuildKit's `<Dockerfile>.dockerignore`, for `workspace/didCreateFiles`. */
export const DOCKERIGNORE_GLOB = '**/{.dockerignore,*.dockerignore}';

const NO_FACTS: ProjectFacts = { config: null, ignored: false, hasDockerignore: undefined };

/**
 * Reads config files with the CLI's resolver (same search, same validation) and checks for a
 * `.dockerignore`, caching per folder until a watched file changes. An invalid config is reported
 * once, naming file, line and key, and the defaults apply, as the editor should not refuse to lint.
 */
export class ProjectFiles {
  private resolver = new ConfigResolver(null);
  private readonly dockerignores = new Map<string, boolean>();
  private readonly reported = new Set<string>();

  constructor(private readonly warn: (message: string) => void) {}

  forUri(uri: string): ProjectFacts {
    if (!uri.startsWith('file:')) return NO_FACTS;
    const path = fileURLToPath(uri);
    const folder = dirname(path);
    let hasDockerignore = this.dockerignores.get(path);
    if (hasDockerignore === undefined) {
      hasDockerignore = existsSync(join(folder, '.dockerignore')) || existsSync(join(folder, `${basename(path)}.dockerignore`));
      this.dockerignores.set(path, hasDockerignore);
    }
    try {
      const loaded = this.resolver.forFile(path);
      return { config: loaded.file ? loaded.config : null, ignored: loaded.isIgnored(path), hasDockerignore };
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      for (const problem of error.problems) {
        if (this.reported.has(problem)) continue;
        this.reported.add(problem);
        this.warn(`${problem} (the config file is ignored until it is fixed)`);
      }
      return { config: null, ignored: false, hasDockerignore };
    }
  }

  /**
   * URI of a file a fix creates in the build context of a document (its folder), or null when the
   * document is not a file on disk or the file exists by now (the cached facts may be behind).
   */
  newFileUri(documentUri: string, path: string): string | null {
    if (!documentUri.startsWith('file:')) return null;
    const target = contextFilePath(fileURLToPath(documentUri), path);
    return target === null || existsSync(target) ? null : pathToFileURL(target).href;
  }

  reset(): void {
    this.resolver = new ConfigResolver(null);
    this.dockerignores.clear();
    this.reported.clear();
  }
}
