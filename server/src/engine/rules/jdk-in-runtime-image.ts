import { imageFacts, smallerAlternatives } from '../../knowledge/images';
import { jreOfJdkPackage } from '../../knowledge/packages';
import { replace } from '../fixes/edits';
import type { FileModel, Stage } from '../model/file-model';
import type { Finding, Fix, Rule } from '../types';
import { invocation, SHELLS } from './support/commands';
import { finalChain, glibcLikely, megabytes, packageManagerUsed, replaceImage, runsOfStages, startupScript, usesJdk } from './support/final-image';

export const rule: Rule = {
  id: 'jdk-in-runtime-image',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: 'The final image ships a full JDK although it only runs `java`.' },
    fix: 'sometimes',
    messages: {
      jdkImage: ({ image, jre }) =>
        `\`${image}\` is a full JDK (compiler, jshell, jlink, debug tools) but this image only runs \`java\`, so it ships about twice the size and more to patch; switch to the JRE image ${jre}.`,
      jdkPackage: ({ name, jre }) =>
        `\`${name}\` installs a full JDK but this image only runs \`java\`, so it ships about twice the size and more to patch; install \`${jre}\` instead.`,
      buildsInImage: ({ token }) =>
        `\`${token}\` puts a JDK in the final image because the stage also builds there, although the container only runs \`java\`; build in a builder stage and copy the result into a JRE image.`,
    },
    crossRefs: [],
  },
  *check(model, ctx) {
    const chain = finalChain(model);
    const root = chain[0];
    if (!root || !onlyRunsJava(model, chain)) return;
    const builds = usesJdk(model, chain);
    const facts = root.image ? imageFacts(root.image) : null;
    if (root.image && root.imageSpan && facts?.java === 'jdk') {
      yield builds ? buildsFinding(root.imageText, root.imageSpan, root.from.index) : imageFinding(model, chain, root, ctx.now);
    }
    for (const run of runsOfStages(model, chain)) {
      for (const install of run.installs) {
        for (const pkg of install.packages) {
          const jre = jreOfJdkPackage(install.manager, pkg.name);
          if (!jre) continue;
          if (builds) {
            yield buildsFinding(pkg.word.text, pkg.word.span, run.instruction.index);
            continue;
          }
          // Only a bare name is renamed: a pinned version belongs to the JDK package.
          const fixes: Fix[] = pkg.word.text === pkg.name && pkg.version === null ? [{ title: `Install \`${jre}\` instead of \`${pkg.name}\``, safety: 'unsafe', edits: [replace(pkg.word.span, jre)] }] : [];
          yield { messageId: 'jdkPackage', data: { name: pkg.word.text, jre }, span: pkg.word.span, instruction: run.instruction.index, fixes };
        }
      }
    }
  },
};

function imageFinding(model: FileModel, chain: readonly Stage[], root: Stage, now: Date): Finding {
  const manager = packageManagerUsed(model, chain);
  const image = root.image;
  const jre = image && manager !== 'several'
    ? smallerAlternatives(image, { now, runsShell: true, packageManager: manager, needsJdk: false, glibcLikely: glibcLikely(model, chain) }).find((a) => a.kind === 'jre')
    : undefined;
  const edit = jre ? replaceImage(root, jre.reference) : null;
  const saving = jre?.savings ? ` (−${megabytes(jre.savings)})` : '';
  return {
    messageId: 'jdkImage',
    data: { image: root.imageText, jre: jre ? `\`${jre.reference}\`` : 'of the same Java version' },
    span: root.imageSpan ?? root.from.span,
    instruction: root.from.index,
    fixes: jre && edit ? [{ title: `Switch to \`${jre.reference}\`${saving}`, safety: 'unsafe', edits: [edit] }] : [],
  };
}

function buildsFinding(token: string, span: Finding['span'], instruction: number): Finding {
  return { messageId: 'buildsInImage', data: { token }, span, instruction, fixes: [] };
}

/** Programs a start-up command may use around `java` (`sh -c "cd /app && exec java ..."`). */
const AROUND_JAVA = new Set(['cd', 'set', 'export', 'exec']);

/** The container's start-up (ENTRYPOINT, else CMD) runs `java` and nothing else. */
function onlyRunsJava(model: FileModel, chain: readonly Stage[]): boolean {
  const script = startupScript(model, chain);
  if (!script || script.hasErrors) return false;
  let java = false;
  for (const command of script.commands) {
    const program = invocation(command)?.program;
    if (program === 'java') java = true;
    else if (program === undefined || !(SHELLS.has(program) || AROUND_JAVA.has(program))) return false;
  }
  return java;
}
