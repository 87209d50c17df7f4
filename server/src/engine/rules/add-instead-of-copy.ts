import { replace } from '../fixes/edits';
import type { Rule } from '../types';

/**
 * Files ADD may unpack. Docker recognises a tar archive by its content (plain, gzip, bzip2, xz, zstd),
 * so a compressed file is given the benefit of the doubt.
 */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz4|lzma|z)$/i;
const REMOTE = /^(https?:\/\/|git@|ssh:\/\/|git:\/\/)/i;
/** Flags only ADD understands. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export const rule: Rule = {
  id: 'add-instead-of-copy',
  meta: {
    severity: 'warning',
    category: 'maintainability',
    docs: { summary: '`ADD` is used for local files that `COPY` would copy the same way.' },
    fix: 'sometimes',
    messages: {
      useCopy: ({ keyword }) =>
        `\`${keyword}\` copies local files here, but it also fetches URLs and unpacks archives, which hides what a line does; use \`COPY\`.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3020', match: 'same' },
      { linter: 'trivy', id: 'DS005', match: 'same' },
      { linter: 'checkov', id: 'CKV_DOCKER_4', match: 'same' },
    ],
  },
  *check(model) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD' || instruction.args.length < 2) continue;
      if (instruction.flags.some((flag) => ADD_ONLY_FLAGS.has(flag.name))) continue;
      const sources = instruction.args.slice(0, -1).map((arg) => unquote(model.resolve(arg.value, instruction.index)));
      if (sources.some((source) => source === null || source.startsWith('[') || source.startsWith('<<') || REMOTE.test(source) || ARCHIVE.test(source))) continue;
      const copy = instruction.keywordText === instruction.keywordText.toLowerCase() ? 'copy' : 'COPY';
      yield {
        messageId: 'useCopy',
        data: { keyword: instruction.keywordText },
        span: instruction.keywordSpan,
        instruction: instruction.index,
        fixes: [{ title: `Replace \`${instruction.keywordText}\` with \`${copy}\``, safety: 'safe', edits: [replace(instruction.keywordSpan, copy)] }],
      };
    }
  },
};

function unquote(value: string | null): string | null {
  return value === null ? null : value.replace(/^(["'])(.*)\1$/, '$2');
}
