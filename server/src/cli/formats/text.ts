import { chooseFix } from '../../engine/lint';
import type { Severity } from '../../engine/types';
import type { LintedFile } from '../lint-files';
import { toCliRange } from '../positions';
import type { Palette } from './color';

/** `lint --format text`: findings grouped by file, one `file:line:col severity rule message` per line, and a summary. */
export function formatText(files: readonly LintedFile[], colors: Palette): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  const blocks: string[] = [];
  for (const file of files) {
    if (file.result.findings.length === 0) continue;
    const lines = file.result.findings.map((finding) => {
      counts[finding.severity]++;
      if (chooseFix(finding, 'safe')) fixable++;
      const { line, column } = toCliRange(file.result.model.parsed.lines, finding.span);
      const severity = paint(colors, finding.severity)(finding.severity.padEnd(7));
      return `${colors.bold(`${file.path}:${line}:${column}`)}  ${severity}  ${colors.dim(finding.rule)}  ${finding.message}`;
    });
    blocks.push(lines.join('\n'));
  }
  const total = counts.error + counts.warning + counts.info;
  const noun = files.length === 1 ? 'file' : 'files';
  if (total === 0) return `${blocks.join('\n\n')}${colors.green(`No problems found in ${files.length} ${noun}.`)}\n`;
  const parts = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
  const summary = `${plural(total, 'problem')} (${parts}) in ${files.length} ${noun}${fixable > 0 ? `; ${fixable} fixable with \`bulkhead fix\`` : ''}.`;
  const painted = counts.error > 0 ? colors.red(summary) : counts.warning > 0 ? colors.yellow(summary) : colors.blue(summary);
  return `${blocks.join('\n\n')}\n\n${colors.bold(painted)}\n`;
}

export function paint(colors: Palette, severity: Severity): (text: string) => string {
  return severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.blue;
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
