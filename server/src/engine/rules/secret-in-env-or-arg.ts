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

/** Credentials recognisable by their shape wherever they appear, as one pattern: the text is scanned once. */
const CREDENTIAL_KINDS: readonly { kind: string; source: string }[] = [
  { kind: 'an AWS access key id', source: String.raw`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b` },
  { kind: 'a private key', source: String.raw`-----BEGIN (?:(?:RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----` },
  { kind: 'a GitHub token', source: String.raw`\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b` },
  { kind: 'a GitLab token', source: String.raw`\bglpat-[A-Za-z0-9_-]{20,}` },
  { kind: 'an npm token', source: String.raw`\bnpm_[A-Za-z0-9]{36}\b` },
];
const CREDENTIALS = new RegExp(CREDENTIAL_KINDS.map(({ source }) => `(${source})`).join('|'), 'g');

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
    const covered: Span[] = [];
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
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
    let next = 0;
    for (const match of model.text.matchAll(CREDENTIALS)) {
      if (match[0].endsWith('EXAMPLE')) continue;
      const start = match.index ?? 0;
      const span = { start, end: start + match[0].length };
      // Matches come in document order, so the enclosing instruction only moves forward.
      while (next < model.instructions.length && (model.instructions[next]?.span.end ?? 0) <= start) next++;
      const instruction = model.instructions[next];
      if (!instruction || instruction.span.start > start) continue;
      if (covered.some((c) => c.start <= span.start && span.end <= c.end)) continue;
      const kind = CREDENTIAL_KINDS[match.slice(1).findIndex((group) => group !== undefined)]?.kind ?? 'a credential';
      yield { messageId: 'credential', data: { kind, keyword: instruction.keywordText }, span, instruction: instruction.index, fixes: [] };
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
