/**
 * The settings shape both sides agree on. The client reads the `bulkhead` section per resource and
 * sanitises it with `sanitizeSettings`; the server runs the same function on what it receives, since
 * other editors send whatever their users wrote.
 */

export type RuleSeverity = 'off' | 'error' | 'warning' | 'info';
export type RunMode = 'onType' | 'onSave';

export interface BulkheadSettings {
  readonly enable: boolean;
  /** Severity per rule id; rules not listed keep their default. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  readonly run: RunMode;
}

export const DEFAULT_SETTINGS: BulkheadSettings = { enable: true, rules: {}, run: 'onType' };

const SEVERITIES: ReadonlySet<string> = new Set<RuleSeverity>(['off', 'error', 'warning', 'info']);
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface SanitizedSettings {
  readonly settings: BulkheadSettings;
  /** One line per value that was ignored, naming the key; the default applies in its place. */
  readonly problems: readonly string[];
}

export function sanitizeSettings(raw: unknown): SanitizedSettings {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: DEFAULT_SETTINGS, problems };
  if (!isRecord(raw)) return { settings: DEFAULT_SETTINGS, problems: ['`bulkhead` settings must be an object; using the defaults.'] };

  let enable = DEFAULT_SETTINGS.enable;
  if (typeof raw.enable === 'boolean') enable = raw.enable;
  else if (raw.enable !== undefined) problems.push('`bulkhead.enable` must be true or false; using true.');

  let run = DEFAULT_SETTINGS.run;
  if (raw.run === 'onType' || raw.run === 'onSave') run = raw.run;
  else if (raw.run !== undefined) problems.push('`bulkhead.run` must be "onType" or "onSave"; using "onType".');

  const rules: Record<string, RuleSeverity> = {};
  if (isRecord(raw.rules)) {
    for (const [id, severity] of Object.entries(raw.rules)) {
      if (!RULE_ID.test(id)) problems.push(`\`bulkhead.rules\` key \`${id}\` is not a rule id; ignoring it.`);
      else if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as RuleSeverity;
      else problems.push(`\`bulkhead.rules.${id}\` must be one of off, error, warning, info; keeping the rule's default.`);
    }
  } else if (raw.rules !== undefined) {
    problems.push('`bulkhead.rules` must be an object of rule id to severity; ignoring it.');
  }
  return { settings: { enable, rules, run }, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
