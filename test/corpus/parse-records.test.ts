import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertSameAsWhole } from '../support/same-as-whole';

const REAL = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real');
const corpusExists = existsSync(REAL);

/** On every real file: the parse reads like dockerfile-ast, and the instruction cache (for keystroke speed) gives exactly the records of a whole parse. */
describe('parse records over the real corpus', { skip: corpusExists ? false : `skipped: ${REAL} does not exist (it is part of the CI checkout)` }, () => {
  const files = corpusExists ? readdirSync(REAL).filter((name) => name !== 'INDEX.json').sort() : [];
  for (const file of files) {
    it(file, () => assertSameAsWhole(readFileSync(join(REAL, file), 'utf8')));
  }
});
