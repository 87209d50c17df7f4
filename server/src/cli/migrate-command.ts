import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { parseBulkheadConfig } from '../config/bulkhead-config';
import { formatConfigProblem } from '../config/config-error';
import { fromHadolint, parseHadolintConfig } from '../config/hadolint-config';
import { allRules } from '../engine/rules';
import type { CliIo } from './io';
import { displayPath, reason } from './paths';

/** Writes a `.bulkhead.yaml` equivalent to a `.hadolint.yaml`, and says which codes had no equivalent. */
export function runMigrate(command: { input: string | null; output: string | null; force: boolean }, io: CliIo): number {
  const input = command.input ?? ['.hadolint.yaml', '.hadolint.yml'].map((name) => join(io.cwd, name)).find((path) => existsSync(path));
  if (input === undefined) {
    io.err('bulkhead: error: no .hadolint.yaml in this folder; name the file: bulkhead migrate path/to/.hadolint.yaml\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (error) {
    io.err(`bulkhead: error: cannot read ${displayPath(resolve(input))}: ${reason(error)}\n`);
    return 2;
  }
  const parsed = parseHadolintConfig(text, displayPath(resolve(input)));
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.err(`bulkhead: error: ${formatConfigProblem(problem)}\n`);
    return 2;
  }
  const { config, unmapped } = fromHadolint(parsed.config, allRules);
  const body: Record<string, unknown> = {};
  if (Object.keys(config.rules).length > 0) body.rules = config.rules;
  if (config.trustedRegistries.length > 0) body.trustedRegistries = config.trustedRegistries;
  if (config.failOn !== null) body.failOn = config.failOn;
  const header = [`# Migrated from ${displayPath(resolve(input))} by \`bulkhead migrate\`.`];
  if (unmapped.length > 0) header.push(`# hadolint codes with no Bulkhead equivalent (left out): ${unmapped.join(', ')}`);
  const yaml = `${header.join('\n')}\n${Object.keys(body).length > 0 ? stringify(body) : '{}\n'}`;
  // What we write must read back as a valid config.
  const check = parseBulkheadConfig(yaml, 'migrated config');
  if (!check.ok) throw new Error(`migrate produced an invalid config: ${check.problems.map(formatConfigProblem).join('; ')}`);

  if (command.output === '-') {
    io.out(yaml);
  } else {
    const output = resolve(command.output ?? join(dirname(input), '.bulkhead.yaml'));
    if (existsSync(output) && !command.force) {
      io.err(`bulkhead: error: ${displayPath(output)} exists; pass --force to overwrite it\n`);
      return 2;
    }
    writeFileSync(output, yaml);
    io.out(`Wrote ${displayPath(output)}.\n`);
  }
  if (unmapped.length > 0) io.err(`bulkhead: warning: no Bulkhead rule matches ${unmapped.join(', ')}; they were left out\n`);
  return 0;
}
