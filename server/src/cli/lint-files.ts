import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { settingsOf, type FailOn } from '../config/bulkhead-config';
import { clearTextCaches } from '../engine/caches';
import { runRules, type LintOptions, type LintResult } from '../engine/lint';
import { buildModel } from '../engine/model/file-model';
import type { Severity } from '../engine/types';
import { readBuildContext } from './build-context';
import { ConfigFileError, ConfigResolver, loadConfigFile, type LoadedConfig } from './config-loader';
import { discover } from './discovery';
import { displayPath, reason } from './paths';

/** One Dockerfile after linting, as every output format sees it. */
export interface LintedFile {
  readonly absolutePath: string;
  /** Relative to the working folder, `/`-separated. */
  readonly path: string;
  readonly text: string;
  readonly result: LintResult;
  readonly options: LintOptions;
  /** The threshold from its config file, when that sets one. */
  readonly failOn: FailOn | null;
}

export interface LintRun {
  readonly files: LintedFile[];
  /** Problems that make the exit code 2: unreadable input, bad config, non-Dockerfiles. */
  readonly errors: string[];
  /** Notes that do not change the exit code. */
  readonly warnings: string[];
}

export interface RunOptions {
  readonly paths: readonly string[];
  readonly configFile: string | null;
}

/** Finds the Dockerfiles under the paths, reads each with its config and build context, and lints it. */
export function lintPaths(options: RunOptions): LintRun {
  const files: LintedFile[] = [];
  const run = lintEach(options, (file) => files.push(file));
  return { files, ...run };
}

/**
 * Lints file by file, handing each result to `visit` and keeping nothing, so an audit of thousands
 * of files holds one model at a time.
 */
export function lintEach(options: RunOptions, visit: (file: LintedFile) => void): Omit<LintRun, 'files'> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const report = (message: string): void => {
    if (!errors.includes(message)) errors.push(message);
  };
  let explicit: LoadedConfig | null = null;
  if (options.configFile !== null) {
    try {
      explicit = loadConfigFile(options.configFile);
    } catch (error) {
      if (error instanceof ConfigFileError) return { errors: [...error.problems], warnings };
      throw error;
    }
  }
  const resolver = new ConfigResolver(explicit);
  const configFor = (path: string): LoadedConfig | null => {
    try {
      return resolver.forFile(path);
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      error.problems.forEach(report);
      return null;
    }
  };
  const discovery = discover(options.paths.map((path) => resolve(path)), {
    isIgnored: (path) => configFor(path)?.isIgnored(path) ?? false,
    acceptNamedFile: looksLikeDockerfile,
  });
  discovery.errors.forEach(report);
  for (const folder of discovery.emptyFolders) warnings.push(`no Dockerfiles found under ${displayPath(folder)}`);

  for (const absolutePath of discovery.files) {
    const loaded = configFor(absolutePath);
    if (!loaded) continue;
    let text: string;
    try {
      text = readFileSync(absolutePath, 'utf8');
    } catch (error) {
      report(`cannot read ${displayPath(absolutePath)}: ${reason(error)}`);
      continue;
    }
    const shown = displayPath(absolutePath);
    const base: LintOptions = {
      rules: loaded.config.rules,
      settings: settingsOf(loaded.config),
      onRuleError: (rule, error) => warnings.push(`rule ${rule} failed on ${shown} and was skipped: ${reason(error)}`),
    };
    // The build context depends on what the Dockerfile copies, so it is read from the model.
    const model = buildModel(text);
    const lintOptions: LintOptions = { ...base, buildContext: readBuildContext(absolutePath, model) };
    const result: LintResult = { model, findings: runRules(model, lintOptions) };
    visit({ absolutePath, path: shown, text, result, options: lintOptions, failOn: loaded.config.failOn });
    // Each file is read once: what the engine cached for this one would only be garbage later.
    clearTextCaches();
  }
  return { errors, warnings };
}

/** A named file with another name is linted when it reads like a Dockerfile: it has a FROM instruction. */
function looksLikeDockerfile(path: string): boolean {
  try {
    const text = readFileSync(path, 'utf8');
    return !text.includes('\0') && /^[ \t]*FROM[ \t]+\S/im.test(text);
  } catch {
    return true; // unreadable: let the read report why
  }
}

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** True when a finding is at or above the threshold. */
export function reaches(severity: Severity, threshold: FailOn): boolean {
  return threshold !== 'none' && RANK[severity] >= RANK[threshold];
}

/** Exit code of a run: 2 for errors, 1 for findings at or above each file's threshold, else 0. */
export function exitCode(run: { files: readonly { result: LintResult; failOn: FailOn | null }[]; errors: readonly string[] }, flag: FailOn | null, fallback: FailOn): number {
  if (run.errors.length > 0) return 2;
  const fails = run.files.some((file) => file.result.findings.some((finding) => reaches(finding.severity, flag ?? file.failOn ?? fallback)));
  return fails ? 1 : 0;
}
