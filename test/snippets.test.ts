import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { lint } from '../server/src/engine/lint';
import { loadEngine } from '../server/src/node/load-engine';

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly description: string;
  readonly body: string | readonly string[];
}

const ROOT = join(__dirname, '..');
/** Rules about end-of-life dates read the clock; pinned like the rule tables' `TEST_NOW`. */
const NOW = new Date('2026-11-29T00:00:00Z');
const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'dockerfile.code-snippets'), 'utf8')) as Record<string, Snippet>;

/**
 * Expands a body as the editor does when every tab stop keeps its default: `${1:x}` → x (nested
 * placeholders too), `${1|a,b|}` → a, `$1`/`${1}`/`$0` → nothing, `\$` `\}` `\\` → the character.
 */
function expand(body: string): string {
  let out = '';
  let i = 0;
  const readPlaceholder = (): string => {
    // At `${`: parse until the matching `}`, expanding nested placeholders in the default.
    i += 2;
    let index = '';
    while (i < body.length && /[0-9]/.test(body[i] ?? '')) index += body[i++];
    if (!index) throw new Error(`unsupported snippet variable at ${i} in ${body}`);
    if (body[i] === '}') {
      i++;
      return '';
    }
    if (body[i] === '|') {
      const end = body.indexOf('|}', i);
      const choice = body.slice(i + 1, end).split(',')[0] ?? '';
      i = end + 2;
      return choice;
    }
    if (body[i] !== ':') throw new Error(`bad placeholder at ${i} in ${body}`);
    i++;
    let value = '';
    while (i < body.length && body[i] !== '}') value += readOne();
    i++;
    return value;
  };
  const readOne = (): string => {
    const c = body[i] ?? '';
    if (c === '\\' && ['$', '}', '\\'].includes(body[i + 1] ?? '')) {
      i += 2;
      return body[i - 1] ?? '';
    }
    if (c === '$' && body[i + 1] === '{') return readPlaceholder();
    if (c === '$' && /[0-9]/.test(body[i + 1] ?? '')) {
      i++;
      while (/[0-9]/.test(body[i] ?? '')) i++;
      return '';
    }
    i++;
    return c;
  };
  while (i < body.length) out += readOne();
  return out;
}

describe('snippets', () => {
  before(() => loadEngine());

  it('are referenced from package.json for the dockerfile language', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'dockerfile', path: './snippets/dockerfile.code-snippets' }]);
  });

  it('cover every skeleton SPEC asks for', () => {
    const prefixes = Object.values(snippets).flatMap((snippet) => (typeof snippet.prefix === 'string' ? [snippet.prefix] : snippet.prefix));
    for (const wanted of ['bulkhead-node', 'bulkhead-python', 'bulkhead-java', 'bulkhead-go', 'bulkhead-user', 'bulkhead-distroless', 'bulkhead-apt-cache', 'bulkhead-secret', 'bulkhead-healthcheck']) {
      assert.ok(prefixes.includes(wanted), `missing ${wanted}`);
    }
  });

  it('expand placeholders the way the editor does', () => {
    assert.equal(expand('FROM ${1:node:${2:22}}-slim ${3|a,b|} $1${4} \\$PATH \\} $0'), 'FROM node:22-slim a  $PATH } ');
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" lints clean of errors and warnings`, () => {
      assert.ok(snippet.description.length > 0);
      const text = expand(typeof snippet.body === 'string' ? snippet.body : snippet.body.join('\n'));
      assert.doesNotMatch(text, /\$\{?\d/, 'every tab stop expanded');
      const { model, findings } = lint(text, { now: NOW });
      assert.ok(model.instructions.length > 0, 'the body holds instructions');
      const loud = findings.filter((finding) => finding.severity !== 'info');
      assert.deepEqual(
        loud.map((finding) => `${finding.rule}: ${finding.message}`),
        [],
        text,
      );
      if (text.includes('FROM ')) assert.ok(model.stages.length > 0);
    });
  }
});
