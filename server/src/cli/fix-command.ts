import type { FailOn } from '../config/bulkhead-config';
import { withCreatedFiles } from '../engine/fixes/apply';
import { fixText, lint, type FixResult, type LintOptions } from '../engine/lint';
import type { FileCreation } from '../engine/types';
import { createFileExclusive, writeFileAtomic } from './atomic-write';
import { contextFilePath, readBuildContext } from './build-context';
import { unifiedDiff } from './diff';
import { formatText, plural } from './formats/text';
import { reportProblems, type CliIo } from './io';
import { exitCode, lintPaths, type LintedFile, type LintRun } from './lint-files';
import { displayPath, reason } from './paths';

/**
 * Applies fixes to a fixpoint and writes each changed file atomically, creating the files fixes add
 * to the build context (never over an existing one); with `--dry-run` prints the diffs instead.
 * Then reports what is left, and exits 1 when that reaches the threshold.
 */
export function runFix(command: { paths: string[]; unsafe: boolean; dryRun: boolean; config: string | null; failOn: FailOn | null }, io: CliIo): number {
  const run = lintPaths({ paths: command.paths, configFile: command.config });
  const remaining: LintedFile[] = [];
  /** Files this run created (with --dry-run: would create), by absolute path; Dockerfiles of one context share them. */
  const created = new Map<string, FileCreation>();
  let fixedFiles = 0;
  let appliedFixes = 0;
  for (const file of run.files) {
    const options = withRunCreations(file, created);
    const result = fixText(file.text, options, command.unsafe ? 'unsafe' : 'safe');
    if (!result.converged) run.warnings.push(`fixes in ${file.path} did not settle after repeated passes; the last pass was kept`);
    // A file created for another Dockerfile of the context may have settled findings of this one.
    const current = options === file.options ? file : { ...file, options, result: lint(file.text, options) };
    if (result.text === file.text && result.created.length === 0) {
      remaining.push(current);
      continue;
    }
    const creations = placeCreations(file, result, run);
    if (creations === null) {
      remaining.push(current);
      continue;
    }
    if (command.dryRun) {
      if (result.text !== file.text) io.out(unifiedDiff(file.text, result.text, `a/${file.path}`, `b/${file.path}`));
      for (const creation of creations) {
        io.out(unifiedDiff('', creation.file.content, '/dev/null', `b/${displayPath(creation.path)}`));
        created.set(creation.path, creation.file);
      }
    } else if (!writeFix(file, result, creations, created, run)) {
      // Files may have been created before the failure: what is left is read from the disk.
      const reread = { ...options, buildContext: readBuildContext(file.absolutePath, file.result.model) };
      remaining.push({ ...file, options: reread, result: lint(file.text, reread) });
      continue;
    }
    fixedFiles++;
    appliedFixes += result.applied;
    // The created files are part of the build context now, so findings about their absence are gone.
    const after = { ...options, buildContext: result.buildContext };
    remaining.push({ ...file, text: result.text, options: after, result: lint(result.text, after) });
  }
  const createdCount = created.size === 0 ? '' : ` and create ${plural(created.size, 'file')}`;
  if (command.dryRun) {
    io.err(`${fixedFiles === 0 ? 'Nothing to fix' : `Would apply ${plural(appliedFixes, 'fix', 'fixes')} in ${plural(fixedFiles, 'file')}${createdCount}`}; nothing was written.\n`);
  } else {
    io.out(`${fixedFiles === 0 ? 'Nothing to fix.' : `Applied ${plural(appliedFixes, 'fix', 'fixes')} in ${plural(fixedFiles, 'file')}.`}\n`);
    for (const path of created.keys()) io.out(`Created ${displayPath(path)}.\n`);
    if (remaining.some((file) => file.result.findings.length > 0)) io.out(`\nRemaining:\n${formatText(remaining, io.colors)}`);
  }
  reportProblems(io, run);
  return exitCode({ files: remaining, errors: run.errors }, command.failOn, 'error');
}

/** A file to create, at its absolute path. */
interface Placed {
  readonly path: string;
  readonly file: FileCreation;
}

/** The file's lint options with what this run created in its build context; the same object when nothing was. */
function withRunCreations(file: LintedFile, created: ReadonlyMap<string, FileCreation>): LintOptions {
  const inContext = [...created].filter(([path, creation]) => contextFilePath(file.absolutePath, creation.path) === path).map(([, creation]) => creation);
  return inContext.length === 0 ? file.options : { ...file.options, buildContext: withCreatedFiles(file.options.buildContext ?? {}, inContext) };
}

/** Where the files a fix result creates go; null (with an error) when one would leave the build context. */
function placeCreations(file: LintedFile, result: FixResult, run: LintRun): Placed[] | null {
  const placed: Placed[] = [];
  for (const creation of result.created) {
    const path = contextFilePath(file.absolutePath, creation.path);
    if (path === null) {
      run.errors.push(`a fix for ${file.path} would create \`${creation.path}\` outside its build context; nothing was written for it`);
      return null;
    }
    placed.push({ path, file: creation });
  }
  return placed;
}

/**
 * Creates the new files, then writes the Dockerfile. A file that exists by now (it appeared since the
 * lint, or is a broken link) is left as it is; any other failure stops before the Dockerfile is written.
 */
function writeFix(file: LintedFile, result: FixResult, creations: readonly Placed[], created: Map<string, FileCreation>, run: LintRun): boolean {
  for (const creation of creations) {
    try {
      createFileExclusive(creation.path, creation.file.content);
      created.set(creation.path, creation.file);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
        run.warnings.push(`${displayPath(creation.path)} already exists; it was left as it is`);
        continue;
      }
      run.errors.push(`cannot create ${displayPath(creation.path)}: ${reason(error)}; ${file.path} was left unchanged`);
      return false;
    }
  }
  if (result.text === file.text) return true;
  try {
    writeFileAtomic(file.absolutePath, result.text);
    return true;
  } catch (error) {
    run.errors.push(`cannot write ${file.path}: ${reason(error)}`);
    return false;
  }
}
