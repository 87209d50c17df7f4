import type { PackageInstall, PackageManager, PackageRecord } from '../model/packages';
import type { Rule } from '../types';
import { installsOf } from './support/queries';

/** How each manager spells a pin, for the message. */
const PIN_SYNTAX: Partial<Record<PackageManager, (name: string) => string>> = {
  apt: (name) => `${name}=<version>`,
  apk: (name) => `${name}=<version>`,
  pip: (name) => `${name}==<version>`,
  npm: (name) => `${name}@<version>`,
  gem: (name) => `${name} -v <version>`,
};

const LOCAL_PATH = /^(\.{0,2}\/|~\/|\.$)/;
const ARCHIVE = /\.(deb|apk|rpm|whl|tgz|tar|tar\.gz|tar\.bz2|tar\.xz|zip|egg)$/i;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

export const rule: Rule = {
  id: 'package-version-unpinned',
  meta: {
    severity: 'off',
    category: 'reliability',
    docs: { summary: 'A package is installed without a version pin.' },
    fix: 'never',
    messages: {
      unpinned: ({ name, pinned }) =>
        `\`${name}\` is installed without a version, so two builds of the same Dockerfile can ship different code; pin it as \`${pinned}\`.`,
      unpinnedSource: ({ name }) =>
        `\`${name}\` is installed from a repository without a tag or commit, so two builds can ship different code; add one (\`@<tag>\` for pip, \`#<tag>\` for npm).`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3008', match: 'same' },
      { linter: 'hadolint', id: 'DL3018', match: 'same' },
      { linter: 'hadolint', id: 'DL3013', match: 'partial' },
      { linter: 'hadolint', id: 'DL3016', match: 'same' },
    ],
  },
  *check(model) {
    for (const { run, install } of installsOf(model.runs)) {
      const pin = PIN_SYNTAX[install.manager];
      if (!pin) continue;
      for (const pkg of install.packages) {
        const verdict = judge(install, pkg);
        if (verdict === 'pinned') continue;
        const name = model.text.slice(pkg.word.span.start, pkg.word.span.end);
        yield {
          messageId: verdict === 'unpinnedSource' ? 'unpinnedSource' : 'unpinned',
          data: { name, pinned: pin(pkg.name) },
          span: pkg.word.span,
          instruction: run.instruction.index,
          fixes: [],
        };
      }
    }
  },
};

function judge(install: PackageInstall, pkg: PackageRecord): 'pinned' | 'unpinned' | 'unpinnedSource' {
  const value = pkg.word.value ?? '';
  const source = URL.test(value) || value.startsWith('git@');
  if (source) {
    // A repository URL pins with a ref: `pkg.git@v1.2` for pip, `repo.git#v1.2` for npm.
    if (install.manager === 'npm') return value.includes('#') ? 'pinned' : 'unpinnedSource';
    if (install.manager === 'pip' && value.startsWith('git+')) return /:\/\/[^/]+\/[^#]*@/.test(value) ? 'pinned' : 'unpinnedSource';
    return 'pinned';
  }
  if (LOCAL_PATH.test(value) || ARCHIVE.test(value)) return 'pinned';
  switch (install.manager) {
    case 'pip':
      // `foo/bar` is a local project folder; a constraints file pins what it lists.
      return pkg.version !== null || value.includes('/') || install.options.has('-c') || install.options.has('--constraint') ? 'pinned' : 'unpinned';
    case 'npm':
      return pkg.version !== null && pkg.version !== 'latest' ? 'pinned' : 'unpinned';
    case 'gem':
      return install.options.has('-v') || install.options.has('--version') || value.includes(':') ? 'pinned' : 'unpinned';
    default:
      return pkg.version !== null ? 'pinned' : 'unpinned';
  }
}
