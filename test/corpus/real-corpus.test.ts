import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyFixes, withCreatedFiles } from '../../server/src/engine/fixes/apply';
import { fixText, lint, type LintOptions } from '../../server/src/engine/lint';
import { buildModel } from '../../server/src/engine/model/file-model';
import { TEST_NOW } from '../../server/src/engine/rules/tester';
import type { ReportedFinding } from '../../server/src/engine/types';
import { loadEngine } from '../../server/src/node/load-engine';

/**
 * Lints every real Dockerfile of ../shared/corpus/real: no rule throws, every offered fix applies
 * cleanly on its own, and the fix loop is stable. Prints the error-severity findings per rule over
 * the files INDEX.json files under `official`. The build context has no `.dockerignore`, so the fix
 * that creates one is checked too.
 */

const REAL = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real');

interface IndexEntry {
  readonly file: string;
  readonly category: string;
}

function readIndex(): Map<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(join(REAL, 'INDEX.json'), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error('INDEX.json is not an array');
  return new Map((parsed as IndexEntry[]).map((entry) => [entry.file, entry.category]));
}

/** Shell syntax errors across the RUNs: a fix must not add any. */
function brokenRuns(text: string): number {
  return buildModel(text).runs.filter((run) => run.script?.hasErrors).length;
}

function key(finding: ReportedFinding): string {
  return `${finding.rule}\u0000${finding.message}`;
}

function countBy(findings: readonly ReportedFinding[], filter: (f: ReportedFinding) => boolean = () => true): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (filter(finding)) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  return counts;
}

const corpusExists = existsSync(REAL);

describe('real Dockerfiles', { skip: corpusExists ? false : `skipped: ${REAL} does not exist (it is part of the CI checkout)` }, () => {
  const index = corpusExists ? readIndex() : new Map<string, string>();
  const files = corpusExists ? readdirSync(REAL).filter((name) => name !== 'INDEX.json').sort() : [];
  const officialErrors = new Map<string, string[]>();

  before(loadEngine);

  after(() => {
    const officialFiles = files.filter((file) => index.get(file) === 'official').length;
    const lines = [...officialErrors.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, where]) => `${rule}: ${where.length} (${[...new Set(where)].join(', ')})`);
    console.log(`error-severity findings per rule over ${officialFiles} official files:\n${lines.length > 0 ? lines.join('\n') : '(none)'}`);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(REAL, file), 'utf8');
      const errors: string[] = [];
      const options: LintOptions = { now: TEST_NOW, buildContext: { hasDockerignore: false }, onRuleError: (rule, error) => errors.push(`${rule}: ${String(error)}`) };
      const findings = lint(text, options).findings;
      assert.deepEqual(errors, [], 'a rule threw');
      if (index.get(file) === 'official') {
        for (const finding of findings) if (finding.severity === 'error') officialErrors.set(finding.rule, [...(officialErrors.get(finding.rule) ?? []), file]);
      }

      const before = countBy(findings);
      const errorsBefore = countBy(findings, (f) => f.severity === 'error');
      const broken = brokenRuns(text);
      for (const finding of findings) {
        for (const fix of finding.fixes) {
          const where = `${finding.rule} "${fix.title}" (${fix.safety})`;
          const { text: fixed, created } = applyFixes(text, [fix]);
          assert.ok(fixed !== text || created.length > 0, `${where} changed nothing`);
          assert.ok(brokenRuns(fixed) <= broken, `${where} left a shell syntax error`);
          const afterFix = lint(fixed, { ...options, buildContext: withCreatedFiles(options.buildContext ?? {}, created) }).findings;
          assert.deepEqual(errors, [], `a rule threw after ${where}`);
          assert.ok((countBy(afterFix).get(key(finding)) ?? 0) < (before.get(key(finding)) ?? 0), `${where} did not remove its finding`);
          for (const [k, count] of countBy(afterFix, (f) => f.severity === 'error')) {
            assert.ok(count <= (errorsBefore.get(k) ?? 0), `${where} added an error finding: ${k.replace('\u0000', ': ')}`);
          }
        }
      }

      for (const mode of ['safe', 'unsafe'] as const) {
        const once = fixText(text, options, mode);
        assert.ok(once.converged, `${mode} fixes did not converge`);
        const again = fixText(once.text, { ...options, buildContext: once.buildContext }, mode);
        assert.equal(again.text, once.text, `a second ${mode} fix pass changed the text`);
        assert.deepEqual(again.created, [], `a second ${mode} fix pass created files again`);
        assert.deepEqual(errors, [], `a rule threw while fixing (${mode})`);
      }
    });
  }
});
