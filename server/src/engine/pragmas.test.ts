import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadEngine } from '../node/load-engine';
import { lint } from './lint';

before(loadEngine);

const rulesOf = (text: string): string[] => lint(text).findings.map((f) => f.rule).filter((id) => ['apt-install-recommends', 'apt-lists-not-cleaned', 'ssh-port-exposed', 'maintainer-deprecated'].includes(id));

describe('inline pragmas', () => {
  const install = 'RUN apt-get update && apt-get install -y \\\n    curl\n';

  it('without a pragma, both apt rules report', () => {
    assert.deepEqual(rulesOf(`FROM debian:12\n${install}`), ['apt-install-recommends', 'apt-lists-not-cleaned']);
  });

  it('`# bulkhead ignore=` silences the listed rules on the next instruction, all its lines', () => {
    assert.deepEqual(rulesOf(`FROM debian:12\n# bulkhead ignore=apt-lists-not-cleaned\n${install}`), ['apt-install-recommends']);
  });

  it('`# hadolint ignore=` silences the rules mapped to those codes, with a comment after the codes', () => {
    assert.deepEqual(rulesOf(`FROM debian:12\n# hadolint ignore=DL3015,DL3009 # legacy image\n${install}`), []);
  });

  it('covers the run of comment lines directly above, not a later instruction', () => {
    const text = `FROM debian:12\n# bulkhead ignore=ssh-port-exposed\n# why: a bastion\nEXPOSE 22\nEXPOSE 22\n`;
    assert.equal(rulesOf(text).length, 1);
  });

  it('`# bulkhead global ignore=` silences a rule in the whole file, also as the first line', () => {
    assert.deepEqual(rulesOf(`# bulkhead global ignore=apt-install-recommends\nFROM debian:12\n${install}`), ['apt-lists-not-cleaned']);
    assert.deepEqual(rulesOf(`# hadolint global ignore=DL4000\nFROM debian:12\nMAINTAINER me\n`), []);
  });

  it('keeps real parser directives working beside a pragma', () => {
    const text = '# escape=`\n# bulkhead global ignore=maintainer-deprecated\nFROM debian:12\nRUN apt-get update && apt-get install -y `\n    curl\nMAINTAINER me\n';
    assert.deepEqual(rulesOf(text), ['apt-install-recommends', 'apt-lists-not-cleaned']);
  });
});
