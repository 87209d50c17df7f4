import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertSameAsWhole } from '../../../../test/support/same-as-whole';
import { parseDockerfile } from './dockerfile';

describe('parsing in chunks', () => {
  const cases: Record<string, string> = {
    'directives, comments and continuations': '# syntax=docker/dockerfile:1\n# bulkhead global ignore=x\n\nFROM debian:12 AS base\n# about the RUN\nRUN apt-get update \\\n  # inside\n\n  && apt-get install -y curl\nENV A=1 \\\n    B="two words"\nEXPOSE 22 80/tcp\n',
    'exec form, flags, ONBUILD, CRLF': 'FROM --platform=$BUILDPLATFORM node:22\r\nCOPY --from=base --chown=1:1 a b\r\nONBUILD RUN echo hi\r\nCMD ["node", "a\\u0041.js"]\r\n',
    'no trailing newline, leading blank lines': '\n\n  FROM alpine\n  RUN echo a\\\n    b',
    'a continuation that ends the file': 'FROM alpine\nRUN echo \\',
    'only comments': '# just\n# comments\n',
    'heredocs (such files are parsed whole)': 'FROM a\nRUN <<EOF bash\nFROM b\nEOF\nCOPY <<-"X" <<Y /dst\n\tRUN no\n\tX\nENV in=body\nY\nRUN cat <<EOF > f\nunterminated\nFROM c\n',
    'a here-string makes the file parse whole': 'FROM a\nRUN cat <<< "x"\nRUN b\n',
    'instruction-like words in comments and continuations': 'FROM a\nRUN echo \\\n# FROM b\nFROM c\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => assertSameAsWhole(text));
  }

  const examples = join(__dirname, '..', '..', '..', '..', 'examples');
  for (const folder of readdirSync(examples, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    it(`examples/${folder.name}/Dockerfile`, () => assertSameAsWhole(readFileSync(join(examples, folder.name, 'Dockerfile'), 'utf8')));
  }

  it('reuses unchanged chunks after an edit', () => {
    const before = parseDockerfile('FROM a\nRUN echo 1\nRUN echo 2\n');
    const after = parseDockerfile('FROM a\nRUN echo 1\nRUN echo 22\n');
    assert.deepEqual(after.instructions[1], before.instructions[1]);
    assert.equal(after.instructions[2]?.args[1]?.value, '22');
  });
});
