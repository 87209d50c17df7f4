import assert from 'node:assert/strict';
import { clearInstructionCache } from '../../server/src/engine/parse/instruction-cache';
import { parseByInstruction, parseDockerfile, parseWhole, type ParsedDockerfile } from '../../server/src/engine/parse/dockerfile';
import { assertReadsLikeDockerfileAst } from './dockerfile-ast-records';

/**
 * A whole parse reads the text as dockerfile-ast does, and taking records from the instruction cache
 * must give exactly the records of a whole parse: when the cache is filled (each instruction read
 * from its text alone) and when it is read.
 */
export function assertSameAsWhole(text: string): void {
  const whole = parseWhole(text);
  assertReadsLikeDockerfileAst(whole);
  clearInstructionCache();
  for (const cached of [parseByInstruction(text), parseByInstruction(text), parseDockerfile(text)]) assertSameRecords(cached, whole);
}

function assertSameRecords(cached: ParsedDockerfile, whole: ParsedDockerfile): void {
  assert.deepEqual(cached.instructions, whole.instructions);
  assert.deepEqual(cached.comments, whole.comments);
  assert.deepEqual([...cached.directives], [...whole.directives]);
  assert.equal(cached.escapeChar, whole.escapeChar);
}
