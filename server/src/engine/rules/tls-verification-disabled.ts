import type { InstructionRecord } from '../parse/dockerfile';
import type { ShellWord } from '../shell/records';
import type { CrossRef, Finding, Rule, Span } from '../types';
import { invocation, runCommands, shortFlags, startupCommands, type Invocation } from './support/commands';

type Kind = 'tls' | 'signature' | 'setting';

interface Hit {
  readonly kind: Kind;
  readonly span: Span;
  readonly program: string;
}

const CURL_VALUED = new Set(['o', 'H', 'X', 'd', 'u', 'A', 'e', 'm', 'T', 'w', 'x', 'E', 'K', 'b', 'c', 'C', 'F', 'r', 't', 'U', 'Y', 'y', 'z', 'P', 'Q']);
const FALSE = /^(false|0|no|off)$/i;
const LOCAL_URL = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;
const APT = new Set(['apt-get', 'apt', 'aptitude']);
const DNF = new Set(['dnf', 'yum', 'microdnf', 'tdnf']);
const PIP = /^pip[0-9.]*$/;
const PYTHON = /^python[0-9.]*$/;
/** Text written into config files that turns checks off (`echo "strict-ssl=false" >> ~/.npmrc`). */
const CONFIG_TEXT = [/\bstrict-ssl\s*=\s*false\b/i, /\bcheck_certificate\s*=\s*off\b/i, /\[\s*trusted=yes\s*\]/i, /\bsslverify\s*=\s*(0|false|no)\b/i];

/** Environment variables that turn certificate checks off, and when a value does so. */
const ENV_SETTINGS: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ['GIT_SSL_NO_VERIFY', (value: string) => value !== ''],
  ['NODE_TLS_REJECT_UNAUTHORIZED', (value: string) => value === '0'],
  ['PYTHONHTTPSVERIFY', (value: string) => value === '0'],
  ['NPM_CONFIG_STRICT_SSL', (value: string) => FALSE.test(value)],
  ['PIP_TRUSTED_HOST', (value: string) => value !== ''],
]);

const CHECKOV: CrossRef[] = Array.from({ length: 16 }, (_, k) => ({ linter: 'checkov', id: `CKV2_DOCKER_${k + 2}`, match: 'partial' }));

export const rule: Rule = {
  id: 'tls-verification-disabled',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'TLS certificate or package signature verification is turned off.' },
    fix: 'never',
    messages: {
      tls: ({ token, program }) =>
        `\`${token}\` turns off TLS certificate checks for \`${program}\`, so anyone on the network path can serve tampered content; remove it and add the CA certificate the server needs instead.`,
      signature: ({ token, program }) =>
        `\`${token}\` makes \`${program}\` accept unsigned or untrusted packages, so a tampered mirror or repository goes unnoticed; remove it and import the repository's signing key.`,
      setting: ({ token }) =>
        `\`${token}\` turns off TLS certificate checks for every program that reads it, so anyone on the network path can serve tampered content; remove it and add the CA certificate the server needs (for example to \`/usr/local/share/ca-certificates\`).`,
    },
    crossRefs: CHECKOV,
  },
  *check(model): Generator<Finding> {
    // Every stage: a tampered download in a builder ends up in what it builds.
    const text = (span: Span): string => model.text.slice(span.start, span.end);
    for (const { command } of [...runCommands(model), ...startupCommands(model)]) {
      const hits: Hit[] = [];
      for (const assignment of command.assignments) hits.push(...assignmentHits(assignment));
      const call = invocation(command);
      if (call) hits.push(...commandHits(call));
      for (const hit of hits) {
        yield { messageId: hit.kind, data: { token: text(hit.span), program: hit.program }, span: hit.span, instruction: command.instruction, fixes: [] };
      }
    }
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
      for (const hit of propertyHits(instruction)) {
        yield { messageId: 'setting', data: { token: text(hit), program: '' }, span: hit, instruction: instruction.index, fixes: [] };
      }
    }
  },
};

type Family = 'curl' | 'wget' | 'pip' | 'npm' | 'git' | 'apk' | 'apt' | 'dnf' | 'zypper' | 'echo';

