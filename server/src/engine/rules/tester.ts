import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadEngine } from '../../node/load-engine';
import { fixText, lint, type LintOptions } from '../lint';
import { buildModel, type FileModel } from '../model/file-model';
import { ruleSettings } from '../rule-settings';
import type { Finding, Rule, RuleContext } from '../types';

/** RuleTester in the style of ESLint's: one table of valid and invalid cases per rule. */

export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  readonly options?: Pick<LintOptions, 'settings' | 'buildContext'>;
}

export interface ExpectedError {
  readonly messageId: string;
  /** 1-based, end column exclusive, as in the JSON contract. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Message data to match, as ESLint's `data`: only the keys given are compared. */
  readonly data?: Readonly<Record<string, string>>;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** Text after the safe fixes, to a fixpoint; null when no safe fix is offered. */
  readonly output: string | null;
  /** Text after the preferred fix of each finding, unsafe ones included; required when one is offered. */
  readonly unsafeOutput?: string;
  /** Files those fixes create in the build context, path → content; required when they create any. */
  readonly unsafeCreated?: Readonly<Record<string, string>>;
}

/** Tests pin the clock. */
export const TEST_NOW = new Date('2026-11-29T12:00:00Z');

export function runRuleTests(rule: Rule, cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
  const valid = cases.valid.map((c) => (typeof c === 'string' ? { code: c } : c));
  describe(rule.id, () => {
    before(loadEngine);
    it('has no duplicate cases', () => {
      const codes = [...valid, ...cases.invalid].map((c) => JSON.stringify([c.code, c.options ?? null]));
      assert.equal(new Set(codes).size, codes.length, 'duplicate test case');
    });
    for (const testCase of valid) {
      for (const variant of variants(testCase.code)) {
        it(`valid${variant.label}: ${testCase.name ?? firstLines(testCase.code)}`, () => {
          const findings = check(rule, variant.code, testCase.options);
          assert.deepEqual(findings.map((f) => f.messageId), [], `unexpected findings in:\n${variant.code}`);
        });
      }
    }
    for (const testCase of cases.invalid) {
      for (const variant of variants(testCase.code)) {
        it(`invalid${variant.label}: ${testCase.name ?? firstLines(testCase.code)}`, () => {
          runInvalid(rule, testCase, variant);
        });
      }
    }
  });
}

interface Variant {
  readonly label: string;
  readonly code: string;
  readonly convert: (text: string) => string;
  readonly lineShift: number;
}

/** Every case also runs with CRLF line ends, and with a backtick escape when it has continuations. */
function variants(code: string): Variant[] {
  const list: Variant[] = [{ label: '', code, convert: (t) => t, lineShift: 0 }];
  const crlf = (t: string): string => t.replace(/\r?\n/g, '\r\n');
  list.push({ label: ' (CRLF)', code: crlf(code), convert: crlf, lineShift: 0 });
  if (/\\\n/.test(code) && !/[`]/.test(code) && !/\\[^\n]/.test(code) && !code.startsWith('#')) {
    const backtick = (t: string): string => '# escape=`\n' + t.replace(/\\\n/g, '`\n');
    list.push({ label: ' (escape=`)', code: backtick(code), convert: backtick, lineShift: 1 });
  }
  return list;
}

