import type { Rule } from '../types';

const KEYWORDS = new Set(['CMD', 'ENTRYPOINT']);

export const rule: Rule = {
  id: 'multiple-cmd-or-entrypoint',
  meta: {
    severity: 'warning',
    category: 'maintainability',
    docs: { summary: 'A stage has more than one `CMD` or `ENTRYPOINT`; only the last one takes effect.' },
    fix: 'never',
    messages: {
      repeated: ({ keyword, line }) =>
        `\`${keyword}\` repeats the one on line ${line}, which no longer takes effect, so the file says two things about how the container starts; keep only one.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL4003', match: 'same' },
      { linter: 'hadolint', id: 'DL4004', match: 'same' },
      { linter: 'trivy', id: 'DS016', match: 'same' },
    ],
  },
  *check(model) {
    // Key: stage index and keyword; value: the earlier instruction's start offset.
    const seen = new Map<string, number>();
    for (const instruction of model.instructions) {
      if (!KEYWORDS.has(instruction.keyword)) continue;
      const key = `${model.stageOf[instruction.index] ?? -1}:${instruction.keyword}`;
      const earlier = seen.get(key);
      seen.set(key, instruction.span.start);
      if (earlier === undefined) continue;
      yield {
        messageId: 'repeated',
        data: { keyword: instruction.keywordText, line: String(model.parsed.lines.positionAt(earlier).line + 1) },
        span: instruction.keywordSpan,
        instruction: instruction.index,
        fixes: [],
      };
    }
  },
};
