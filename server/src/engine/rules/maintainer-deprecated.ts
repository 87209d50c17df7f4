import { replace } from '../fixes/edits';
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'maintainer-deprecated',
  meta: {
    severity: 'warning',
    category: 'maintainability',
    docs: { summary: '`MAINTAINER` is deprecated in favour of a `maintainer` label.' },
    fix: 'sometimes',
    messages: {
      deprecated: ({ keyword }) =>
        `\`${keyword}\` is deprecated and invisible to tools that read image labels; use \`LABEL maintainer="..."\`.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL4000', match: 'same' },
      { linter: 'trivy', id: 'DS022', match: 'same' },
    ],
  },
  *check(model) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'MAINTAINER') continue;
      const value = instruction.args.map((arg) => arg.value).join(' ');
      const label = instruction.keywordText === instruction.keywordText.toLowerCase() ? 'label' : 'LABEL';
      const fixes =
        value === ''
          ? []
          : [
              {
                title: `Replace with \`${label} maintainer=…\``,
                safety: 'safe' as const,
                edits: [replace(instruction.span, `${label} maintainer="${value.replace(/["\\$]/g, '\\$&')}"`)],
              },
            ];
      yield { messageId: 'deprecated', data: { keyword: instruction.keywordText }, span: instruction.keywordSpan, instruction: instruction.index, fixes };
    }
  },
};