/** Which program family a call belongs to, or null for programs this rule has nothing to say about. */
function familyOf(program: string, args: readonly ShellWord[]): Family | null {
  if (program === 'curl' || program === 'wget') return program;
  if (PIP.test(program) || (PYTHON.test(program) && args.some((a) => a.value === '-m') && args.some((a) => a.value !== null && PIP.test(a.value)))) return 'pip';
  if (program === 'npm' || program === 'yarn' || program === 'pnpm') return 'npm';
  if (program === 'git' || program === 'apk' || program === 'zypper') return program;
  if (APT.has(program)) return 'apt';
  if (DNF.has(program)) return 'dnf';
  if (program === 'echo' || program === 'printf') return 'echo';
  return null;
}

function commandHits(call: Invocation): Hit[] {
  const hits: Hit[] = [];
  const { program, args } = call;
  // Most commands are none of these programs: decided once per command, not per argument.
  const family = familyOf(program, args);
  if (family === null) return hits;
  const hit = (kind: Kind, span: Span): void => {
    hits.push({ kind, span, program });
  };
  // A health check against the container itself has no network path to attack.
  const urls = args.flatMap((arg) => (arg.value && /^https?:\/\//i.test(arg.value) ? [arg.value] : []));
  if ((family === 'curl' || family === 'wget') && urls.length > 0 && urls.every((url) => LOCAL_URL.test(url))) return hits;
  for (const [k, arg] of args.entries()) {
    const value = arg.value;
    if (value === null) continue;
    const next = args[k + 1];
    if (family === 'curl') {
      if (value === '--insecure') hit('tls', arg.span);
      else if (!value.startsWith('--') && shortFlags(value, CURL_VALUED)?.flags.includes('k')) hit('tls', arg.span);
    } else if (family === 'wget') {
      if (value === '--no-check-certificate') hit('tls', arg.span);
    } else if (family === 'pip') {
      if (value === '--trusted-host' || value.startsWith('--trusted-host=')) hit('tls', next && value === '--trusted-host' ? join(arg, next) : arg.span);
      else if (value === 'set' && next?.value && /(^|\.)trusted-host$/.test(next.value)) hit('tls', join(next, args[k + 2] ?? next));
    } else if (family === 'npm') {
      if (/^--strict-ssl=/.test(value) && FALSE.test(value.slice('--strict-ssl='.length))) hit('tls', arg.span);
      else if ((value === 'strict-ssl' || value === 'enableStrictSsl') && next?.value && FALSE.test(next.value) && k > 0) hit('tls', join(arg, next));
    } else if (family === 'git') {
      const setting = /^http\.(.+\.)?sslverify(=(.*))?$/i.exec(value);
      if (setting) {
        if (setting[2] !== undefined ? FALSE.test(setting[3] ?? '') : next?.value && FALSE.test(next.value)) hit('tls', setting[2] !== undefined || !next ? arg.span : join(arg, next));
      }
    } else if (family === 'apk') {
      if (value === '--allow-untrusted') hit('signature', arg.span);
    } else if (family === 'apt') {
      if (value === '--allow-unauthenticated' || value === '--allow-insecure-repositories') hit('signature', arg.span);
      else if (/^Acquire::https::(.+::)?Verify-(Peer|Host)=(false|0|no)$/i.test(value)) hit('tls', arg.span);
      else if (/^APT::Get::AllowUnauthenticated=(true|1|yes)$/i.test(value)) hit('signature', arg.span);
    } else if (family === 'dnf') {
      if (value === '--nogpgcheck') hit('signature', arg.span);
      else if (/^--setopt=(.+\.)?sslverify=(0|false|no)$/i.test(value)) hit('tls', arg.span);
    } else if (family === 'zypper') {
      if (value === '--no-gpg-checks') hit('signature', arg.span);
    } else if (CONFIG_TEXT.some((pattern) => pattern.test(value))) hit('tls', arg.span);
  }
  return hits;
}

function assignmentHits(word: ShellWord): Hit[] {
  const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value ?? '');
  if (!assignment) return [];
  const test = ENV_SETTINGS.get((assignment[1] ?? '').toUpperCase());
  return test?.(assignment[2] ?? '') ? [{ kind: 'setting', span: word.span, program: '' }] : [];
}

function propertyHits(instruction: InstructionRecord): Span[] {
  const spans: Span[] = [];
  for (const property of instruction.properties) {
    const test = ENV_SETTINGS.get(property.name.toUpperCase());
    if (!test || property.value === null || property.value.includes('$') || !test(property.value)) continue;
    spans.push({ start: property.nameSpan.start, end: property.valueSpan?.end ?? property.nameSpan.end });
  }
  return spans;
}

function join(first: ShellWord, last: ShellWord): Span {
  return { start: first.span.start, end: last.span.end };
}
