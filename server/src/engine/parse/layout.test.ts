import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseCount, FUZZ_SEED, mutatedCase, projectSeeds } from '../../../../test/fuzz/inputs';
import { assertReadsLikeDockerfileAst } from '../../../../test/support/dockerfile-ast-records';
import { parseWhole } from './dockerfile';
import { scanDockerfile } from './layout';

describe('Dockerfile layout', () => {
  it('finds instructions, comments and directives on offsets', () => {
    const text = '# syntax=docker/dockerfile:1\n# a comment\nFROM alpine\nRUN echo a \\\n  # inside\n  b\n';
    const layout = scanDockerfile(text);
    assert.deepEqual(layout.directives, [{ name: 'syntax', value: 'docker/dockerfile:1', start: 0, end: 28 }]);
    assert.deepEqual(layout.comments, [{ start: 29, end: 40 }]);
    assert.deepEqual(layout.instructions, [
      { start: 41, keywordEnd: 45, end: 52, keyword: 'FROM' },
      { start: 53, keywordEnd: 56, end: 80, keyword: 'RUN' },
    ]);
  });

  it('takes heredoc bodies into their instruction', () => {
    const text = 'RUN <<EOF\nFROM not-an-instruction\nEOF\nUSER app\n';
    assert.deepEqual(
      scanDockerfile(text).instructions.map(({ start, end }) => text.slice(start, end)),
      ['RUN <<EOF\nFROM not-an-instruction\nEOF', 'USER app'],
    );
  });

  it('reads a megabyte instruction in one pass', () => {
    const text = `RUN echo "${'a'.repeat(1 << 20)}"\nUSER app\n`;
    assert.deepEqual(
      scanDockerfile(text).instructions.map(({ keyword, end }) => [keyword, end]),
      [['RUN', text.indexOf('\nUSER')], ['USER', text.length - 1]],
    );
  });

  const cases: Record<string, string> = {
    'escape directive': '# escape=`\nFROM a\nRUN echo `\n  b\nENV A=1 `\n    B="x y"\n',
    'two escape directives, the first invalid': '# escape=x\n# escape=`\nRUN a `\n b\n',
    'a directive value followed by another on the same line': '#a=b #escape=`\nRUN a `\n b\nRUN c\n',
    'directives after a BOM, and a lone CR': '\uFEFF# syntax=x\r# escape=`\rRUN a\r',
    'a keyword split by escaped line breaks': 'FR\\\nOM a\nR\\ UN b\nRUN\\\n  # c\n  d\n',
    'an escaped blank at the end of the text': 'RUN\\  ',
    'ONBUILD triggers with properties and heredocs': 'ONBUILD ENV A=1 B="2 3"\nONBUILD RUN <<EOF\nbody\nEOF\nONBUILD ONBUILD ARG x\nONBUILD\n',
    'plain pairs, read without dockerfile-ast': 'ENV A=1 B= =x\t C\nENV K v w\nLABEL org.opencontainers.image.source=https://x/y:1 \nARG V\nENV P=/bin:$PATH Q=${R:- s}#t {=}\n',
    'properties over continued lines': 'LABEL a="1" \\\n  # note\n  b=2\nARG X\nENV Y z w\n',
    'heredocs: tabbed, quoted, several on one line': 'COPY <<-"A" <<B /d\n\tx\n\tA\ny\nB\nRUN <<\'C\' <<<D\nC\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`reads like dockerfile-ast: ${name}`, () => assertReadsLikeDockerfileAst(parseWhole(text)));
  }

  const seeds = projectSeeds();
  const mutations = caseCount(2000);
  it(`reads like dockerfile-ast on ${mutations} seeded mutations of the project's Dockerfiles (seed ${FUZZ_SEED})`, () => {
    for (let n = 0; n < mutations; n++) {
      const input = mutatedCase(seeds, n);
      assert.doesNotThrow(() => assertReadsLikeDockerfileAst(parseWhole(input.text)), `mutatedCase(seeds, ${n}): ${input.name}`);
    }
  });
});
