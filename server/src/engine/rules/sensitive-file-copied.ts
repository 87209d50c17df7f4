import { parseExecForm } from '../parse/exec-form';
import type { InstructionRecord } from '../parse/dockerfile';
import type { FileModel } from '../model/file-model';
import type { Finding, Rule, Span } from '../types';

/** Directories whose whole content is credentials. */
const SECRET_DIRS: ReadonlyMap<string, string> = new Map([
  ['.ssh', 'SSH keys'],
  ['.aws', 'AWS credentials'],
  ['.kube', 'a kubeconfig with cluster credentials'],
  ['.gnupg', 'a GnuPG keyring with private keys'],
]);
const CREDENTIAL_FILES: ReadonlyMap<string, string> = new Map([
  ['.npmrc', 'registry credentials (`.npmrc`)'],
  ['.netrc', 'login credentials (`.netrc`)'],
  ['_netrc', 'login credentials (`_netrc`)'],
  ['.git-credentials', 'Git credentials'],
  ['.pypirc', 'package index credentials (`.pypirc`)'],
  ['.pgpass', 'database passwords (`.pgpass`)'],
  ['.dockercfg', 'registry credentials'],
  ['kubeconfig', 'a kubeconfig with cluster credentials'],
]);
const PRIVATE_KEY = /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/;
const KEY_FILE = /\.(pem|key|p12|pfx)$/i;
/** Key and PEM files that hold public material: certificates, CA bundles, repository signing keys. */
const PUBLIC_KEY_FILE = /(cert|chain|bundle|public|pubkey|\.pub\.|gpg|pgp|signing|keyring|release\.key)|(^|[._-])(ca|crt)([._-]|$)/i;
/** `.env.example` and friends are templates, not secrets. */
const ENV_TEMPLATE = /^\.env\.(example|sample|template|dist|defaults?|tmpl|tpl|schema)$/i;

export const rule: Rule = {
  id: 'sensitive-file-copied',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'A private key or credentials file is copied into the final image.' },
    fix: 'never',
    messages: {
      copied: ({ source, what }) =>
        `\`${source}\` copies ${what} into an image layer, where anyone who can pull the image can read it even if a later step deletes it; mount it for the one step that needs it with \`RUN --mount=type=secret\` and list it in \`.dockerignore\`.`,
    },
    crossRefs: [],
  },
  *check(model): Generator<Finding> {
    // What ships: a builder stage's files stay out of the image (its cache is another matter, see the docs).
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      if (!model.inFinalImage(model.stageOf[instruction.index] ?? -1)) continue;
      for (const source of sources(model, instruction)) {
        const resolved = model.resolve(source.value, instruction.index);
        if (resolved === null || /^(https?|git|ssh):\/\/|^git@/i.test(resolved)) continue;
        const what = sensitive(resolved);
        if (!what) continue;
        yield {
          messageId: 'copied',
          data: { source: model.text.slice(source.span.start, source.span.end), what },
          span: source.span,
          instruction: instruction.index,
          fixes: [],
        };
      }
    }
  },
};

function sources(model: FileModel, instruction: InstructionRecord): { value: string; span: Span }[] {
  const first = instruction.args[0];
  if (!first || first.value.startsWith('<<')) return [];
  if (first.value.startsWith('[') && instruction.argsSpan) {
    const strings = parseExecForm(model.text.slice(instruction.argsSpan.start, instruction.argsSpan.end), instruction.argsSpan.start) ?? [];
    return strings.slice(0, -1).map((s) => ({ value: s.value, span: s.span }));
  }
  return instruction.args.slice(0, -1);
}

/** What kind of secret a source path names, or null. */
export function sensitive(path: string): string | null {
  const segments = path.replace(/\/+$/, '').split('/').filter((s) => s !== '' && s !== '.');
  for (const segment of segments) {
    const dir = SECRET_DIRS.get(segment);
    if (dir) return dir;
  }
  const name = segments[segments.length - 1] ?? '';
  // Projects keep build files in a `.docker/` folder; only Docker's own config file holds credentials.
  if (name === 'config.json' && segments[segments.length - 2] === '.docker') return 'registry credentials (`.docker/config.json`)';
  const credentials = CREDENTIAL_FILES.get(name.toLowerCase());
  if (credentials) return credentials;
  if (PRIVATE_KEY.test(name)) return 'a private SSH key';
  if (name === '.env' || (/^\.env\./.test(name) && !ENV_TEMPLATE.test(name))) return 'an environment file that usually holds secrets';
  if (KEY_FILE.test(name) && !PUBLIC_KEY_FILE.test(name)) return 'a private key';
  return null;
}
