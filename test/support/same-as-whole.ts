import assert from 'node:assert/strict';
import { parseDockerfile, parseWhole } from '../../server/src/engine/parse/dockerfile';

/** Cutting into chunks must give exactly the records of a whole parse. */
export function assertSameAsWhole(text: string): void {
  const chunked = parseDockerfile(text);
  const whole = parseWhole(text);
  assert.deepEqual(chunked.instructions, whole.instructions);
  assert.deepEqual(chunked.comments, whole.comments);
  assert.deepEqual([...chunked.directives], [...whole.directives]);
  assert.equal(chunked.escapeChar, whole.escapeChar);
}
