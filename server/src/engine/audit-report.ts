import { imageFacts, smallerAlternatives, type AlternativeKind, type Platform } from '../knowledge/images';
import type { LintResult } from './lint';
import type { FileModel, Stage } from './model/file-model';
import type { ImageReference } from './model/image-ref';
import { ownCopy } from './own-copy';
import { rulesById } from './rules';
import type { RuleCategory, Severity } from './types';

/**
 * The data of a workspace audit, computed from lint results with no I/O, so the CLI and the editor's
 * audit view show the same grades and totals.
 *
 * Grade: each file gets a penalty of 10 per error, 3 per warning and 1 per info finding;
 * A ≤ 2 (no error or warning), B ≤ 9, C ≤ 19, D ≤ 39, F above. One error therefore caps a file at C.
 *
 * Sizes come from the knowledge tables (compressed, per platform); savings are those of the most
 * compatible smaller variant of the final base image that needs no caveat (slim, then JRE, ...), with
 * the stage's needs read conservatively from the model. Unknown images have neither.
 */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export const GRADE_WEIGHTS: Readonly<Record<Severity, number>> = { error: 10, warning: 3, info: 1 };
/** Highest penalty for each grade, in order. */
export const GRADE_LIMITS: readonly (readonly [Grade, number])[] = [
  ['A', 2],
  ['B', 9],
  ['C', 19],
  ['D', 39],
  ['F', Infinity],
];

export type SeverityCounts = Record<Severity, number>;

export interface AuditInput {
  /** How the file is shown (relative path); the report does not touch the file system. */
  readonly path: string;
  readonly result: LintResult;
}

export interface AuditFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based; end column exclusive. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The best fix on offer: `safe` ones are applied by `bulkhead fix`; null when there is none. */
  readonly fix: 'safe' | 'unsafe' | null;
}

export interface AuditOptions {
  /** "Today", for leaving out alternatives past their end of life; tests pin it. */
  readonly now?: Date;
  readonly platform?: Platform;
}

export interface ImageSize {
  /** Compressed bytes on the platform. */
  readonly bytes: number;
  /** True when the figure is that of the nearest known tag. */
  readonly approximate: boolean;
}

export interface Savings {
  /** The smaller image to switch to, and what that saves in compressed bytes. */
  readonly reference: string;
  readonly kind: AlternativeKind;
  readonly bytes: number;
  readonly approximate: boolean;
}

export interface FileAudit {
  readonly path: string;
  readonly grade: Grade;
  readonly penalty: number;
  readonly counts: SeverityCounts;
  /** Base image of the final stage (through `FROM <stage>` chains), as resolved or as written; null without FROM. */
  readonly baseImage: string | null;
  /** 1-based line of the final stage's `FROM`, for opening the file there; null without FROM. */
  readonly baseImageLine: number | null;
  /** Compressed size of the base image on the platform; null when the tables do not know it. */
  readonly baseImageSize: ImageSize | null;
  /** Estimated savings of a smaller variant that fits what the stage does; null when none is known. */
  readonly savings: Savings | null;
  readonly findings: readonly AuditFinding[];
}

export interface RuleTotal {
  readonly rule: string;
  readonly category: RuleCategory | null;
  /** The most severe level the rule was reported at. */
  readonly severity: Severity;
  readonly count: number;
  /** How many files it was reported in. */
  readonly files: number;
}

export interface AuditReport {
  readonly files: readonly FileAudit[];
  readonly totals: SeverityCounts & {
    readonly files: number;
    readonly findings: number;
    readonly safelyFixable: number;
    /** Sum of the files' estimated savings, in compressed bytes. */
    readonly savingsBytes: number;
  };
  readonly platform: Platform;
  /** How many files have each grade. */
  readonly grades: Readonly<Record<Grade, number>>;
  /** The grade of the mean penalty over all files; null for no files. */
  readonly overallGrade: Grade | null;
  /** One entry per rule reported, most frequent first. */
  readonly rules: readonly RuleTotal[];
}

export function gradeFor(counts: SeverityCounts): { grade: Grade; penalty: number } {
  const penalty = counts.error * GRADE_WEIGHTS.error + counts.warning * GRADE_WEIGHTS.warning + counts.info * GRADE_WEIGHTS.info;
  return { grade: gradeOfPenalty(penalty), penalty };
}

function gradeOfPenalty(penalty: number): Grade {
  return (GRADE_LIMITS.find(([, limit]) => penalty <= limit) ?? ['F', Infinity])[0];
}

