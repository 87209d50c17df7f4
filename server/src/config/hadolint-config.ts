import type { Node } from 'yaml';
import type { ConfiguredSeverity, Rule } from '../engine/types';
import type { BulkheadConfig, FailOn } from './bulkhead-config';
import type { ConfigResult } from './config-error';
import { YamlReader } from './yaml-reader';

/** The parts of hadolint's `.hadolint.yaml` that have a Bulkhead meaning. */
export interface HadolintConfig {
  readonly ignored: readonly string[];
  /** hadolint severity (`error`, `warning`, `info`, `style`) per code. */
  readonly override: ReadonlyMap<string, HadolintSeverity>;
  readonly trustedRegistries: readonly string[];
  readonly failureThreshold: HadolintThreshold | null;
}

type HadolintSeverity = 'error' | 'warning' | 'info' | 'style';
type HadolintThreshold = HadolintSeverity | 'ignore' | 'none';

const OVERRIDE_LEVELS: readonly HadolintSeverity[] = ['error', 'warning', 'info', 'style'];
const THRESHOLDS: readonly HadolintThreshold[] = ['error', 'warning', 'info', 'style', 'ignore', 'none'];

/** Parses `.hadolint.yaml` text. Unknown keys are tolerated (hadolint has more than we map). No I/O. */
export function parseHadolintConfig(text: string, file: string): ConfigResult<HadolintConfig> {
  const reader = new YamlReader(text, file);
  let ignored: string[] = [];
  const override = new Map<string, HadolintSeverity>();
  let trustedRegistries: string[] = [];
  let failureThreshold: HadolintThreshold | null = null;
  const entries = reader.root === null ? null : reader.mapping(reader.root, null);
  for (const [name, { value }] of entries ?? []) {
    switch (name) {
      case 'ignored':
        ignored = reader.stringList(value, name) ?? [];
        break;
      case 'override':
        readOverride(reader, value, override);
        break;
      case 'trustedRegistries':
        trustedRegistries = reader.stringList(value, name) ?? [];
        break;
      case 'failure-threshold': {
        const threshold = reader.string(value, name);
        if (threshold !== null && (THRESHOLDS as readonly string[]).includes(threshold)) failureThreshold = threshold as HadolintThreshold;
        else if (threshold !== null) reader.report(value, name, `\`${threshold}\` is not a hadolint threshold; use one of ${THRESHOLDS.join(', ')}.`);
        break;
      }
      // Other keys (no-fail, label-schema, format, ...) only change hadolint's own behaviour.
    }
  }
  if (reader.problems.length > 0) return { ok: false, problems: reader.problems };
  return { ok: true, config: { ignored, override, trustedRegistries, failureThreshold } };
}

function readOverride(reader: YamlReader, node: Node | null, override: Map<string, HadolintSeverity>): void {
  for (const [level, { keyNode, value }] of reader.mapping(node, 'override') ?? []) {
    if (!(OVERRIDE_LEVELS as readonly string[]).includes(level)) {
      reader.report(keyNode, `override.${level}`, `unknown level; use one of ${OVERRIDE_LEVELS.join(', ')}.`);
      continue;
    }
    for (const code of reader.stringList(value, `override.${level}`) ?? []) override.set(code, level as HadolintSeverity);
  }
}

export interface MigratedConfig {
  readonly config: BulkheadConfig;
  /** hadolint codes in the file that no Bulkhead rule maps to (kept out of the result). */
  readonly unmapped: readonly string[];
}

/**
 * Maps a hadolint config onto Bulkhead rules through each rule's hadolint cross-references: a rule is
 * off when any of its codes is ignored (as `# hadolint ignore=` pragmas work), else it takes the most
 * severe override among its codes (`style` → info).
 */
export function fromHadolint(hadolint: HadolintConfig, rules: readonly Rule[]): MigratedConfig {
  const ignored = new Set(hadolint.ignored);
  const mapped = new Set<string>();
  const severities: Record<string, ConfiguredSeverity> = {};
  for (const rule of rules) {
    const codes = rule.meta.crossRefs.filter((ref) => ref.linter === 'hadolint').map((ref) => ref.id);
    codes.forEach((code) => mapped.add(code));
    if (codes.some((code) => ignored.has(code))) {
      severities[rule.id] = 'off';
      continue;
    }
    const overrides = codes.flatMap((code) => hadolint.override.get(code) ?? []).map(toSeverity);
    const strongest = (['error', 'warning', 'info'] as const).find((level) => overrides.includes(level));
    if (strongest) severities[rule.id] = strongest;
  }
  const mentioned = [...hadolint.ignored, ...hadolint.override.keys()];
  return {
    config: {
      rules: severities,
      ignorePaths: [],
      trustedRegistries: hadolint.trustedRegistries,
      allowedPorts: [],
      largeBaseImageMinSavingsMB: null,
      failOn: hadolint.failureThreshold === null ? null : toFailOn(hadolint.failureThreshold),
    },
    unmapped: [...new Set(mentioned.filter((code) => !mapped.has(code)))].sort(),
  };
}

function toSeverity(level: HadolintSeverity): 'error' | 'warning' | 'info' {
  return level === 'style' ? 'info' : level;
}

function toFailOn(threshold: HadolintThreshold): FailOn {
  if (threshold === 'ignore' || threshold === 'none') return 'none';
  return toSeverity(threshold);
}
