import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { caseCount, FUZZ_SEED, mutatedCase, projectSeeds, Random } from '../../../../test/fuzz/inputs';
import { assertSameAsWhole } from '../../../../test/support/same-as-whole';
import { parseDockerfile } from './dockerfile';

describe('parsing through the instruction cache', () => {
  const cases: Record<string, string> = {
    'directives, comments and continuations': '# syntax=docker/dockerfile:1\n# bulkhead global ignore=x\n\nFROM debian:12 AS base\n# about the RUN\nRUN apt-get update \\\n  # inside\n\n  && apt-get install -y curl\nENV A=1 \\\n    B="two words"\nEXPOSE 22 80/tcp\n',
    'exec form, flags, ONBUILD, CRLF': 'FROM --platform=$BUILDPLATFORM node:22\r\nCOPY --from=base --chown=1:1 a b\r\nONBUILD RUN echo hi\r\nCMD ["node", "a\\u0041.js"]\r\n',
    'no trailing newline, leading blank lines': '\n\n  FROM alpine\n  RUN echo a\\\n    b',
    'a continuation that ends the file': 'FROM alpine\nRUN echo \\',
    'only comments': '# just\n# comments\n',
    'heredocs: bodies with instruction-like lines stay in their instruction': 'FROM a\nRUN <<EOF bash\nFROM b\nEOF\nCOPY <<-"X" <<Y /dst\n\tRUN no\n\tX\nENV in=body\nY\nRUN cat <<EOF > f\nunterminated\nFROM c\n',
    'heredocs: terminators that do not end the body': 'FROM a\nRUN <<EOF\n EOF\nEOF \nRUN x\n\tEOF\nEOF\nUSER b\nRUN <<-E\n\t\tE\nCMD c\n',
    'heredocs: a marker on a continued line and in a comment inside the instruction': 'FROM a\nRUN echo \\\n# <<EOF\n  b\nRUN x\nRUN a \\\n  <<EOF\nRUN in body\nEOF\nCMD c\r\n',
    'heredocs: ONBUILD and a body longer than the first window': `FROM a\nONBUILD RUN <<EOF\n${'RUN line\n'.repeat(300)}EOF\nUSER b\n`,
    'a here-string is not a heredoc': 'FROM a\nRUN cat <<< "x"\nRUN b\n',
    'escape chars that start a continued line': 'FROM a\nRUN a \\\n\\#x\nRUN b\nRUN c \\\n  \\ x\nRUN d\nRUN e \\\n\\$x \\\n\\\nRUN f\n',
    'instruction-like words in comments and continuations': 'FROM a\nRUN echo \\\n# FROM b\nFROM c\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => assertSameAsWhole(text));
  }

  const examples = join(__dirname, '..', '..', '..', '..', 'examples');
  for (const folder of readdirSync(examples, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    it(`examples/${folder.name}/Dockerfile`, () => assertSameAsWhole(readFileSync(join(examples, folder.name, 'Dockerfile'), 'utf8')));
  }

  it('reuses the records of unchanged instructions after an edit of a long file', () => {
    // Long enough for the cache (short files are read without it), with a heredoc before the edit.
    const body = `FROM a\nRUN <<EOF\nRUN inside\nEOF\n${Array.from({ length: 600 }, (_, k) => `RUN echo filler ${k}\n`).join('')}`;
    const before = parseDockerfile(`${body}RUN echo 1\nRUN echo 2\n`);
    const after = parseDockerfile(`${body}RUN echo 1\nRUN echo 22\n`);
    assert.equal(after.instructions.length, before.instructions.length);
    // The very same record objects: nothing before the edit was read or placed again.
    after.instructions.slice(0, -1).forEach((record, k) => assert.equal(record, before.instructions[k]));
    assert.equal(after.instructions.at(-1)?.args[1]?.value, '22');
    assertSameAsWhole(`${body}RUN echo 1\nRUN echo 22\n`);
  });

  const seeds = projectSeeds();
  const mutations = Math.ceil(caseCount(3000) / 3);
  it(`gives the whole parse's records on ${mutations} seeded mutations of the project's Dockerfiles (seed ${FUZZ_SEED})`, () => {
    for (let n = 0; n < mutations; n++) {
      const input = mutatedCase(seeds, n);
      assert.doesNotThrow(() => assertSameAsWhole(input.text), `mutatedCase(seeds, ${n}): ${input.name}`);
    }
  });

  /** Lines that make heredocs, continuations and escape chars meet in every order. */
  const LINES = ['FROM a', 'RUN <<EOF', 'RUN <<-EOF', 'RUN <<"EOF" bash', "COPY <<'X' <<Y /d", 'RUN cat <<EOF > f', 'RUN a <<EOF && b <<-Z', 'EOF', '\tEOF', ' EOF', 'EOF ', 'X', 'Y', 'Z', '\tZ', 'RUN echo \\', '  && b \\', '# c \\', '# <<EOF', '', '   ', 'ONBUILD RUN <<EOF', 'RUN x <<<EOF', 'ENV A=<<EOF', 'RUN<<EOF', 'RUN echo "<<EOF"', 'USER x', '  RUN <<E\\', 'OF', 'RUN <<EOF\\', 'CMD ["a"]', 'RUN a \\ \\', 'E', 'RUN <<E', 'FROM\\', 'echo body', '\\#x', '  \\ x', '\\$x', '\\'];
  const soups = Math.ceil(caseCount(3000) / 2);
  it(`gives the whole parse's records on ${soups} random files of heredoc, continuation and escape lines (seed ${FUZZ_SEED})`, () => {
    const random = new Random(FUZZ_SEED);
    for (let n = 0; n < soups; n++) {
      const newline = random.chance(0.2) ? '\r\n' : '\n';
      const lines = Array.from({ length: 1 + random.int(25) }, () => random.pick(LINES));
      const text = lines.join(newline) + (random.chance(0.8) ? newline : '');
      assert.doesNotThrow(() => assertSameAsWhole(text), JSON.stringify(text));
    }
  });
});
