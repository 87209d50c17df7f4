import { addInstallOption, fixesOf } from '../fixes/edits';
import type { Rule } from '../types';
import { mountsOver, removesAfter } from './support/caches';
import { installsOf, runsReachingFinalImage } from './support/queries';

const CACHE_DIRS = /^(\/var\/cache\/apk|\/etc\/apk\/cache)\/?$/;
const CACHE_CONTENT = /^(\/var\/cache\/apk|\/etc\/apk\/cache)(\/\*?)?$/;

export const rule: Rule = {
  id: 'apk-cache-kept',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: '`apk add` without `--no-cache` leaves the package index in the layer.' },
    fix: 'sometimes',
    messages: {
      cacheKept: ({ command }) =>
        `\`${command}\` runs without \`--no-cache\`, which leaves the APK index and packages in /var/cache/apk in this layer; add the flag.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3019', match: 'same' },
      { linter: 'trivy', id: 'DS025', match: 'same' },
    ],
  },
  *check(model) {
    for (const { run, install } of installsOf(runsReachingFinalImage(model))) {
      // `--no-network` installs from what is already on disk: nothing is fetched into the cache.
      if (install.manager !== 'apk' || install.options.has('--no-cache') || install.options.has('--no-network')) continue;
      if (mountsOver(run, CACHE_DIRS) || removesAfter(run, install.command.span.start, CACHE_CONTENT)) continue;
      const command = `${install.program} ${install.subcommand.text}`;
      yield {
        messageId: 'cacheKept',
        data: { command },
        span: { start: install.command.name.span.start, end: install.subcommand.span.end },
        instruction: run.instruction.index,
        fixes: fixesOf('Add `--no-cache`', addInstallOption(run, install, '--no-cache')),
      };
    }
  },
};
