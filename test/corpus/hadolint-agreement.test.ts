import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultSeverity, lint, type LintOptions } from '../../server/src/engine/lint';
import { ruleSettings } from '../../server/src/engine/rule-settings';
import { allRules } from '../../server/src/engine/rules';
import { TEST_NOW } from '../../server/src/engine/rules/tester';
import type { ConfiguredSeverity, Rule } from '../../server/src/engine/types';
import { loadEngine } from '../../server/src/node/load-engine';

/**
 * Runs hadolint's own spec cases (transcribed in ../shared/corpus/hadolint-cases.json) for every DL
 * code one of our rules maps to: a `catches` case must produce a finding of a mapped rule, a `passes`
 * case must not, except the cases listed in DIFFERENCES (each with its reason). Prints the agreement
 * per code.
 */

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

interface HadolintCase {
  readonly id: number;
  readonly rule: string;
  readonly expect: 'catches' | 'passes';
  readonly kind: string;
  readonly onbuild: boolean;
  readonly dockerfile: string;
  readonly dockerfile_onbuild?: string;
  readonly note: string;
  readonly config: null | { readonly allowedRegistries?: readonly string[]; readonly ignoreRules?: readonly string[] };
  readonly anomaly?: string;
}

/**
 * Where we do not agree with hadolint: deliberate differences, and known gaps of shared engine parts, each
 * with its reason. A listed case that starts agreeing fails, so the list stays true.
 */
const DIFFERENCES: readonly { readonly reason: string; readonly applies: (testCase: HadolintCase) => boolean }[] = [
  {
    reason: 'deliberate (pragmas): an unknown name in `# hadolint ignore=` does not void the other names, so DL3002 is still ignored',
    applies: (c) => c.id === 5,
  },
  {
    reason: 'deliberate (runs-as-root is stage-aware): `USER root` in a builder stage ships nothing; only the final stage counts',
    applies: (c) => c.id === 46,
  },
  {
    reason: 'deliberate (runs-as-root is stage-aware): the final `FROM scratch` stage has no USER, so it runs as uid 0',
    applies: (c) => c.id === 47,
  },
  {
    reason: 'deliberate (apt-lists-not-cleaned): it is about the package lists: a cache mount on /var/lib/apt keeps them out of the layer (hadolint also wants /var/cache/apt mounted)',
    applies: (c) => c.id === 108 || c.id === 109, // 109: the same Dockerfile with each RUN in ONBUILD
  },
  {
    reason: 'deliberate (package-version-unpinned): pipx installs isolated command-line tools; package-version-unpinned covers apt, apk, pip, npm and gem',
    applies: (c) => c.id === 222 || c.id === 223, // 223: the same in ONBUILD
  },
  {
    reason: 'deliberate (exec-form-recommended): it is about stop signals reaching the main process; a HEALTHCHECK probe in shell form needs none (as BuildKit JSONArgsRecommended)',
    applies: (c) => c.id === 399,
  },
  {
    reason: 'deliberate (pipefail-missing): it takes SHELL ["/bin/sh", "-o", "pipefail", "-c"] as setting pipefail; hadolint doubts every sh supports the option',
    applies: (c) => c.id === 1059,
  },
  {
    reason: 'deliberate (pipefail-missing): hadolint\'s spec records its own bug here ("should be fixed by above SHELL"): the SHELL with pipefail applies',
    applies: (c) => c.id === 1101,
  },
];

