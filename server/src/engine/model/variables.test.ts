import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { substitute, UNKNOWN, VariableScope } from './variables';

describe('variable scopes', () => {
  it('lets later bindings shadow earlier ones and leaves earlier scopes as they were', () => {
    const scopes = [VariableScope.EMPTY];
    // Enough single bindings for the layers to merge many times over.
    for (let k = 0; k < 300; k++) scopes.push((scopes.at(-1) as VariableScope).with(new Map([[`V${k % 7}`, `${k}`]])));
    for (const [k, scope] of scopes.entries()) {
      for (let name = 0; name < 7; name++) {
        // The last k below the scope's own count that set V<name>.
        let last: string | undefined;
        for (let j = 0; j < k; j++) if (j % 7 === name) last = `${j}`;
        assert.equal(scope.get(`V${name}`), last, `scope ${k}, V${name}`);
      }
    }
  });

  it('keeps unknown values unknown, and the last of two bindings of one name', () => {
    const scope = VariableScope.of(new Map([['A', 'a']])).with(new Map<string, string | typeof UNKNOWN>([['B', UNKNOWN], ['A', 'x']]));
    assert.equal(scope.get('B'), UNKNOWN);
    assert.equal(substitute('$A', scope), 'x');
    assert.equal(substitute('$A$B', scope), null);
    assert.equal(scope.get('C'), undefined);
  });
});
