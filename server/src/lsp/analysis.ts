import { fixText, lint, type LintOptions } from '../engine/lint';
import type { FileModel } from '../engine/model/file-model';
import type { LineIndex } from '../engine/parse/line-index';
import type { ReportedFinding } from '../engine/types';
import type { BulkheadSettings } from '../../../protocol/settings';

/** One lint of one document version, kept for code actions and hover on that version. */
export interface Analysis {
  readonly version: number;
  readonly model: FileModel;
  readonly lines: LineIndex;
  readonly findings: readonly ReportedFinding[];
}

export type RuleErrorLogger = (ruleId: string, error: unknown) => void;

export function lintOptions(settings: BulkheadSettings, onRuleError: RuleErrorLogger): LintOptions {
  return { rules: settings.rules, onRuleError };
}

export function analyse(text: string, version: number, settings: BulkheadSettings, onRuleError: RuleErrorLogger): Analysis {
  const { model, findings } = lint(text, lintOptions(settings, onRuleError));
  return { version, model, lines: model.parsed.lines, findings };
}

export function fixAllSafe(text: string, settings: BulkheadSettings, onRuleError: RuleErrorLogger): string {
  return fixText(text, lintOptions(settings, onRuleError), 'safe').text;
}
