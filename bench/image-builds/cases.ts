import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../server/src/engine/model/file-model';
import { allRules } from '../../server/src/engine/rules/index';
import { ROOT } from '../support';
import { ensureBase, makeableBase, NODE } from './bases';
import { build, buildah, CLI, measure, must, run, seconds, WORK, type ImageSize } from './buildah';
import { auditSavings, fixedFindings, lintFindings, type AuditSavings, type FixedFinding } from './findings';

/** The cases: which examples and fixtures are built, and one case built before and after its fixes. */

interface Case {
  readonly name: string;
  /** The build context copied for the build, relative to the project root. */
  readonly source: string;
  /** Files laid over the copied context (relative to the project root), e.g. a lock file the example lacks. */
  readonly overlay?: string;
  /** A base that cannot be made here, replaced in the FROM line by one that can. */
  readonly rebase?: { readonly from: string; readonly to: string };
  /** RUN steps fetch over HTTPS (see HOST_CA in buildah.ts). */
  readonly hostCa?: boolean;
  /** The example this case stands for, when it is not built as written. */
  readonly standsFor?: string;
  readonly note: string;
}

export const FIXTURE_CASES: readonly Case[] = [
  {
    name: 'java-service-apt',
    source: 'bench/builds/java-apt',
    standsFor: 'examples/java-service',
    note: 'the apt-get line of examples/java-service on Debian (the Maven base and Maven Central cannot be reached here)',
  },
  {
    name: 'python-app-apt',
    source: 'bench/builds/python-apt',
    standsFor: 'examples/python-app',
    note: 'the apt-get line of examples/python-app on Debian (python:3.12 cannot be made here and PyPI is unreachable, so the pip fix is not built)',
  },
  {
    name: 'legacy-ssh',
    source: 'examples/legacy-ssh',
    rebase: { from: 'ubuntu:22.04', to: 'debian:bookworm-slim' },
    note: 'examples/legacy-ssh as written but FROM the Debian base (no Ubuntu archive key here to debootstrap Ubuntu with verification)',
  },
  {
    name: 'node-app',
    source: 'examples/node-app',
    overlay: 'bench/builds/node-app',
    rebase: { from: 'node:22', to: NODE.tag },
    hostCa: true,
    note: 'examples/node-app FROM Debian nodejs/npm, with a package-lock.json added (`npm ci` needs one and the example has none); packages come from the npm registry',
  },
];

/** The external bases of the stages that reach the final image. */
function externalBases(text: string): string[] {
  const model = buildModel(text);
  return model.stages.filter((stage) => stage.reachesFinalImage && stage.baseStage === null && stage.imageText.toLowerCase() !== 'scratch').map((stage) => stage.image?.text ?? stage.imageText);
}

function rebaseText(text: string, from: string, to: string): string {
  const model = buildModel(text);
  const stage = model.stages.find((candidate) => candidate.imageText === from && candidate.imageSpan !== null);
  if (!stage?.imageSpan) throw new Error(`no FROM ${from} to rebase`);
  return `${text.slice(0, stage.imageSpan.start)}${to}${text.slice(stage.imageSpan.end)}`;
}

export interface NotBuilt {
  readonly example: string;
  readonly reason: string;
}