function readCases(): HadolintCase[] {
  const parsed: unknown = JSON.parse(readFileSync(join(CORPUS, 'hadolint-cases.json'), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error('hadolint-cases.json is not an array');
  return parsed as HadolintCase[];
}

/** DL code → our rules that cross-reference it. */
function mappedRules(): Map<string, Rule[]> {
  const map = new Map<string, Rule[]>();
  for (const rule of allRules) {
    for (const ref of rule.meta.crossRefs) {
      if (ref.linter !== 'hadolint') continue;
      map.set(ref.id, [...(map.get(ref.id) ?? []), rule]);
    }
  }
  return map;
}

/** hadolint's configuration, as far as we support it: allowed registries and ignored rules. */
function optionsFor(testCase: HadolintCase, rules: readonly Rule[], byCode: ReadonlyMap<string, Rule[]>): LintOptions {
  const settings = ruleSettings({ trustedRegistries: testCase.config?.allowedRegistries ?? [] });
  const severities: Record<string, ConfiguredSeverity> = {};
  for (const rule of rules) {
    // Rules that are off by default (package-version-unpinned...) are on in hadolint; a rule a setting
    // turns on (untrusted-registry) stays off without it, as hadolint's DL3026 without allowed registries.
    const severity = defaultSeverity(rule, settings);
    severities[rule.id] = severity === 'off' && !rule.meta.enabledBy ? 'warning' : severity;
  }
  for (const code of testCase.config?.ignoreRules ?? []) for (const rule of byCode.get(code) ?? []) severities[rule.id] = 'off';
  return { only: rules, rules: severities, now: TEST_NOW, settings };
}

const corpusExists = existsSync(join(CORPUS, 'hadolint-cases.json'));

describe('agreement with hadolint spec cases', { skip: corpusExists ? false : `skipped: ${CORPUS} does not exist (it is part of the CI checkout)` }, () => {
  const byCode = corpusExists ? mappedRules() : new Map<string, Rule[]>();
  const cases = corpusExists ? readCases().filter((c) => c.kind === 'rule' && !c.anomaly && byCode.has(c.rule)) : [];
  const tally = new Map<string, { catches: number; caught: number; passes: number; passed: number }>();

  before(loadEngine);

  after(() => {
    const lines = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, t]) => {
      const rules = (byCode.get(code) ?? []).map((r) => r.id).join(', ');
      return `${code} (${rules}): catches ${t.caught}/${t.catches}, passes ${t.passed}/${t.passes}`;
    });
    const all = [...tally.values()].reduce((sum, t) => ({ agreed: sum.agreed + t.caught + t.passed, total: sum.total + t.catches + t.passes }), { agreed: 0, total: 0 });
    const differences = cases.filter((c) => DIFFERENCES.some((d) => d.applies(c))).length;
    console.log(
      `hadolint agreement per code (matched of total):\n${lines.join('\n')}\n` +
        `total: ${all.agreed}/${all.total}; ${differences} listed differences, each with its reason`,
    );
  });

  for (const testCase of cases) {
    const rules = byCode.get(testCase.rule) ?? [];
    const label = `${testCase.rule} #${testCase.id} ${testCase.expect}${testCase.onbuild ? ' (ONBUILD)' : ''}: ${testCase.note}`;
    it(label, () => {
      const text = `${testCase.onbuild ? (testCase.dockerfile_onbuild ?? testCase.dockerfile) : testCase.dockerfile}\n`;
      const findings = lint(text, optionsFor(testCase, rules, byCode)).findings;
      const caught = findings.length > 0;
      const agrees = caught === (testCase.expect === 'catches');
      const t = tally.get(testCase.rule) ?? { catches: 0, caught: 0, passes: 0, passed: 0 };
      if (testCase.expect === 'catches') t.catches++;
      else t.passes++;
      if (agrees && testCase.expect === 'catches') t.caught++;
      if (agrees && testCase.expect === 'passes') t.passed++;
      tally.set(testCase.rule, t);
      const reason = DIFFERENCES.find((d) => d.applies(testCase))?.reason;
      if (reason !== undefined) {
        assert.ok(!agrees, `case ${testCase.id} is listed as a deliberate difference (${reason}) but now agrees: remove it from the list`);
        return;
      }
      assert.ok(agrees, `${testCase.expect === 'catches' ? 'expected' : 'unexpected'} ${rules.map((r) => r.id).join('/')} finding in:\n${text}${findings.map((f) => `  → ${f.rule}: ${f.message}`).join('\n')}`);
    });
  }
});
