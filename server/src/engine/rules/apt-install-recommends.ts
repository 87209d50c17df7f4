import { addInstallOption, fixesOf } from '../fixes/edits';
import type { Rule } from '../types';
import { installsOf } from './support/queries';

export const rule: Rule = {
  id: 'apt-install-recommends',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: '`apt-get install` without `--no-install-recommends` pulls in optional packages.' },
    fix: 'sometimes',
    messages: {
      missing: ({ command }) =>
        `\`${command}\` runs without \`--no-install-recommends\`, which pulls in optional packages and grows the image; add the flag.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3015', match: 'same' },
      { linter: 'trivy', id: 'DS029', match: 'same' },
    ],
  },
  *check(model) {
    for (const { run, install } of installsOf(model.runs)) {
      if (install.manager !== 'apt' || install.program === 'aptitude') continue;
      if (install.options.has('--no-install-recommends') || disablesRecommendsByOption(install.command.args.map((a) => a.value))) continue;
      yield {
        messageId: 'missing',
        data: { command: `${install.program} ${install.subcommand.text}` },
        span: { start: install.command.name.span.start, end: install.subcommand.span.end },
        instruction: run.instruction.index,
        fixes: fixesOf('Add `--no-install-recommends`', addInstallOption(run, install, '--no-install-recommends')),
      };
    }
  },
};

/** `-o APT::Install-Recommends=false` (or `=0`) has the same effect as the flag. */
function disablesRecommendsByOption(values: readonly (string | null)[]): boolean {
  return values.some((value) => value !== null && /^(-o)?APT::Install-Recommends=(false|0|no)$/i.test(value.replace(/^['"]|['"]$/g, '')));
}
