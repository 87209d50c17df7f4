import { applyFixes } from './fixes/apply';
import { buildModel, type FileModel } from './model/file-model';
import { readSuppressions, type Suppressions } from './pragmas';
import { allRules } from './rules';
import type { BuildContextSnapshot, ConfiguredSeverity, Fix, ReportedFinding, Rule, RuleContext, RuleSettings } from './types';

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
    settings: { trustedRegistries: options.settings?.trustedRegistries ?? [], allowedPorts: options.settings?.allowedPorts ?? [] },
    buildContext: options.buildContext ?? {},
  };
  const suppressions = readSuppressions(model.parsed);
  const findings: ReportedFinding[] = [];
  for (const rule of options.only ?? allRules) {
    const severity = options.rules?.[rule.id] ?? defaultSeverity(rule, context.settings);
    if (severity === 'off' || isSuppressed(rule, suppressions.global)) continue;
    try {
      for (const finding of rule.check(model, context)) {
        const local = suppressions.byInstruction.get(finding.instruction);
        if (local && isSuppressed(rule, local)) continue;
        const message = rule.meta.messages[finding.messageId];
        if (!message) throw new Error(`rule ${rule.id} reported unknown message id ${finding.messageId}`);
        findings.push({ rule: rule.id, severity, message: message(finding.data), span: finding.span, fixes: finding.fixes, tags: finding.tags ?? [] });
      }
    } catch (error) {
      if (!options.onRuleError) throw error;
      options.onRuleError(rule.id, error);
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
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
}

const MAX_FIX_PASSES = 10;

/** Applies fixes, re-linting between passes, until nothing changes (as Ruff does). */
export function fixText(text: string, options: LintOptions, mode: FixMode): FixResult {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = lint(current, options).findings.flatMap((finding) => chooseFix(finding, mode) ?? []);
    const result = applyFixes(current, fixes);
    if (result.applied === 0 || result.text === current) return { text: current, applied, converged: true };
    applied += result.applied;
    current = result.text;
  }
  return { text: current, applied, converged: false };
}
