import type { Rule } from '../types';

const HTTP = /^https?:\/\//i;
const GIT = /^(git@|git:\/\/|ssh:\/\/)|^https?:\/\/[^#\s]+\.git(#|$)/i;
/** A git ref that is a full commit id names fixed content, as a checksum does. */
const PINNED_COMMIT = /#[0-9a-f]{40}(:|$)/i;

export const rule: Rule = {
  id: 'remote-add-without-checksum',
  meta: {
    severity: 'warning',
    category: 'security',
    docs: { summary: '`ADD` downloads a URL or a git repository without `--checksum`.' },
    fix: 'never',
    messages: {
      url: ({ source }) =>
        `\`ADD ${source}\` downloads content that is not verified, so a compromised or changed server changes the image unnoticed; add \`--checksum=sha256:<digest>\`.`,
      git: ({ source }) =>
        `\`ADD ${source}\` fetches a git ref that can move, so the image changes unnoticed; pin a full commit id in the URL or add \`--checksum=<commit>\`.`,
    },
    crossRefs: [{ linter: 'sonar', id: 'S7029', match: 'same' }],
  },
  *check(model) {
    // Every stage: what a builder downloads ends up in what it builds.
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD' || instruction.args.length < 2) continue;
      if (instruction.flags.some((flag) => flag.name === 'checksum')) continue;
      for (const arg of instruction.args.slice(0, -1)) {
        // The scheme is known even when a variable later in the URL is not.
        const source = model.resolve(arg.value, instruction.index) ?? arg.value;
        const text = model.text.slice(arg.span.start, arg.span.end);
        if (GIT.test(source)) {
          if (PINNED_COMMIT.test(source)) continue;
          yield { messageId: 'git', data: { source: text }, span: arg.span, instruction: instruction.index, fixes: [] };
        } else if (HTTP.test(source)) {
          yield { messageId: 'url', data: { source: text }, span: arg.span, instruction: instruction.index, fixes: [] };
        }
      }
    }
  },
};
