import { imageFacts } from '../../knowledge/images';
import { fixesOf, insertInstructionAfter } from '../fixes/edits';
import type { InstructionRecord } from '../parse/dockerfile';
import type { FileModel, Stage } from '../model/file-model';
import type { Finding, Fix, Rule } from '../types';

/** `scratch` has no user database, so only a numeric id works there; 65532 is the usual `nonroot` id. */
const SCRATCH_USER = '65532:65532';

export const rule: Rule = {
  id: 'runs-as-root',
  meta: {
    severity: 'warning',
    category: 'security',
    docs: { summary: 'The final image runs its process as root.' },
    fix: 'sometimes',
    messages: {
      userRoot: ({ user }) =>
        `\`USER ${user}\` is the last user of the final image, so its process runs as root and a compromise owns the whole container and is one kernel bug away from the host; switch to an unprivileged user after the steps that need root.`,
      noUser: ({ image }) =>
        `\`${image}\` runs as root and no \`USER\` changes that, so a compromise owns the whole container and is one kernel bug away from the host; add \`USER\` with an unprivileged user after the steps that need root.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3002', match: 'partial' },
      { linter: 'trivy', id: 'DS002', match: 'same' },
      { linter: 'checkov', id: 'CKV_DOCKER_3', match: 'same' },
      { linter: 'checkov', id: 'CKV_DOCKER_8', match: 'partial' },
    ],
  },
  *check(model): Generator<Finding> {
    const final = model.stages[model.stages.length - 1];
    // The user along the final stage's chain; builder stages may run as root.
    const users: { instruction: InstructionRecord; user: string | null }[] = [];
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'USER' || !model.inFinalImage(model.stageOf[instruction.index] ?? -1)) continue;
      const arg = instruction.args[0];
      users.push({ instruction, user: arg ? model.resolve(arg.value, instruction.index) : null });
    }
    const last = users[users.length - 1];
    const root = chainRoot(model, final);
    if (last) {
      if (last.user === null || !isRoot(last.user)) return;
      // An unprivileged user set earlier in the chain is the one to go back to.
      const earlier = [...users].reverse().find((u) => u.user !== null && !isRoot(u.user))?.user ?? null;
      const arg = last.instruction.args[0];
      if (!arg) return;
      yield {
        messageId: 'userRoot',
        data: { user: model.text.slice(arg.span.start, arg.span.end) },
        span: arg.span,
        instruction: last.instruction.index,
        fixes: addUser(model, final, earlier ?? (root ? suggestedUser(root) : null)),
      };
      return;
    }
    if (!final || !root || !final.imageSpan || runsAsNonRoot(root) || isWindows(root)) return;
    yield {
      messageId: 'noUser',
      data: { image: final.imageText },
      span: final.imageSpan,
      instruction: final.from.index,
      fixes: addUser(model, final, suggestedUser(root)),
    };
  },
};

/** The stage at the start of the final stage's `FROM <stage>` chain, which names the base image. */
function chainRoot(model: FileModel, final: Stage | undefined): Stage | null {
  let stage = final;
  for (let guard = 0; stage && stage.baseStage !== null && guard < model.stages.length; guard++) stage = model.stages[stage.baseStage];
  return stage && stage.baseStage === null && stage.image ? stage : null;
}

function isRoot(user: string): boolean {
  const name = user.split(':')[0]?.trim() ?? '';
  return name === 'root' || name === '0';
}

/** Windows images have no root user (their defaults are ContainerAdministrator or ContainerUser): out of scope. */
function isWindows(stage: Stage): boolean {
  const text = stage.image?.text.toLowerCase() ?? '';
  return /(^|[/:._-])(windows|nanoserver|servercore|windowsservercore)/.test(text);
}

function runsAsNonRoot(stage: Stage): boolean {
  if (!stage.image || stage.image.repository === 'scratch') return false;
  const user = imageFacts(stage.image)?.defaultUser;
  return user !== undefined && user !== null && !isRoot(user);
}

/** A user known to exist in the base image, or null when the knowledge base has none. */
function suggestedUser(stage: Stage): string | null {
  if (!stage.image) return null;
  if (stage.image.repository === 'scratch') return SCRATCH_USER;
  return imageFacts(stage.image)?.nonRootUser ?? null;
}

function addUser(model: FileModel, final: Stage | undefined, user: string | null): Fix[] {
  const lastIndex = final?.instructions[final.instructions.length - 1];
  const last = lastIndex === undefined ? undefined : model.instructions[lastIndex];
  if (!user || !last) return [];
  return fixesOf(`Add \`USER ${user}\` at the end of the final stage`, insertInstructionAfter(model.parsed, last, `USER ${user}`), 'unsafe');
}
