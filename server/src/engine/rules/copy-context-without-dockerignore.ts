import type { Rule } from '../types';

const WHOLE_CONTEXT = /^\.\/?$/;

export const rule: Rule = {
  id: 'copy-context-without-dockerignore',
  meta: {
    severity: 'warning',
    category: 'security',
    docs: { summary: '`COPY .` copies the whole build context, which has no `.dockerignore`.' },
    fix: 'never',
    messages: {
      noDockerignore: ({ keyword, source }) =>
        `\`${keyword} ${source}\` copies the whole build context and there is no \`.dockerignore\`, so \`.git\`, local \`.env\` files and \`node_modules\` end up in the image; add a \`.dockerignore\`.`,
    },
    crossRefs: [],
  },
  *check(model, ctx) {
    // Unknown (no adapter told us) is not "missing".
    if (ctx.buildContext.hasDockerignore !== false) return;
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      if (instruction.flags.some((flag) => flag.name === 'from')) continue;
      for (const source of instruction.args.slice(0, -1)) {
        const value = model.resolve(source.value, instruction.index);
        if (value === null || !WHOLE_CONTEXT.test(value)) continue;
        yield {
          messageId: 'noDockerignore',
          data: { keyword: instruction.keywordText, source: model.text.slice(source.span.start, source.span.end) },
          span: source.span,
          instruction: instruction.index,
          fixes: [],
        };
        break;
      }
    }
  },
};
