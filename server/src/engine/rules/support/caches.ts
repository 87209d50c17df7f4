import type { RunInstruction } from '../../model/file-model';

/** Queries about package-manager caches in a RUN, shared by the `*-cache-kept` rules. */

/** A `cache` or `tmpfs` mount at one of `targets` keeps that folder out of the layer. */
export function mountsOver(run: RunInstruction, targets: RegExp): boolean {
  return run.mounts.some((mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && mount.target !== null && targets.test(mount.target));
}

/** An `rm` of one of `paths` (with or without `/*`) after `offset` in the same RUN. */
export function removesAfter(run: RunInstruction, offset: number, paths: RegExp): boolean {
  return (run.script?.commands ?? []).some(
    (command) =>
      command.span.start > offset && command.name.value === 'rm' && command.args.some((arg) => arg.value !== null && paths.test(arg.value)),
  );
}
