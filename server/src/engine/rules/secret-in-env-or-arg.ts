import type { Finding, Rule, Span } from '../types';

const SECRET_WORDS = new Set(['PASSWORD', 'PASSWORDS', 'PASSWD', 'PASS', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'TOKENS', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'CREDS']);
/** `<word> KEY` pairs that name a secret key (a bare `KEY`, as in `GPG_KEY`, is usually a public fingerprint). */
const KEY_QUALIFIERS = new Set(['API', 'PRIVATE', 'ACCESS', 'SECRET', 'AUTH', 'ENCRYPTION', 'SIGNING', 'MASTER', 'LICENSE', 'CLIENT']);
/** A last word that makes the variable describe a secret rather than hold it (`TOKEN_FILE`, `PASSWORD_MIN_LENGTH`). */
const NOT_THE_VALUE = new Set([
  'FILE', 'PATH', 'DIR', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'NAME', 'LENGTH', 'TTL', 'TIMEOUT', 'EXPIRY', 'EXPIRES', 'EXPIRATION',
  'ENABLED', 'REQUIRED', 'MODE', 'TYPE', 'HEADER', 'VERSION', 'POLICY', 'FORMAT', 'METHOD', 'LOCATION', 'MAX', 'MIN', 'DAYS', 'COUNT', 'SIZE', 'ALGORITHM',
]);
/** Words that make the variable a switch about secrets (`MYSQL_ALLOW_EMPTY_PASSWORD`, `MYSQL_RANDOM_ROOT_PASSWORD`). */
const SWITCH_WORDS = new Set(['ALLOW', 'EMPTY', 'RANDOM', 'SKIP', 'DISABLE', 'ENABLE', 'GENERATE', 'USE', 'NO', 'REQUIRE']);
const SWITCH_VALUE = /^(true|false|yes|no|on|off|0|1)$/i;
/** A value that is a file path points to the secret (`/run/secrets/db`), as `*_FILE` names do. */
const ABSOLUTE_PATH = /^\/[^\s:]*$/;

/** Credentials recognisable by their shape wherever they appear. */
const CREDENTIALS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  { kind: 'a private key', pattern: /-----BEGIN (?:(?:RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { kind: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
];

export const rule: Rule = {
  id: 'secret-in-env-or-arg',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'A secret is passed through `ENV` or `ARG`, or a credential is written into the Dockerfile.' },
    fix: 'never',
    messages: {
      env: ({ name, keyword, id }) =>
        `\`${keyword} ${name}\` stores a literal secret in the image configuration, where anyone who can pull the image reads it with \`docker inspect\`; mount it for the step that needs it with \`RUN --mount=type=secret,id=${id}\` and pass run-time secrets from the orchestrator.`,
      arg: ({ name, id }) =>
        `\`ARG ${name}\` passes a secret as a build argument, which is recorded in the image history and build provenance; use \`RUN --mount=type=secret,id=${id}\` for the step that needs it.`,
      credential: ({ kind, keyword }) =>
        `\`${keyword}\` contains ${kind} in plain text, readable by everyone with the Dockerfile or the image; revoke it, and pass it with \`RUN --mount=type=secret\` instead.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3064', match: 'same' },
      { linter: 'trivy', id: 'DS-0031', match: 'partial' },
      { linter: 'buildkit', id: 'SecretsUsedInArgOrEnv', match: 'same' },
    ],
  },
  *check(model): Generator<Finding> {
    // Every stage, and global ARGs: build arguments and ENV of any stage end up in history, provenance and cache.
    for (const instruction of model.instructions) {
      const covered: Span[] = [];
      if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
        for (const property of instruction.properties) {
          if (!namesSecret(property.name)) continue;
          const value = property.value;
          if (instruction.keyword === 'ENV' && (value === null || value === '' || value.includes('$') || SWITCH_VALUE.test(value) || ABSOLUTE_PATH.test(value))) continue;
          if (instruction.keyword === 'ARG' && value !== null && SWITCH_VALUE.test(value)) continue;
          covered.push({ start: property.nameSpan.start, end: property.valueSpan?.end ?? property.nameSpan.end });
          yield {
            messageId: instruction.keyword === 'ENV' ? 'env' : 'arg',
            data: { name: property.name, keyword: instruction.keywordText, id: property.name.toLowerCase() },
            span: property.nameSpan,
            instruction: instruction.index,
            fixes: [],
          };
        }
      }
      const text = model.text.slice(instruction.span.start, instruction.span.end);
      for (const { kind, pattern } of CREDENTIALS) {
        for (const match of text.matchAll(pattern)) {
          if (match[0].endsWith('EXAMPLE')) continue;
          const start = instruction.span.start + (match.index ?? 0);
          const span = { start, end: start + match[0].length };
          if (covered.some((c) => c.start <= span.start && span.end <= c.end)) continue;
          yield { messageId: 'credential', data: { kind, keyword: instruction.keywordText }, span, instruction: instruction.index, fixes: [] };
        }
      }
    }
  },
};

/** Whether a variable name says it holds a secret. */
export function namesSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const last = words[words.length - 1];
  if (!last || NOT_THE_VALUE.has(last) || words.some((word) => SWITCH_WORDS.has(word))) return false;
  return words.some((word, k) => SECRET_WORDS.has(word) || (word === 'KEY' && KEY_QUALIFIERS.has(words[k - 1] ?? '')));
}
