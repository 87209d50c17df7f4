import assert from 'node:assert/strict';
import { parseChunkByChunk, parseDockerfile, parseWhole, type ParsedDockerfile } from '../../server/src/engine/parse/dockerfile';
import { assertReadsLikeDockerfileAst } from './dockerfile-ast-records';

/**
 * A whole parse reads the text as dockerfile-ast does, and cutting into chunks must give exactly the
 * records of a whole parse: each chunk parsed on its own (what an edit does), and twice through the
 * cache (a first sight fills it, the second reads it).
 */
export function assertSameAsWhole(text: string): void {
  const whole = parseWhole(text);
  assertReadsLikeDockerfileAst(whole);
  for (const chunked of [parseChunkByChunk(text), parseDockerfile(text), parseDockerfile(text)]) assertSameRecords(chunked, whole);
}

function assertSameRecords(chunked: ParsedDockerfile, whole: ParsedDockerfile): void {
  assert.deepEqual(chunked.instructions, whole.instructions);
  assert.deepEqual(chunked.comments, whole.comments);
  assert.deepEqual([...chunked.directives], [...whole.directives]);
  assert.equal(chunked.escapeChar, whole.escapeChar);
}
