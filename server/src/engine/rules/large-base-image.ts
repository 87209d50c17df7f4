import { imageFacts, smallerAlternatives, type Alternative, type Platform } from '../../knowledge/images';
import type { Fix, Rule } from '../types';
import { finalChain, glibcLikely, megabytes, packageManagerUsed, programsFromBase, replaceImage, runsShell } from './support/final-image';

export const rule: Rule = {
  id: 'large-base-image',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: 'The final image is built on a base that has a much smaller variant fitting what the stage does.' },
    fix: 'always',
    messages: {
      large: ({ image, size, alternative, savings }) =>
        `\`${image}\` is ≈ ${size} compressed while \`${alternative}\` fits this stage and is ${savings} smaller, which slows every pull and widens the attack surface; switch to the smaller base.`,
    },
    crossRefs: [],
  },
  *check(model, ctx) {
    const chain = finalChain(model);
    const root = chain[0];
    if (!root?.image || !root.imageSpan) return;
    const platform = platformOf(root.platform);
    const current = imageFacts(root.image);
    const size = current?.sizes[platform] ?? current?.sizes.amd64 ?? null;
    if (!current || size === null) return;
    const manager = packageManagerUsed(model, chain);
    if (manager === 'several') return;
    const alternatives = smallerAlternatives(root.image, {
      platform,
      now: ctx.now,
      runsShell: runsShell(model, chain),
      packageManager: manager,
      // JDK → JRE is jdk-in-runtime-image's finding, with the evidence that only `java` runs.
      needsJdk: true,
      glibcLikely: glibcLikely(model, chain),
      programsFromBase: programsFromBase(model, chain),
    });
    const threshold = ctx.settings.largeBaseImageMinSavingsMB * 1_000_000;
    const sized = alternatives.filter((a) => a.savings !== null && a.savings >= threshold);
    // The message names the most compatible one, the same as the preferred fix.
    const best = sized[0];
    if (!best || best.savings === null) return;
    // Distroless has no recorded size: it is offered next to a sized alternative, never alone.
    const offered = alternatives.filter((a) => sized.includes(a) || a.kind === 'distroless');
    const fixes: Fix[] = [];
    for (const alternative of offered) {
      const edit = replaceImage(root, alternative.reference);
      if (edit) fixes.push({ title: title(alternative), safety: 'unsafe', edits: [edit] });
    }
    yield {
      messageId: 'large',
      data: { image: root.imageText, size: megabytes(size), alternative: best.reference, savings: `≈ ${megabytes(best.savings)}` },
      span: root.imageSpan,
      instruction: root.from.index,
      fixes,
    };
  },
};

function platformOf(flag: string | null): Platform {
  return flag?.includes('arm64') ? 'arm64' : 'amd64';
}

function title(alternative: Alternative): string {
  const notes: string[] = [];
  if (alternative.savings !== null) notes.push(`−${megabytes(alternative.savings)}`);
  if (alternative.caveats.includes('musl')) notes.push('musl libc: check native modules and downloaded binaries');
  if (alternative.caveats.includes('no-shell')) notes.push('no shell; size not recorded');
  return `Switch to \`${alternative.reference}\` (${notes.join('; ')})`;
}
