import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadEngine } from '../node/load-engine';
import { lint, MAX_FINDINGS_PER_RULE } from './lint';

before(loadEngine);

describe('findings per rule', () => {
  const ports = (count: number) => `FROM debian:12\nUSER app\nEXPOSE ${'22 '.repeat(count)}\n`;
  const sshFindings = (text: string) => lint(text).findings.filter((finding) => finding.rule === 'ssh-port-exposed');

  it('reports every finding up to the limit', () => {
    const findings = sshFindings(ports(MAX_FINDINGS_PER_RULE));
    assert.equal(findings.length, MAX_FINDINGS_PER_RULE);
    assert.ok(findings.every((finding) => finding.severity === 'error'));
  });

  it('past the limit, stops and says so once, on the first finding left out', () => {
    const text = ports(MAX_FINDINGS_PER_RULE + 500);
    const findings = sshFindings(text);
    assert.equal(findings.length, MAX_FINDINGS_PER_RULE + 1);
    const notice = findings.at(-1);
    assert.equal(notice?.severity, 'info');
    assert.equal(notice?.message, '`ssh-port-exposed` stopped after 1,000 findings in this file; fix those and lint again to see the rest.');
    assert.deepEqual(notice?.fixes, []);
    const firstLeftOut = text.indexOf('22', text.indexOf('EXPOSE') + 7 + 3 * MAX_FINDINGS_PER_RULE);
    assert.deepEqual(notice?.span, { start: firstLeftOut, end: firstLeftOut + 2 });
  });

  it('counts only findings that are not silenced by a pragma', () => {
    const text = `FROM debian:12\nUSER app\n# bulkhead ignore=ssh-port-exposed\nEXPOSE ${'22 '.repeat(MAX_FINDINGS_PER_RULE + 5)}\nEXPOSE 22\n`;
    const findings = sshFindings(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'error');
  });
});