/** Examples that build as written join the cases; the others are listed with the reason. */
export function examineExamples(): { cases: Case[]; notBuilt: NotBuilt[] } {
  const cases: Case[] = [];
  const notBuilt: NotBuilt[] = [];
  const examples = join(ROOT, 'examples');
  for (const name of readdirSync(examples, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    const source = `examples/${name}`;
    const dockerfile = join(examples, name, 'Dockerfile');
    if (!existsSync(dockerfile)) continue;
    const text = readFileSync(dockerfile, 'utf8');
    const dryRun = run('node', [CLI, 'fix', '--unsafe', '--dry-run', '--fail-on', 'none', dockerfile]);
    const covered = FIXTURE_CASES.filter((fixture) => (fixture.standsFor ?? fixture.source) === source).map((fixture) => fixture.name);
    const coveredBy = covered.length > 0 ? `; measured as ${covered.map((case_) => `\`${case_}\``).join(', ')} instead` : '';
    if (dryRun.stdout.trim() === '') {
      notBuilt.push({ example: source, reason: `\`bulkhead fix --unsafe\` changes nothing in it${coveredBy}` });
      continue;
    }
    const missing = externalBases(text).filter((image) => !makeableBase(image));
    if (missing.length > 0) {
      notBuilt.push({ example: source, reason: `base ${missing.map((image) => `\`${image}\``).join(', ')} cannot be made here${coveredBy}` });
      continue;
    }
    cases.push({ name, source, note: `${source} as written` });
  }
  return { cases, notBuilt };
}

interface Variant {
  readonly buildSeconds: number;
  readonly size: ImageSize;
  /** Over the base image: what the Dockerfile adds. */
  readonly addedCompressedBytes: number;
  readonly addedUncompressedBytes: number;
}

interface FixAlone {
  readonly rule: string;
  readonly claim: string | null;
  readonly buildSeconds: number | null;
  /** Before minus the image with only this rule's fixes applied. */
  readonly savedCompressedBytes: number | null;
  readonly savedUncompressedBytes: number | null;
  readonly error: string | null;
  /** The rule's fixes change only image config (CMD, EXPOSE...), so no layer changes and nothing was built. */
  readonly configOnly: boolean;
}

export interface CaseResult {
  readonly name: string;
  readonly note: string;
  readonly base: string;
  readonly diff: string;
  readonly fixed: readonly FixedFinding[];
  readonly predictedBaseSavings: AuditSavings | null;
  readonly before: Variant | null;
  readonly after: Variant | null;
  readonly savedCompressedBytes: number | null;
  readonly savedUncompressedBytes: number | null;
  readonly alone: readonly FixAlone[];
  readonly error: string | null;
}

/** A copy of the context with only `rule`'s fixes applied (every other rule off through --config). */
function fixOnly(rule: string, beforeDir: string, dir: string): string {
  const config = join(dir, `only-${rule}.bulkhead.yaml`);
  writeFileSync(config, `rules:\n${allRules.filter((other) => other.id !== rule).map((other) => `  ${other.id}: off\n`).join('')}`);
  const target = join(dir, `only-${rule}`);
  cpSync(beforeDir, target, { recursive: true });
  must('node', [CLI, 'fix', '--unsafe', '--fail-on', 'none', '--config', config, target]);
  return target;
}

/** Instructions that only set image config: a change to them alone leaves every layer as it was. */
const CONFIG_ONLY = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'LABEL', 'MAINTAINER', 'HEALTHCHECK', 'STOPSIGNAL', 'ONBUILD']);

/** True when `b` differs from `a` in config-only instructions at most, so its layers need no build. */
function sameLayers(a: string, b: string): boolean {
  if (run('diff', ['-rq', '-x', 'Dockerfile', a, b]).status !== 0) return false;
  const layerText = (dir: string): string[] => {
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    return buildModel(text).instructions.filter((instruction) => !CONFIG_ONLY.has(instruction.keyword)).map((instruction) => text.slice(instruction.span.start, instruction.span.end));
  };
  return JSON.stringify(layerText(a)) === JSON.stringify(layerText(b));
}

export async function runCase(spec: Case, log: string, perFix: boolean): Promise<CaseResult> {
  const dir = join(WORK, 'cases', spec.name);
  const beforeDir = join(dir, 'before');
  const afterDir = join(dir, 'after');
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, spec.source), beforeDir, { recursive: true });
  if (spec.overlay) cpSync(join(ROOT, spec.overlay), beforeDir, { recursive: true });
  const dockerfile = join(beforeDir, 'Dockerfile');
  if (spec.rebase) writeFileSync(dockerfile, rebaseText(readFileSync(dockerfile, 'utf8'), spec.rebase.from, spec.rebase.to));
  cpSync(beforeDir, afterDir, { recursive: true });
  must('node', [CLI, 'fix', '--unsafe', '--fail-on', 'none', afterDir], { log });
  const diff = run('diff', ['-ruN', 'before', 'after'], { cwd: dir }).stdout;
  const fixed = fixedFindings(lintFindings(beforeDir), lintFindings(afterDir));
  const predictedBaseSavings = auditSavings(beforeDir);
  const base = externalBases(readFileSync(dockerfile, 'utf8'))[0] ?? 'scratch';
  const known = makeableBase(base);
  const variant = async (which: string, context: string, baseSize: ImageSize | undefined): Promise<Variant> => {
    const tag = `localhost/bulkhead-bench/${spec.name}:${which}`;
    console.log(`building ${spec.name} (${which})...`);
    const elapsed = build(context, join(context, 'Dockerfile'), tag, log, spec.hostCa);
    const size = await measure(tag, log);
    buildah(['rmi', tag], log);
    return {
      buildSeconds: seconds(elapsed),
      size,
      addedCompressedBytes: size.compressedBytes - (baseSize?.compressedBytes ?? 0),
      addedUncompressedBytes: size.uncompressedBytes - (baseSize?.uncompressedBytes ?? 0),
    };
  };
  let before: Variant | null = null;
  let after: Variant | null = null;
  let error: string | null = null;
  const alone: FixAlone[] = [];
  try {
    const baseSize = known ? await ensureBase(known, log) : undefined;
    before = await variant('before', beforeDir, baseSize);
    after = await variant('after', afterDir, baseSize);
    const rules = [...new Set(fixed.map((fix) => fix.rule))];
    for (const rule of perFix && rules.length > 1 ? rules : []) {
      const claim = fixed.find((fix) => fix.rule === rule)?.claim ?? null;
      try {
        const onlyDir = fixOnly(rule, beforeDir, dir);
        if (sameLayers(beforeDir, onlyDir)) {
          alone.push({ rule, claim, buildSeconds: null, savedCompressedBytes: 0, savedUncompressedBytes: 0, error: null, configOnly: true });
          continue;
        }
        const only = await variant(`only-${rule}`, onlyDir, baseSize);
        alone.push({
          rule,
          claim,
          buildSeconds: only.buildSeconds,
          savedCompressedBytes: before.size.compressedBytes - only.size.compressedBytes,
          savedUncompressedBytes: before.size.uncompressedBytes - only.size.uncompressedBytes,
          error: null,
          configOnly: false,
        });
      } catch (caught) {
        alone.push({ rule, claim, buildSeconds: null, savedCompressedBytes: null, savedUncompressedBytes: null, error: caught instanceof Error ? caught.message : String(caught), configOnly: false });
      }
    }
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    name: spec.name,
    note: spec.note,
    base,
    diff,
    fixed,
    predictedBaseSavings,
    before,
    after,
    savedCompressedBytes: before && after ? before.size.compressedBytes - after.size.compressedBytes : null,
    savedUncompressedBytes: before && after ? before.size.uncompressedBytes - after.size.uncompressedBytes : null,
    alone,
    error,
  };
}
