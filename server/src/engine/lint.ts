import { applyFixes, withCreatedFiles } from './fixes/apply';
import { buildModel, type FileModel } from './model/file-model';
import { readSuppressions, type Suppressions } from './pragmas';
import { ruleSettings } from './rule-settings';
import { allRules } from './rules';
import type { BuildContextSnapshot, ConfiguredSeverity, FileCreation, Fix, ReportedFinding, Rule, RuleContext, RuleSettings } from './types';

export interface LintOptions {
  /** Severity per rule id; rules not listed keep their default. */
  readonly rules?: Readonly<Record<string, ConfiguredSeverity>>;
  readonly now?: Date;
  readonly settings?: Partial<RuleSettings>;
  readonly buildContext?: BuildContextSnapshot;
  /** Rules to run instead of the registry (the rule tester runs one). */
  readonly only?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export interface LintResult {
  readonly model: FileModel;
  readonly findings: readonly ReportedFinding[];
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const model = buildModel(text);
  return { model, findings: runRules(model, options) };
}

export function runRules(model: FileModel, options: LintOptions): ReportedFinding[] {
  const context: RuleContext = {
    now: options.now ?? new Date(),
    settings: ruleSettings(options.settings),
    buildContext: options.buildContext ?? {},
  };
  const suppressions = readSuppressions(model.parsed);
  const findings: ReportedFinding[] = [];
  for (const rule of options.only ?? allRules) {
    const severity = options.rules?.[rule.id] ?? defaultSeverity(rule, context.settings);
    if (severity === 'off' || isSuppressed(rule, suppressions.global)) continue;
    try {
      let reported = 0;
      for (const finding of rule.check(model, context)) {
        const local = suppressions.byInstruction.get(finding.instruction);
        if (local && isSuppressed(rule, local)) continue;
        if (reported === MAX_FINDINGS_PER_RULE) {
          findings.push(limitReached(rule, finding.span));
          break;
        }
        const message = rule.meta.messages[finding.messageId];
        if (!message) throw new Error(`rule ${rule.id} reported unknown message id ${finding.messageId}`);
        findings.push({ rule: rule.id, severity, message: message(finding.data), span: finding.span, fixes: finding.fixes, tags: finding.tags ?? [] });
        reported++;
      }
    } catch (error) {
      if (!options.onRuleError) throw error;
      options.onRuleError(rule.id, error);
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/**
 * Findings one rule reports in one file before it stops: a file that trips a rule thousands of times
 * (an EXPOSE of 350,000 ports) would otherwise spend seconds building findings nobody reads, and
 * VS Code shows at most 1,000 diagnostics per file anyway.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

function limitReached(rule: Rule, span: ReportedFinding['span']): ReportedFinding {
  return {
    rule: rule.id,
    severity: 'info',
    message: `\`${rule.id}\` stopped after ${MAX_FINDINGS_PER_RULE.toLocaleString('en-US')} findings in this file; fix those and lint again to see the rest.`,
    span,
    fixes: [],
    tags: [],
  };
}

/** A rule's severity when configuration does not name it: its default, or on when the setting it depends on is set. */
export function defaultSeverity(rule: Rule, settings: RuleSettings): ConfiguredSeverity {
  const enabledBy = rule.meta.enabledBy;
  return enabledBy && settings[enabledBy.setting].length > 0 ? enabledBy.severity : rule.meta.severity;
}

function isSuppressed(rule: Rule, codes: Suppressions['global']): boolean {
  if (codes.size === 0) return false;
  return codes.has(rule.id) || rule.meta.crossRefs.some((ref) => ref.linter === 'hadolint' && codes.has(ref.id));
}

export type FixMode = 'safe' | 'unsafe';

/** The fix a finding contributes in a mode: its first safe fix, or with `unsafe` its preferred (first) fix. */
export function chooseFix(finding: ReportedFinding, mode: FixMode): Fix | undefined {
  return finding.fixes.find((fix) => fix.safety === 'safe') ?? (mode === 'unsafe' ? finding.fixes[0] : undefined);
}

export interface FixResult {
  readonly text: string;
  /** Fixes applied over all passes. */
  readonly applied: number;
  /** False when fixes still applied after the last pass: a rule that does not converge. */
  readonly converged: boolean;
  /** Files the fixes create in the build context, for the adapter to write. */
  readonly created: readonly FileCreation[];
  /** The options' build context with those files: what to lint the fixed text with. */
  readonly buildContext: BuildContextSnapshot;
}

const MAX_FIX_PASSES = 10;

/**
 * Applies fixes, re-linting between passes, until nothing changes (as Ruff does). Each pass lints
 * against the build context as earlier passes left it, so a fix that creates a file ends its finding.
 */
export function fixText(text: string, options: LintOptions, mode: FixMode): FixResult {
  let current = text;
  let applied = 0;
  let buildContext = options.buildContext ?? {};
  const created: FileCreation[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = lint(current, { ...options, buildContext }).findings.flatMap((finding) => chooseFix(finding, mode) ?? []);
    const result = applyFixes(current, fixes);
    if (result.applied === 0 || (result.text === current && result.created.length === 0)) return { text: current, applied, converged: true, created, buildContext };
    applied += result.applied;
    current = result.text;
    created.push(...result.created);
    buildContext = withCreatedFiles(buildContext, result.created);
  }
  return { text: current, applied, converged: false, created, buildContext };
}
