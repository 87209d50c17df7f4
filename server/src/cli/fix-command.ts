import type { FailOn } from '../config/bulkhead-config';
import { fixText, lint } from '../engine/lint';
import { writeFileAtomic } from './atomic-write';
import { unifiedDiff } from './diff';
import { formatText, plural } from './formats/text';
import { reportProblems, type CliIo } from './io';
import { exitCode, lintPaths, type LintedFile } from './lint-files';
import { reason } from './paths';

/**
 * Applies fixes to a fixpoint and writes each changed file atomically; with `--dry-run` prints the
 * diff instead. Then reports what is left, and exits 1 when that reaches the threshold.
 */
export function runFix(command: { paths: string[]; unsafe: boolean; dryRun: boolean; config: string | null; failOn: FailOn | null }, io: CliIo): number {
  const run = lintPaths({ paths: command.paths, configFile: command.config });
  const remaining: LintedFile[] = [];
  let fixedFiles = 0;
  let appliedFixes = 0;
  for (const file of run.files) {
    const result = fixText(file.text, file.options, command.unsafe ? 'unsafe' : 'safe');
    if (!result.converged) run.warnings.push(`fixes in ${file.path} did not settle after repeated passes; the last pass was kept`);
    if (result.text !== file.text) {
      if (command.dryRun) {
        io.out(unifiedDiff(file.text, result.text, `a/${file.path}`, `b/${file.path}`));
      } else {
        try {
          writeFileAtomic(file.absolutePath, result.text);
        } catch (error) {
          run.errors.push(`cannot write ${file.path}: ${reason(error)}`);
          remaining.push(file);
          continue;
        }
      }
      fixedFiles++;
      appliedFixes += result.applied;
    }
    remaining.push(result.text === file.text ? file : { ...file, text: result.text, result: lint(result.text, file.options) });
  }
  if (command.dryRun) {
    io.err(`${fixedFiles === 0 ? 'Nothing to fix' : `Would apply ${plural(appliedFixes, 'fix', 'fixes')} in ${plural(fixedFiles, 'file')}`}; nothing was written.\n`);
  } else {
    io.out(`${fixedFiles === 0 ? 'Nothing to fix.' : `Applied ${plural(appliedFixes, 'fix', 'fixes')} in ${plural(fixedFiles, 'file')}.`}\n`);
    if (remaining.some((file) => file.result.findings.length > 0)) io.out(`\nRemaining:\n${formatText(remaining, io.colors)}`);
  }
  reportProblems(io, run);
  return exitCode({ files: remaining, errors: run.errors }, command.failOn, 'error');
}
