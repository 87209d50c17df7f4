import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyFixes, withCreatedFiles } from '../server/src/engine/fixes/apply';
import { fixText, lint, type LintOptions } from '../server/src/engine/lint';
import { buildModel } from '../server/src/engine/model/file-model';
import { TEST_NOW } from '../server/src/engine/rules/tester';
import type { ReportedFinding } from '../server/src/engine/types';
import { loadEngine } from '../server/src/node/load-engine';
import { projectSeeds } from './fuzz/inputs';

/**
 * Fix properties over the project's own Dockerfiles (examples/, test fixtures, the blocks of every
 * rule page): each offered fix, applied alone, leaves a file whose shell still parses, removes its
 * finding and adds no error; `fix` twice changes nothing the second time. test/corpus/real-corpus.test.ts
 * checks the same over the real corpus in `npm run test:corpus`. The build context has no
 * `.dockerignore`, so the fix that creates one is checked too: once the context has the file, its
 * finding is gone.
 */

const OPTIONS: LintOptions = { now: TEST_NOW, buildContext: { hasDockerignore: false } };

function brokenRuns(text: string): number {
  return buildModel(text).runs.filter((run) => run.script?.hasErrors).length;
}

function tally(findings: readonly ReportedFinding[], keep: (finding: ReportedFinding) => boolean = () => true): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (!keep(finding)) continue;
    const key = `${finding.rule}: ${finding.message}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('fix properties over the project Dockerfiles', () => {
  before(loadEngine);
  const seeds = projectSeeds();

  it('finds the examples and the rule pages', () => {
    assert.ok(seeds.some((seed) => seed.name.startsWith('examples/')), 'no examples/ Dockerfile found');
    assert.ok(seeds.some((seed) => seed.name.startsWith('docs/rules/')), 'no rule page example found');
  });

  for (const seed of seeds) {
    it(seed.name, () => {
      const findings = lint(seed.text, OPTIONS).findings;
      const before = tally(findings);
      const errorsBefore = tally(findings, (finding) => finding.severity === 'error');
      const broken = brokenRuns(seed.text);
      for (const finding of findings) {
        const key = `${finding.rule}: ${finding.message}`;
        for (const fix of finding.fixes) {
          const where = `${finding.rule} "${fix.title}" (${fix.safety})`;
          const { text: fixed, created } = applyFixes(seed.text, [fix]);
          assert.ok(fixed !== seed.text || created.length > 0, `${where} changed nothing`);
          assert.ok(brokenRuns(fixed) <= broken, `${where} left a shell syntax error:\n${fixed}`);
          const after = lint(fixed, { ...OPTIONS, buildContext: withCreatedFiles(OPTIONS.buildContext ?? {}, created) }).findings;
          assert.ok((tally(after).get(key) ?? 0) < (before.get(key) ?? 0), `${where} did not remove its finding:\n${fixed}`);
          for (const [error, count] of tally(after, (f) => f.severity === 'error')) {
            assert.ok(count <= (errorsBefore.get(error) ?? 0), `${where} added an error: ${error}\n${fixed}`);
          }
        }
      }
      for (const mode of ['safe', 'unsafe'] as const) {
        const once = fixText(seed.text, OPTIONS, mode);
        assert.ok(once.converged, `${mode} fixes did not converge`);
        const again = fixText(once.text, { ...OPTIONS, buildContext: once.buildContext }, mode);
        assert.equal(again.text, once.text, `a second ${mode} fix pass changed the text`);
        assert.deepEqual(again.created, [], `a second ${mode} fix pass created files again`);
      }
    });
  }
});
