import { fixText, lint, type LintOptions } from '../engine/lint';
import { settingsOf } from '../config/bulkhead-config';
import type { FileModel } from '../engine/model/file-model';
import type { LineIndex } from '../engine/parse/line-index';
import type { ReportedFinding } from '../engine/types';
import type { BulkheadSettings } from '../../../protocol/settings';
import type { ProjectFacts } from './project-files';

/** One lint of one document version, kept for code actions and hover on that version. */
export interface Analysis {
  readonly version: number;
  readonly model: FileModel;
  readonly lines: LineIndex;
  readonly findings: readonly ReportedFinding[];
}

export type RuleErrorLogger = (ruleId: string, error: unknown) => void;

/** Config file first, editor settings over it: the user's own choice in the editor wins. */
export function lintOptions(settings: BulkheadSettings, project: ProjectFacts, onRuleError: RuleErrorLogger): LintOptions {
  const config = project.config;
  return {
    rules: { ...config?.rules, ...settings.rules },
    settings: config ? settingsOf(config) : {},
    buildContext: project.hasDockerignore === undefined ? {} : { hasDockerignore: project.hasDockerignore },
    onRuleError,
  };
}

export function analyse(text: string, version: number, options: LintOptions): Analysis {
  const { model, findings } = lint(text, options);
  return { version, model, lines: model.parsed.lines, findings };
}

export function fixAllSafe(text: string, options: LintOptions): string {
  return fixText(text, options, 'safe').text;
}
