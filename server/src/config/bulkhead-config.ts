import type { Node } from 'yaml';
import { rulesById } from '../engine/rules';
import type { ConfiguredSeverity, RuleSettings } from '../engine/types';
import type { ConfigResult } from './config-error';
import { YamlReader } from './yaml-reader';

/** The threshold for a failing exit code: findings at or above it fail; `none` never fails. */
export type FailOn = 'error' | 'warning' | 'info' | 'none';

/** `.bulkhead.yaml`, validated. Paths in `ignorePaths` are globs relative to the file's folder. */
export interface BulkheadConfig {
  readonly rules: Readonly<Record<string, ConfiguredSeverity>>;
  readonly ignorePaths: readonly string[];
  readonly trustedRegistries: readonly string[];
  readonly allowedPorts: readonly number[];
  /** `large-base-image`'s smallest reported saving in MB; null: the engine's default. */
  readonly largeBaseImageMinSavingsMB: number | null;
  /** Default for `--fail-on`; the flag wins. */
  readonly failOn: FailOn | null;
}

export const EMPTY_CONFIG: BulkheadConfig = { rules: {}, ignorePaths: [], trustedRegistries: [], allowedPorts: [], largeBaseImageMinSavingsMB: null, failOn: null };

const SEVERITIES: readonly ConfiguredSeverity[] = ['off', 'error', 'warning', 'info'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];
const KEYS = ['rules', 'ignorePaths', 'trustedRegistries', 'allowedPorts', 'largeBaseImageMinSavingsMB', 'failOn'] as const;
/** Above the largest base image recorded (a few GB): a larger value would only switch the rule off, which `rules` does plainly. */
const MAX_MIN_SAVINGS_MB = 10_000;

/** Parses `.bulkhead.yaml` text; `file` only names the file in problems. No I/O. */
export function parseBulkheadConfig(text: string, file: string): ConfigResult<BulkheadConfig> {
  const reader = new YamlReader(text, file);
  if (reader.root === null) return reader.problems.length > 0 ? { ok: false, problems: reader.problems } : { ok: true, config: EMPTY_CONFIG };
  const entries = reader.mapping(reader.root, null);
  const config: { -readonly [K in keyof BulkheadConfig]: BulkheadConfig[K] } = { ...EMPTY_CONFIG };
  for (const [name, { keyNode, value }] of entries ?? []) {
    switch (name) {
      case 'rules':
        config.rules = readRules(reader, value);
        break;
      case 'ignorePaths':
        config.ignorePaths = reader.stringList(value, name) ?? [];
        break;
      case 'trustedRegistries':
        config.trustedRegistries = reader.stringList(value, name) ?? [];
        break;
      case 'allowedPorts':
        config.allowedPorts = reader.integerList(value, name, 1, 65535) ?? [];
        break;
      case 'largeBaseImageMinSavingsMB':
        config.largeBaseImageMinSavingsMB = reader.integer(value, name, 0, MAX_MIN_SAVINGS_MB);
        break;
      case 'failOn': {
        const failOn = reader.string(value, name);
        if (failOn !== null && !isOneOf(failOn, FAIL_ON)) reader.report(value, name, `\`${failOn}\` is not a threshold; use one of ${FAIL_ON.join(', ')}.`);
        else if (failOn !== null) config.failOn = failOn as FailOn;
        break;
      }
      default:
        reader.report(keyNode, name, `unknown key; the keys are ${KEYS.join(', ')}.`);
    }
  }
  return reader.problems.length > 0 ? { ok: false, problems: reader.problems } : { ok: true, config };
}

/** The rule settings a config sets; the engine fills in the defaults for the rest. */
export function settingsOf(config: BulkheadConfig): Partial<RuleSettings> {
  return {
    trustedRegistries: config.trustedRegistries,
    allowedPorts: config.allowedPorts,
    ...(config.largeBaseImageMinSavingsMB === null ? {} : { largeBaseImageMinSavingsMB: config.largeBaseImageMinSavingsMB }),
  };
}

function readRules(reader: YamlReader, node: Node | null): Record<string, ConfiguredSeverity> {
  const rules: Record<string, ConfiguredSeverity> = {};
  for (const [id, { keyNode, value }] of reader.mapping(node, 'rules') ?? []) {
    const key = `rules.${id}`;
    if (!rulesById.has(id)) {
      reader.report(keyNode, key, `\`${id}\` is not a Bulkhead rule id; check the spelling against docs/rules/.`);
      continue;
    }
    const severity = reader.string(value, key);
    if (severity === null) continue;
    if (isOneOf(severity, SEVERITIES)) rules[id] = severity as ConfiguredSeverity;
    else reader.report(value, key, `\`${severity}\` is not a severity; use one of ${SEVERITIES.join(', ')}.`);
  }
  return rules;
}

function isOneOf(value: string, options: readonly string[]): boolean {
  return options.includes(value);
}
