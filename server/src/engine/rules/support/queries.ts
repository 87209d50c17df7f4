import type { InstructionRecord } from '../../parse/dockerfile';
import type { FileModel, RunInstruction } from '../../model/file-model';
import type { PackageInstall } from '../../model/packages';
import { removeInstruction, removeListItem } from '../../fixes/edits';
import type { Fix, Span } from '../../types';

/** Small queries over the model that several rules share. */

export function* instructionsReachingFinalImage(model: FileModel, keyword: string): Iterable<InstructionRecord> {
  for (const instruction of model.instructions) {
    if (instruction.keyword === keyword && model.inFinalImage(model.stageOf[instruction.index] ?? -1)) yield instruction;
  }
}

export function* runsReachingFinalImage(model: FileModel): Iterable<RunInstruction> {
  // ONBUILD triggers run in every image built FROM this one: what they install ships there.
  for (const run of model.runs) if (run.onbuild || model.inFinalImage(run.stage)) yield run;
}

export function* installsOf(runs: Iterable<RunInstruction>): Iterable<{ run: RunInstruction; install: PackageInstall }> {
  for (const run of runs) for (const install of run.installs) yield { run, install };
}

export interface PortValue {
  readonly from: number;
  readonly to: number;
  readonly protocol: 'tcp' | 'udp' | 'sctp' | null;
}

export interface ExposedPort {
  /** The argument as written. */
  readonly text: string;
  readonly span: Span;
  /** Port numbers the argument stands for; empty when unknown or not a port. */
  readonly values: readonly PortValue[];
  readonly viaVariable: boolean;
}

const PORT = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i;

// Keyed by model, not by record: parse caches reuse records across edits, and `$VAR` values may change.
const portsByModel = new WeakMap<FileModel, Map<number, readonly ExposedPort[]>>();

/**
 * The ports of an EXPOSE, with `$VAR` arguments resolved (one variable may hold several ports).
 * Kept per model: two rules read them, and an EXPOSE can list hundreds of thousands.
 */
export function exposedPorts(model: FileModel, instruction: InstructionRecord): readonly ExposedPort[] {
  let byInstruction = portsByModel.get(model);
  if (!byInstruction) portsByModel.set(model, (byInstruction = new Map()));
  const known = byInstruction.get(instruction.index);
  if (known) return known;
  const ports = instruction.args.map((arg): ExposedPort => {
    const viaVariable = arg.value.includes('$');
    const resolved = viaVariable ? model.resolve(arg.value, instruction.index) : arg.value;
    // A literal argument is one word; only a variable can stand for several.
    const parts = viaVariable ? (resolved?.split(/\s+/).filter(Boolean) ?? []) : [arg.value];
    const values: PortValue[] = [];
    for (const part of parts) {
      const value = portValue(part);
      if (value) values.push(value);
    }
    return { text: text(model, arg.span), span: arg.span, values, viaVariable };
  });
  byInstruction.set(instruction.index, ports);
  return ports;
}

function portValue(written: string): PortValue | null {
  const match = PORT.exec(written);
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : from;
  return to < from ? null : { from, to, protocol: (match[3]?.toLowerCase() as PortValue['protocol']) ?? null };
}

function text(model: FileModel, span: Span): string {
  return model.text.slice(span.start, span.end);
}

/**
 * Makes the safe fixes that remove one port from an EXPOSE, or the EXPOSE when it was its only port.
 * The argument spans are gathered once: an EXPOSE can list hundreds of thousands of ports.
 */
export function portRemover(model: FileModel, instruction: InstructionRecord, ports: readonly ExposedPort[]): (index: number) => Fix {
  const spans = instruction.args.map((arg) => arg.span);
  return (index) => ({
    title: `Remove port \`${ports[index]?.text ?? ''}\` from \`EXPOSE\``,
    safety: 'safe',
    edits: [ports.length === 1 ? removeInstruction(model.parsed, instruction) : removeListItem(spans, index)],
  });
}