export function auditFile(input: AuditInput, options: AuditOptions = {}): FileAudit {
  const { model, findings } = input.result;
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  const lines = model.parsed.lines;
  const audited = findings.map((finding): AuditFinding => {
    counts[finding.severity]++;
    const start = lines.positionAt(finding.span.start);
    const end = lines.positionAt(finding.span.end);
    const fix = finding.fixes.some((f) => f.safety === 'safe') ? 'safe' : finding.fixes.length > 0 ? 'unsafe' : null;
    // The report outlives the model: a message naming a token would otherwise keep the file's text alive.
    return { rule: finding.rule, severity: finding.severity, message: ownCopy(finding.message), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, fix };
  });
  const base = finalBase(model);
  const platform = options.platform ?? 'amd64';
  const facts = base?.reference ? imageFacts(base.reference) : null;
  const bytes = facts ? (facts.sizes[platform] ?? null) : null;
  return {
    path: input.path,
    ...gradeFor(counts),
    counts,
    baseImage: base?.image ?? null,
    baseImageLine: base ? lines.positionAt(base.fromStart).line + 1 : null,
    baseImageSize: facts && bytes !== null ? { bytes, approximate: facts.approximate } : null,
    savings: base?.reference ? estimateSavings(model, base.reference, platform, options.now) : null,
    findings: audited,
  };
}

export function auditReport(inputs: readonly AuditInput[], options: AuditOptions = {}): AuditReport {
  return summarizeAudit(
    inputs.map((input) => auditFile(input, options)),
    options,
  );
}

/** The report from files audited one by one (a large audit need not keep every model in memory). */
export function summarizeAudit(audited: readonly FileAudit[], options: AuditOptions = {}): AuditReport {
  const files = [...audited].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const totals = { files: files.length, findings: 0, safelyFixable: 0, savingsBytes: 0, error: 0, warning: 0, info: 0 };
  const grades: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0, F: 0 };
  const byRule = new Map<string, { severity: Severity; count: number; files: Set<string> }>();
  for (const file of files) {
    grades[file.grade]++;
    totals.savingsBytes += file.savings?.bytes ?? 0;
    for (const finding of file.findings) {
      totals[finding.severity]++;
      totals.findings++;
      if (finding.fix === 'safe') totals.safelyFixable++;
      const entry = byRule.get(finding.rule) ?? { severity: finding.severity, count: 0, files: new Set<string>() };
      entry.count++;
      entry.files.add(file.path);
      if (GRADE_WEIGHTS[finding.severity] > GRADE_WEIGHTS[entry.severity]) entry.severity = finding.severity;
      byRule.set(finding.rule, entry);
    }
  }
  const rules = [...byRule]
    .map(([rule, entry]): RuleTotal => ({ rule, category: rulesById.get(rule)?.meta.category ?? null, severity: entry.severity, count: entry.count, files: entry.files.size }))
    .sort((a, b) => b.count - a.count || GRADE_WEIGHTS[b.severity] - GRADE_WEIGHTS[a.severity] || (a.rule < b.rule ? -1 : 1));
  const meanPenalty = files.length === 0 ? null : files.reduce((sum, file) => sum + file.penalty, 0) / files.length;
  return { files, totals, platform: options.platform ?? 'amd64', grades, overallGrade: meanPenalty === null ? null : gradeOfPenalty(Math.round(meanPenalty)), rules };
}

/** The image the final stage is built on, following `FROM <stage>` back to an image. */
function finalBase(model: FileModel): { image: string; reference: ImageReference | null; fromStart: number } | null {
  const last = model.stages[model.stages.length - 1];
  if (!last) return null;
  let stage = last;
  const seen = new Set<number>();
  while (stage.baseStage !== null && !seen.has(stage.index)) {
    seen.add(stage.index);
    const base = model.stages[stage.baseStage];
    if (!base) break;
    stage = base;
  }
  return { image: stage.image?.text ?? stage.imageText, reference: stage.image, fromStart: last.from.span.start };
}

const JDK_TOOLS = new Set(['javac', 'mvn', 'mvnw', 'gradle', 'gradlew', 'jlink', 'jar', 'jpackage']);
const STARTUP_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/**
 * The best fitting smaller base: the stage's needs are read from the stages that make the final
 * image, erring towards "needs it" (any RUN counts as a shell; glibc is assumed, so musl images
 * carry a caveat and are not counted).
 */
function estimateSavings(model: FileModel, reference: ImageReference, platform: Platform, now: Date | undefined): Savings | null {
  const finalStages = new Set(model.stages.filter((stage: Stage) => stage.reachesFinalImage).map((stage) => stage.index));
  const runs = model.runs.filter((run) => finalStages.has(run.stage));
  const shellStartup = model.instructions.some((instruction) => STARTUP_KEYWORDS.has(instruction.keyword) && instruction.exec === null && finalStages.has(model.stageOf[instruction.index] ?? -1));
  const commands = runs.flatMap((run) => run.script?.commands ?? []);
  const alternatives = smallerAlternatives(reference, {
    platform,
    ...(now ? { now } : {}),
    runsShell: runs.length > 0 || shellStartup,
    packageManager: runs.flatMap((run) => run.installs).find((install) => ['apt', 'apk', 'dnf'].includes(install.manager))?.manager ?? null,
    needsJdk: commands.some((command) => JDK_TOOLS.has((command.name.value ?? '').split('/').pop() ?? '')),
    glibcLikely: true,
  });
  const best = alternatives.find((alternative) => alternative.caveats.length === 0 && alternative.savings !== null && alternative.savings > 0);
  return best && best.savings !== null ? { reference: best.reference, kind: best.kind, bytes: best.savings, approximate: best.approximate } : null;
}
