import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parseBulkheadConfig, settingsOf } from '../server/src/config/bulkhead-config';
import { lint } from '../server/src/engine/lint';
import { allRules } from '../server/src/engine/rules';
import { TEST_NOW } from '../server/src/engine/rules/tester';
import { loadEngine } from '../server/src/node/load-engine';

const root = join(__dirname, '..');
const rulesDir = join(root, 'server', 'src', 'engine', 'rules');
const NOT_RULES = new Set(['index.ts', 'tester.ts']);

/** The H2 headings every rule page has, in this order ("Fix safety" only when a fix can be unsafe). */
const HEADINGS = ['Why it matters', 'Example', 'Use instead', 'Fix', 'Fix safety', 'Cross-references', 'When to turn it off'];

describe('rule registry', () => {
  it('lists every rule file once, and each file has its test table', () => {
    const files = readdirSync(rulesDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !NOT_RULES.has(name));
    const ids = allRules.map((rule) => rule.id);
    assert.deepEqual([...ids].sort(), files.map((name) => name.replace(/\.ts$/, '')).sort());
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) assert.ok(existsSync(join(rulesDir, `${id}.test.ts`)), `${id} has no test table`);
  });

  it('lists every rule in the README table', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const rule of allRules) assert.ok(readme.includes(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) |`), `README lacks ${rule.id}`);
  });

  it('uses kebab-case ids', () => {
    for (const rule of allRules) assert.match(rule.id, /^[a-z]+(-[a-z0-9]+)*$/);
  });
});

describe('rule docs', () => {
  before(loadEngine);
  for (const rule of allRules) {
    it(`docs/rules/${rule.id}.md matches the rule`, () => {
      const path = join(root, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(path), `missing ${path}`);
      const page = readFileSync(path, 'utf8');
      assert.equal(page.split('\n')[0], `# ${rule.id}`);
      assert.ok(page.includes(`\n${rule.meta.docs.summary}\n`), 'the summary line differs from meta.docs.summary');
      assert.ok(page.includes(`- Severity: ${rule.meta.severity}\n`), 'the severity line differs from meta.severity');
      const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      const expected = HEADINGS.filter((h) => h !== 'Fix safety' || headings.includes('Fix safety'));
      assert.deepEqual(headings, expected, 'headings are missing or out of order');
    });

    it(`docs/rules/${rule.id}.md examples report exactly as documented`, () => {
      const page = readFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      const section = (name: string): string => page.split(/^## /m).find((part) => part.startsWith(`${name}\n`)) ?? '';
      const blocks = (text: string): string[] => [...text.matchAll(/```dockerfile\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
      const bad = blocks(section('Example'));
      const good = blocks(section('Use instead'));
      assert.ok(bad.length > 0 && good.length > 0, 'each page needs a bad and a good dockerfile example');
      // A page may show the `.bulkhead.yaml` its examples need (a ```yaml block): its settings apply to them.
      const config = parseBulkheadConfig(/```yaml\n([\s\S]*?)```/.exec(page)?.[1] ?? '', `docs/rules/${rule.id}.md`);
      assert.ok(config.ok, `the page's .bulkhead.yaml is valid: ${JSON.stringify(config)}`);
      const options = {
        only: [rule],
        now: TEST_NOW,
        rules: { [rule.id]: 'warning' as const },
        settings: settingsOf(config.config),
      };
      // A page shows a Dockerfile, not its folder: the bad example's context has no `.dockerignore`, the good one's has.
      for (const code of bad) assert.equal(lint(code, { ...options, buildContext: { hasDockerignore: false } }).findings.length, 1, `bad example should yield one finding:\n${code}`);
      for (const code of good) assert.equal(lint(code, { ...options, buildContext: { hasDockerignore: true } }).findings.length, 0, `good example should yield none:\n${code}`);
    });
  }
});
