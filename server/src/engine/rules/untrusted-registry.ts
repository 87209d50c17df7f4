import { parseImageReference, type ImageReference } from '../model/image-ref';
import type { FileModel } from '../model/file-model';
import type { Finding, Rule, Span } from '../types';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

export const rule: Rule = {
  id: 'untrusted-registry',
  meta: {
    severity: 'off',
    enabledBy: { setting: 'trustedRegistries', severity: 'error' },
    category: 'security',
    docs: { summary: 'An image is pulled from a registry outside the configured `trustedRegistries`.' },
    fix: 'never',
    messages: {
      untrusted: ({ image, registry }) =>
        `\`${image}\` is pulled from \`${registry}\`, which is not in \`trustedRegistries\`, so its content has not passed your registry's scanning and retention policy; pull it through a trusted registry or mirror, or add the registry to the list.`,
    },
    crossRefs: [{ linter: 'hadolint', id: 'DL3026', match: 'same' }],
  },
  *check(model, ctx): Generator<Finding> {
    const trusted = ctx.settings.trustedRegistries.map(normalizeEntry).filter(Boolean);
    if (trusted.length === 0) return;
    for (const use of imageUses(model)) {
      const ref = parseImageReference(use.image);
      if (!ref || trusted.some((entry) => matches(entry, ref))) continue;
      yield {
        messageId: 'untrusted',
        data: { image: use.image, registry: canonicalRegistry(ref.registry) },
        span: use.span,
        instruction: use.instruction,
        fixes: [],
      };
    }
  },
};

interface ImageUse {
  readonly image: string;
  readonly span: Span;
  readonly instruction: number;
}

/** Every image the build pulls: each stage's base, `COPY --from=<image>` and `RUN --mount=from=<image>`. */
function* imageUses(model: FileModel): Iterable<ImageUse> {
  const stageNames = new Set(model.stages.flatMap((stage) => (stage.name ? [stage.name] : [])));
  const isStage = (value: string): boolean => stageNames.has(value.toLowerCase()) || /^\d+$/.test(value);
  for (const stage of model.stages) {
    if (stage.baseStage !== null || !stage.image || !stage.imageSpan || stage.image.repository === 'scratch') continue;
    yield { image: stage.image.text, span: stage.imageSpan, instruction: stage.from.index };
  }
  for (const instruction of model.instructions) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'RUN' && instruction.keyword !== 'ADD') continue;
    for (const flag of instruction.flags) {
      const flagText = model.text.slice(flag.span.start, flag.span.end);
      let written: string | null = null;
      let offset = -1;
      if (flag.name === 'from' && flag.value) {
        written = flag.value;
        offset = flagText.indexOf('=') + 1;
      } else if (flag.name === 'mount' && flag.value) {
        const match = /(^|,)from=([^,]+)/.exec(flag.value);
        if (match?.[2]) {
          written = match[2];
          offset = flagText.indexOf(`from=${written}`) + 'from='.length;
        }
      }
      if (written === null || offset <= 0) continue;
      const image = model.resolve(written, instruction.index);
      if (image === null || isStage(image)) continue;
      yield { image, span: { start: flag.span.start + offset, end: flag.span.start + offset + written.length }, instruction: instruction.index };
    }
  }
}

function normalizeEntry(entry: string): string {
  return entry.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '');
}

function canonicalRegistry(registry: string): string {
  return DOCKER_HUB.has(registry.toLowerCase()) ? 'docker.io' : registry.toLowerCase();
}

/** `*`, a host (`ghcr.io`), a wildcard host (`*.example.com`) or a path prefix (`docker.io/library`). */
function matches(entry: string, ref: ImageReference): boolean {
  if (entry === '*') return true;
  const registry = canonicalRegistry(ref.registry);
  const slash = entry.indexOf('/');
  const host = canonicalRegistry(slash === -1 ? entry : entry.slice(0, slash));
  if (host.startsWith('*.') ? !registry.endsWith(host.slice(1)) : host !== registry) return false;
  if (slash === -1) return true;
  const repository = registry === 'docker.io' && !ref.repository.includes('/') ? `library/${ref.repository}` : ref.repository;
  const prefix = entry.slice(slash + 1);
  return repository === prefix || repository.startsWith(`${prefix}/`);
}
