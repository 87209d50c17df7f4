import type { Rule } from '../types';

/** Absolute on Linux, a Windows drive (`C:\`, `C:/`), or built from a variable we do not judge. */
const NOT_RELATIVE = /^(\/|\$|[A-Za-z]:[\\/]|\\)/;

export const rule: Rule = {
  id: 'relative-workdir',
  meta: {
    severity: 'warning',
    category: 'reliability',
    docs: { summary: '`WORKDIR` uses a relative path that depends on the previous working directory.' },
    fix: 'never',
    messages: {
      relative: ({ path }) =>
        `\`WORKDIR ${path}\` is relative, so where it lands depends on the working directory the base image set; use an absolute path.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3000', match: 'partial' },
      { linter: 'trivy', id: 'DS009', match: 'partial' },
    ],
  },
  *check(model) {
    // Per stage: once an absolute WORKDIR is set, a relative one after it is well defined.
    const anchored = new Set<number>();
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'WORKDIR') continue;
      const stage = model.stageOf[instruction.index] ?? -1;
      const arg = instruction.args[0];
      if (!arg) continue;
      // The text as written: value unescaping would turn `C:\app` into `C:app`.
      const written = model.text.slice(arg.span.start, arg.span.end);
      const path = unquote(written);
      if (NOT_RELATIVE.test(path)) {
        anchored.add(stage);
        continue;
      }
      if (anchored.has(stage) || inheritsAnchor(model, stage, anchored)) continue;
      yield { messageId: 'relative', data: { path: written }, span: arg.span, instruction: instruction.index, fixes: [] };
    }
  },
};

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** A stage built `FROM` another stage inherits its working directory. */
function inheritsAnchor(model: Parameters<Rule['check']>[0], stage: number, anchored: ReadonlySet<number>): boolean {
  const seen = new Set<number>();
  for (let base = model.stages[stage]?.baseStage ?? null; base !== null && !seen.has(base); base = model.stages[base]?.baseStage ?? null) {
    seen.add(base);
    if (anchored.has(base)) return true;
  }
  return false;
}
