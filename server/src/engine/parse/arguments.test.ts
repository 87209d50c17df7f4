import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { caseCount, corpusSeeds, mutatedCase, pathologicalCases, projectSeeds } from '../../../../test/fuzz/inputs';
import type { Span } from '../types';
import { scanArguments } from './arguments';
import { LineIndex } from './line-index';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** Every instruction's (and ONBUILD trigger's) arguments as dockerfile-ast's own scan gives them, and as ours does. */
function bothScans(text: string): { theirs: unknown[]; ours: unknown[] } {
  const lines = new LineIndex(text);
  const toSpan = (range: Range): Span => ({ start: lines.offsetAt(range.start.line, range.start.character), end: lines.offsetAt(range.end.line, range.end.character) });
  const dockerfile = DockerfileParser.parse(text);
  const escapeChar = dockerfile.getEscapeCharacter();
  const theirs: unknown[] = [];
  const ours: unknown[] = [];
  const read = (instruction: Instruction): void => {
    theirs.push(Instruction.prototype.getArguments.call(instruction).map((argument) => ({ value: argument.getValue(), span: toSpan(argument.getRange()) })));
    const span = toSpan(instruction.getRange());
    const keyword = toSpan(instruction.getInstructionRange());
    ours.push(scanArguments(text.slice(span.start + keyword.end - keyword.start, span.end), keyword.end, escapeChar, text));
  };
  for (const instruction of dockerfile.getInstructions()) {
    read(instruction);
    const trigger = (instruction as Instruction & { getTriggerInstruction?: () => Instruction | null }).getTriggerInstruction?.();
    if (trigger) read(trigger);
  }
  return { theirs, ours };
}

function assertSameArguments(text: string): void {
  const { theirs, ours } = bothScans(text);
  assert.deepEqual(ours, theirs);
}

describe('argument scan', () => {
  const cases: Record<string, string> = {
    'flags, quotes and escapes': 'FROM --platform=$BUILDPLATFORM node:22 AS b\nRUN echo "a b" \\$HOME \\"q\\" c\\\\d\nCOPY --chown=1:1 a b/\n',
    'continuations, comment lines and blank lines inside': 'RUN apt-get update \\\n  # a comment \\\n\n  && apt-get install -y \\\n    curl\\\n    wget\n',
    'an escape char followed by blanks': 'RUN a\\  \n  b \\ \t\nc\nRUN x \\   y z\\  w\nRUN \\  \n',
    'an escape char ending the file': 'RUN echo a\\',
    'CRLF and lone CR': 'FROM a\r\nRUN echo a \\\r\n  b\r\nRUN c\rd\r\n',
    'backtick escape directive': '# escape=`\nFROM a\nRUN echo a `\n  b `$x c\\d\n',
    'ONBUILD triggers': 'FROM a\nONBUILD RUN echo \\\n  b\nONBUILD COPY --from=x a b\n',
    'heredocs and exec form': 'FROM a\nRUN <<EOF bash\necho hi\nEOF\nCMD ["a", \\\n  "b"]\n',
  };
  for (const [name, text] of Object.entries(cases)) it(name, () => assertSameArguments(text));

  it('gives what dockerfile-ast gives over the corpus and project seeds', () => {
    const seeds = [...projectSeeds(), ...corpusSeeds()];
    for (const seed of seeds) assertSameArguments(seed.text);
    assert.ok(seeds.length > 0);
  });

  it('gives what dockerfile-ast gives over mutated and pathological inputs', () => {
    const seeds = [...projectSeeds(), ...corpusSeeds()];
    const count = caseCount(2000);
    for (let n = 0; n < count; n++) assertSameArguments(mutatedCase(seeds, n).text);
    for (const pathological of pathologicalCases()) if (pathological.text.length < 200_000) assertSameArguments(pathological.text);
  });
});
