import type { Fix, Rule } from '../types';

const WHOLE_CONTEXT = /^\.\/?$/;

/**
 * Only paths a build almost never needs: version control data, local secrets, dependencies and
 * caches installed for the host (the image installs its own), editor settings. Not `dist`, `build`
 * or `target` (often copied on purpose), `*.pem` (CA certificates) or `.npmrc` (private registries),
 * nor `.env.production` and the like, which front-end builds read.
 */
export const DOCKERIGNORE = `# Created by Bulkhead: keeps these out of every COPY and ADD of the build context.
# Remove a line if the build needs that path.
.git
**/.env
**/.env.local
**/.env.*.local
**/node_modules
**/.venv
**/__pycache__
.idea
.vscode
`;

const CREATE_DOCKERIGNORE: Fix = {
  title: 'Create `.dockerignore` excluding `.git`, local `.env` files, `node_modules`, `.venv`, `__pycache__` and editor settings',
  safety: 'unsafe',
  edits: [],
  creates: [{ path: '.dockerignore', content: DOCKERIGNORE }],
};

export const rule: Rule = {
  id: 'copy-context-without-dockerignore',
  meta: {
    severity: 'warning',
    category: 'security',
    docs: { summary: '`COPY .` copies the whole build context, which has no `.dockerignore`.' },
    fix: 'always',
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
          fixes: [CREATE_DOCKERIGNORE],
        };
        break;
      }
    }
  },
};
