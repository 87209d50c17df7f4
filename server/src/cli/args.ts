import { parseArgs } from 'node:util';
import type { FailOn } from '../config/bulkhead-config';

export const USAGE = `Usage: bulkhead <command> [options] [PATH...]

Commands:
  lint [PATH...]     Report problems in Dockerfiles (files, or folders searched for them; default .)
  fix [PATH...]      Apply the safe fixes in place until nothing changes
  audit [PATH]       Grade every Dockerfile under PATH (default .) with totals by rule
  migrate [FILE]     Write a .bulkhead.yaml from a .hadolint.yaml (default: the one in this folder)

Options:
  --format FORMAT    lint: text (default), json, sarif, checkstyle
                     audit: text (default), json, markdown, sarif, html
  --config FILE      Use this .bulkhead.yaml (or .hadolint.yaml) for every file instead of looking
                     for one beside each Dockerfile and upward
  --fail-on LEVEL    lint, fix, audit: exit 1 on findings at or above error (lint and fix default),
                     warning, info, or none (audit default)
  --unsafe           fix: also apply each finding's preferred unsafe fix; one creates a
                     .dockerignore beside the Dockerfile (never over an existing file)
  --dry-run          fix: print a unified diff and write nothing
  --output FILE      migrate: where to write (default: .bulkhead.yaml beside FILE; - for stdout)
  --force            migrate: overwrite an existing output file
  -h, --help         Show this help
  -v, --version      Show the version

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,
            2 usage error, bad config or unreadable input (other files are still reported).`;

export class UsageError extends Error {}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'lint'; readonly paths: string[]; readonly format: LintFormat; readonly config: string | null; readonly failOn: FailOn | null }
  | { readonly kind: 'fix'; readonly paths: string[]; readonly unsafe: boolean; readonly dryRun: boolean; readonly config: string | null; readonly failOn: FailOn | null }
  | { readonly kind: 'audit'; readonly path: string; readonly format: AuditFormat; readonly config: string | null; readonly failOn: FailOn | null }
  | { readonly kind: 'migrate'; readonly input: string | null; readonly output: string | null; readonly force: boolean };

export type LintFormat = 'text' | 'json' | 'sarif' | 'checkstyle';
export type AuditFormat = 'text' | 'json' | 'markdown' | 'sarif' | 'html';

const LINT_FORMATS: readonly LintFormat[] = ['text', 'json', 'sarif', 'checkstyle'];
const AUDIT_FORMATS: readonly AuditFormat[] = ['text', 'json', 'markdown', 'sarif', 'html'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

/** Which options each command takes; anything else is a usage error. */
const OPTIONS = {
  lint: ['format', 'config', 'fail-on'],
  fix: ['unsafe', 'dry-run', 'config', 'fail-on'],
  audit: ['format', 'config', 'fail-on'],
  migrate: ['output', 'force'],
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [name, ...rest] = positionals;
  if (name === undefined) throw new UsageError('missing command: lint, fix, audit or migrate');
  if (!isCommand(name)) throw new UsageError(`unknown command \`${name}\`; use lint, fix, audit or migrate`);
  for (const [option, value] of Object.entries(values)) {
    if (value !== undefined && !(OPTIONS[name] as readonly string[]).includes(option)) throw new UsageError(`\`${name}\` takes no --${option} option`);
  }
  const config = values.config ?? null;
  const failOn = values['fail-on'] === undefined ? null : oneOf(values['fail-on'], FAIL_ON, '--fail-on');
  switch (name) {
    case 'lint':
      return { kind: 'lint', paths: rest.length > 0 ? rest : ['.'], format: oneOf(values.format ?? 'text', LINT_FORMATS, '--format'), config, failOn };
    case 'fix':
      return { kind: 'fix', paths: rest.length > 0 ? rest : ['.'], unsafe: values.unsafe === true, dryRun: values['dry-run'] === true, config, failOn };
    case 'audit':
      if (rest.length > 1) throw new UsageError('`audit` takes one PATH');
      return { kind: 'audit', path: rest[0] ?? '.', format: oneOf(values.format ?? 'text', AUDIT_FORMATS, '--format'), config, failOn };
    case 'migrate':
      if (rest.length > 1) throw new UsageError('`migrate` takes one FILE');
      return { kind: 'migrate', input: rest[0] ?? null, output: values.output ?? null, force: values.force === true };
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        'fail-on': { type: 'string' },
        unsafe: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        output: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // node's messages end with advice about `--`, which fits no Dockerfile path; keep the first sentence.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split('. ')[0] ?? message);
  }
}

function isCommand(name: string): name is keyof typeof OPTIONS {
  return Object.hasOwn(OPTIONS, name);
}

function oneOf<T extends string>(value: string, options: readonly T[], flag: string): T {
  if ((options as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${options.join(', ')}, not \`${value}\``);
}
