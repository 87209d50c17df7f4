import type { RuleSettings } from './types';

/** SPEC §3: `large-base-image` reports savings of at least 50 MB unless configured otherwise. */
export const DEFAULT_LARGE_BASE_IMAGE_MIN_SAVINGS_MB = 50;

/** The settings rules run with: what was given, the defaults for the rest. */
export function ruleSettings(given: Partial<RuleSettings> = {}): RuleSettings {
  return {
    trustedRegistries: given.trustedRegistries ?? [],
    allowedPorts: given.allowedPorts ?? [],
    largeBaseImageMinSavingsMB: given.largeBaseImageMinSavingsMB ?? DEFAULT_LARGE_BASE_IMAGE_MIN_SAVINGS_MB,
  };
}
