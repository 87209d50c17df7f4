import type { LintFormat } from './args';
import type { FailOn } from '../config/bulkhead-config';
import { formatCheckstyle } from './formats/checkstyle';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { reportProblems, type CliIo } from './io';
import { exitCode, lintPaths, type LintedFile } from './lint-files';

export function runLint(command: { paths: string[]; format: LintFormat; config: string | null; failOn: FailOn | null }, io: CliIo): number {
  const run = lintPaths({ paths: command.paths, configFile: command.config });
  io.out(render(run.files, command.format, io));
  reportProblems(io, run);
  return exitCode(run, command.failOn, 'error');
}

function render(files: readonly LintedFile[], format: LintFormat, io: CliIo): string {
  switch (format) {
    case 'text':
      return formatText(files, io.colors);
    case 'json':
      return formatJson(files);
    case 'sarif':
      return formatSarif(files, io.cwd);
    case 'checkstyle':
      return formatCheckstyle(files);
  }
}
