import type { RunInstruction } from '../model/file-model';
import { appendToRun } from '../fixes/edits';
import type { Rule } from '../types';
import { runsReachingFinalImage } from './support/queries';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';
const LISTS = /^\/var\/lib\/apt\/lists\/?\*?$/;

export const rule: Rule = {
  id: 'apt-lists-not-cleaned',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: '`apt-get install` leaves the package lists in the layer.' },
    fix: 'sometimes',
    messages: {
      notCleaned: ({ command }) =>
        `\`${command}\` leaves the apt package lists (about 20 MB on Debian 12) in this layer; end the same \`RUN\` with \`${CLEANUP}\`.`,
    },
    crossRefs: [{ linter: 'hadolint', id: 'DL3009', match: 'same' }],
  },
  *check(model) {
    for (const run of runsReachingFinalImage(model)) {
      const install = run.installs.find((i) => i.manager === 'apt');
      if (!install || cleansLists(run) || listsAreCacheMounted(run)) continue;
      const edit = appendToRun(model.parsed, run, CLEANUP);
      yield {
        messageId: 'notCleaned',
        data: { command: `${install.program} ${install.subcommand.text}` },
        span: { start: install.command.name.span.start, end: install.subcommand.span.end },
        instruction: run.instruction.index,
        fixes: edit ? [{ title: `Append \`&& ${CLEANUP}\` to the \`RUN\``, safety: 'safe', edits: [edit] }] : [],
      };
    }
  },
};

function cleansLists(run: RunInstruction): boolean {
  return (run.script?.commands ?? []).some(
    (command) => command.name.value === 'rm' && command.args.some((arg) => arg.value !== null && LISTS.test(arg.value)),
  );
}

function listsAreCacheMounted(run: RunInstruction): boolean {
  return run.mounts.some((mount) => mount.type === 'cache' && mount.target !== null && /^\/var\/lib\/apt(\/lists)?\/?$/.test(mount.target));
}
