import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { auditReport, gradeFor, summarizeAudit, auditFile } from '../../server/src/engine/audit-report';
import { lint } from '../../server/src/engine/lint';
import { rulesById } from '../../server/src/engine/rules';
import { TEST_NOW } from '../../server/src/engine/rules/tester';
import { loadEngine } from '../../server/src/node/load-engine';

/** The audit data the CLI prints and the editor's audit view shows: a pure function of lint results. */
describe('auditReport', () => {
  before(loadEngine);

  it('grades by weighted counts at the documented limits', () => {
    const cases: [number, number, number, string][] = [
      [0, 0, 0, 'A'],
      [0, 0, 2, 'A'],
      [0, 1, 0, 'B'],
      [0, 3, 0, 'B'],
      [0, 0, 9, 'B'],
      [1, 0, 0, 'C'],
      [1, 3, 0, 'C'],
      [0, 0, 20, 'D'],
      [3, 3, 0, 'D'],
      [4, 0, 0, 'F'],
    ];
    for (const [error, warning, info, grade] of cases) assert.equal(gradeFor({ error, warning, info }).grade, grade, `${error}/${warning}/${info}`);
  });

  it('builds the same report in one call or file by file', () => {
    const only = ['ssh-port-exposed', 'maintainer-deprecated'].map((id) => rulesById.get(id)!);
    const inputs = [
      { path: 'b/Dockerfile', result: lint('FROM node:22\nMAINTAINER x\nEXPOSE 22\nCMD ["node", "app.js"]\n', { only, now: TEST_NOW }) },
      { path: 'a/Dockerfile', result: lint('FROM scratch\nCOPY app /app\n', { only, now: TEST_NOW }) },
    ];
    const report = auditReport(inputs, { now: TEST_NOW });
    assert.deepEqual(report, summarizeAudit(inputs.map((input) => auditFile(input, { now: TEST_NOW }))));
    assert.deepEqual(report.files.map((f) => [f.path, f.grade, f.penalty, f.counts]), [
      ['a/Dockerfile', 'A', 0, { error: 0, warning: 0, info: 0 }],
      ['b/Dockerfile', 'C', 13, { error: 1, warning: 1, info: 0 }],
    ]);
    assert.deepEqual(report.rules, [
      { rule: 'ssh-port-exposed', category: 'security', severity: 'error', count: 1, files: 1 },
      { rule: 'maintainer-deprecated', category: 'maintainability', severity: 'warning', count: 1, files: 1 },
    ]);
    assert.deepEqual(report.grades, { A: 1, B: 0, C: 1, D: 0, F: 0 });
    // Mean penalty 6.5 rounds to 7: B.
    assert.equal(report.overallGrade, 'B');
    assert.deepEqual(report.files[1]!.findings.map((f) => [f.rule, f.line, f.column, f.endLine, f.endColumn, f.fix]), [
      ['maintainer-deprecated', 2, 1, 2, 11, 'safe'],
      ['ssh-port-exposed', 3, 8, 3, 10, 'safe'],
    ]);
    assert.equal(report.files[0]!.baseImageSize, null, 'scratch has no size');
  });

  it('estimates savings only with a variant that fits the stage', () => {
    const only = [rulesById.get('ssh-port-exposed')!];
    const audit = (text: string) => auditFile({ path: 'Dockerfile', result: lint(text, { only, now: TEST_NOW }) }, { now: TEST_NOW });
    const runtimeOnly = audit('FROM node:22\nCOPY . /app\nCMD ["node", "/app/server.js"]\n');
    assert.ok(runtimeOnly.baseImageSize !== null);
    assert.equal(runtimeOnly.savings?.kind, 'slim');
    // Building with Maven needs the JDK: no JRE savings.
    const build = audit('FROM maven:3.9-eclipse-temurin-21\nRUN mvn -B package\nCMD ["java", "-jar", "app.jar"]\n');
    assert.notEqual(build.savings?.kind, 'jre');
    // An unknown image has neither size nor savings; an unresolved ARG neither.
    assert.deepEqual([audit('FROM example.com/acme/app:1\n').baseImageSize, audit('FROM example.com/acme/app:1\n').savings], [null, null]);
    assert.deepEqual([audit('ARG BASE\nFROM $BASE\n').baseImage, audit('ARG BASE\nFROM $BASE\n').savings], ['$BASE', null]);
  });
});
