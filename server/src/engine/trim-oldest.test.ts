import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trimOldest } from './trim-oldest';

describe('trimOldest', () => {
  it('leaves a map at or under the bound alone', () => {
    const map = new Map([[1, 'a'], [2, 'b']]);
    trimOldest(map, 2);
    assert.deepEqual([...map.keys()], [1, 2]);
  });

  it('drops the first inserted entries down to three quarters of the bound', () => {
    const map = new Map(Array.from({ length: 9 }, (_, k) => [k, k] as const));
    trimOldest(map, 8);
    assert.deepEqual([...map.keys()], [3, 4, 5, 6, 7, 8]);
  });
});