function runInvalid(rule: Rule, testCase: InvalidCase, variant: Variant): void {
  assert.ok(testCase.errors.length > 0, 'an invalid case must expect at least one error');
  const model = buildModel(variant.code);
  const findings = check(rule, variant.code, testCase.options, model);
  const actual = findings.map((finding, index) => {
    const start = model.parsed.lines.positionAt(finding.span.start);
    const end = model.parsed.lines.positionAt(finding.span.end);
    const wanted = testCase.errors[index]?.data;
    const data = wanted ? { data: Object.fromEntries(Object.keys(wanted).map((key) => [key, finding.data[key]])) } : {};
    return { messageId: finding.messageId, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, ...data };
  });
  const expected = testCase.errors.map((e) => ({ ...e, line: e.line + variant.lineShift, endLine: e.endLine + variant.lineShift }));
  assert.deepEqual(actual, expected, `findings differ for:\n${variant.code}`);
  for (const finding of findings) {
    const message = rule.meta.messages[finding.messageId];
    assert.ok(message, `message id ${finding.messageId} is not declared`);
    assert.ok(message(finding.data).length > 0);
    for (const fix of finding.fixes) assert.ok(fix.edits.length > 0 || (fix.creates ?? []).length > 0, `fix "${fix.title}" neither edits nor creates anything`);
  }

  const options: LintOptions = { ...testCase.options, only: [rule], now: TEST_NOW };
  const hasSafe = findings.some((f) => f.fixes.some((fix) => fix.safety === 'safe'));
  const hasUnsafe = findings.some((f) => f.fixes.some((fix) => fix.safety === 'unsafe'));
  if (rule.meta.fix === 'never') assert.ok(!hasSafe && !hasUnsafe, 'rule declares fix: never but offers a fix');
  if (testCase.output === null) {
    assert.ok(!hasSafe, 'a safe fix is offered but the case expects output: null');
  } else {
    assert.ok(hasSafe, 'output is given but no safe fix is offered');
    // Fix-all in the editor applies text edits only, so a fix that creates a file must be unsafe.
    assertFixResult(variant.code, variant.convert(testCase.output), options, 'safe', findings.filter((f) => !f.fixes.some((fix) => fix.safety === 'safe')).length, {});
  }
  if (hasUnsafe) {
    assert.ok(testCase.unsafeOutput !== undefined, 'an unsafe fix is offered: the case needs unsafeOutput');
    assertFixResult(variant.code, variant.convert(testCase.unsafeOutput), options, 'unsafe', findings.filter((f) => f.fixes.length === 0).length, testCase.unsafeCreated ?? {});
  } else {
    assert.equal(testCase.unsafeOutput, undefined, 'unsafeOutput is given but no unsafe fix is offered');
    assert.equal(testCase.unsafeCreated, undefined, 'unsafeCreated is given but no unsafe fix is offered');
  }
}

function assertFixResult(
  code: string,
  expected: string,
  options: LintOptions,
  mode: 'safe' | 'unsafe',
  remaining: number,
  expectedFiles: Readonly<Record<string, string>>,
): void {
  const fixed = fixText(code, options, mode);
  assert.equal(fixed.text, expected, `${mode} fix output differs`);
  const created = Object.fromEntries(fixed.created.map((file) => [file.path, file.content]));
  assert.equal(fixed.created.length, Object.keys(created).length, `${mode} fixes created a file twice`);
  assert.deepEqual(created, expectedFiles, `${mode} fixes created other files than expected`);
  assert.ok(fixed.converged, 'fixes did not converge');
  // Later passes see the build context with the created files, as the adapters do after writing them.
  const after: LintOptions = { ...options, buildContext: fixed.buildContext };
  const again = fixText(fixed.text, after, mode);
  assert.equal(again.text, fixed.text, 'a second fix pass changed the text');
  assert.deepEqual(again.created, [], 'a second fix pass created files again');
  assert.equal(lint(fixed.text, after).findings.length, remaining, 'fixed findings are still reported');
  assertParses(code, fixed.text);
}

/** A fix must not leave shell syntax errors or lose instructions it did not mean to remove. */
function assertParses(before: string, after: string): void {
  const broken = (text: string): number => buildModel(text).runs.filter((run) => run.script?.hasErrors).length;
  assert.ok(broken(after) <= broken(before), `fix introduced a shell syntax error:\n${after}`);
}

function check(rule: Rule, code: string, options: ValidCase['options'], model: FileModel = buildModel(code)): Finding[] {
  deepFreeze(model);
  const context: RuleContext = {
    now: TEST_NOW,
    settings: ruleSettings(options?.settings),
    buildContext: options?.buildContext ?? {},
  };
  return [...rule.check(model, context)];
}

function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child, seen);
}

function firstLines(code: string): string {
  return JSON.stringify(code.length > 70 ? `${code.slice(0, 67)}...` : code);
}
