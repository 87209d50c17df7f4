import type { Palette } from './formats/color';

/** Where a command writes; main() binds it to the process streams. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colours for stdout (text formats only). */
  readonly colors: Palette;
  readonly cwd: string;
}

/** Reports run problems on stderr, prefixed so they stand out from findings. */
export function reportProblems(io: CliIo, run: { readonly errors: readonly string[]; readonly warnings: readonly string[] }): void {
  for (const error of run.errors) io.err(`bulkhead: error: ${error}\n`);
  for (const warning of run.warnings) io.err(`bulkhead: warning: ${warning}\n`);
}
