/** Shared vocabulary of the engine. Offsets are UTF-16 indexes into the document string. */

/** Half-open range of document offsets: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info';
export type ConfiguredSeverity = Severity | 'off';
export type FixSafety = 'safe' | 'unsafe';
export type RuleCategory = 'security' | 'size' | 'reliability' | 'maintainability';
export type FindingTag = 'unnecessary' | 'deprecated';

export interface CrossRef {
  readonly linter: 'hadolint' | 'trivy' | 'checkov' | 'buildkit' | 'sonar';
  readonly id: string;
  readonly match: 'same' | 'partial';
}

export type MessageTemplate = (data: Readonly<Record<string, string>>) => string;

export interface RuleMeta {
  /** Default severity; configuration overrides it in the runner. */
  readonly severity: ConfiguredSeverity;
  /** A setting that, when non-empty, turns a rule that is off by default on at `severity` (see `defaultSeverity`). */
  readonly enabledBy?: { readonly setting: ListSetting; readonly severity: Severity };
  readonly category: RuleCategory;
  readonly docs: { readonly summary: string };
  /** Whether findings come with fixes; the safety is decided per fix. */
  readonly fix: 'always' | 'sometimes' | 'never';
  readonly messages: Readonly<Record<string, MessageTemplate>>;
  readonly crossRefs: readonly CrossRef[];
}

export interface Edit {
  readonly span: Span;
  readonly newText: string;
}

/**
 * A file a fix creates in the build context. The engine only describes it: the adapter writes it,
 * never over an existing file.
 */
export interface FileCreation {
  /** Relative to the build context, `/`-separated. */
  readonly path: string;
  readonly content: string;
}

export interface Fix {
  readonly title: string;
  readonly safety: FixSafety;
  /** Edits of the Dockerfile; may be empty when the fix only creates files. */
  readonly edits: readonly Edit[];
  readonly creates?: readonly FileCreation[];
}

/** What a rule reports; the runner adds the rule id, severity and rendered message. */
export interface Finding {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  readonly span: Span;
  /** Index of the instruction the finding belongs to: inline pragmas are matched against it. */
  readonly instruction: number;
  readonly fixes: readonly Fix[];
  readonly tags?: readonly FindingTag[];
}

/** Read-only facts from outside the document, gathered by the adapter (CLI, server). */
export interface BuildContextSnapshot {
  /** Whether the build context has a `.dockerignore`; undefined when unknown. */
  readonly hasDockerignore?: boolean;
  /** Text of files in the build context by relative path, for scripts that are copied and run. */
  readonly files?: ReadonlyMap<string, string>;
}

export interface RuleContext {
  /** "Today", for rules about end-of-life dates; tests pin it. */
  readonly now: Date;
  readonly settings: RuleSettings;
  readonly buildContext: BuildContextSnapshot;
}

/** Options some rules read, from `.bulkhead.yaml`; `ruleSettings` fills in the defaults. */
export interface RuleSettings {
  readonly trustedRegistries: readonly string[];
  readonly allowedPorts: readonly number[];
  /** Smallest saving, in MB (10^6 bytes) compressed, for which `large-base-image` reports a smaller base. */
  readonly largeBaseImageMinSavingsMB: number;
}

/** The settings that are lists: a non-empty one can turn a rule on. */
export type ListSetting = { [K in keyof RuleSettings]: RuleSettings[K] extends readonly unknown[] ? K : never }[keyof RuleSettings];

export interface Rule {
  readonly id: string;
  readonly meta: RuleMeta;
  check(model: import('./model/file-model').FileModel, ctx: RuleContext): Iterable<Finding>;
}

/** A finding as the adapters see it: rule applied, severity resolved, message rendered. */
export interface ReportedFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fixes: readonly Fix[];
  readonly tags: readonly FindingTag[];
}
