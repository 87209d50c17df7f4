import type { Span } from '../types';

/** Plain records extracted from a shell syntax tree. Offsets are relative to the script start. */

export interface ShellWord {
  /** Source text of the word as written (quotes included). */
  readonly text: string;
  /** Value after quote removal, or null when it depends on an expansion. */
  readonly value: string | null;
  readonly span: Span;
}

export interface ShellCommand {
  readonly name: ShellWord;
  readonly args: readonly ShellWord[];
  /** From the first prefix assignment or the name to the last argument. */
  readonly span: Span;
  /**
   * What to delete to remove this command from its `&&`/`||`/`;` chain, with one adjacent
   * operator; null when it is not a plain member of a chain (inside a pipeline or a condition).
   */
  readonly removal: Span | null;
  /** True when this is the only command of the script, so removing it empties the script. */
  readonly onlyCommand: boolean;
  /** Position within a pipeline, or null when it is not piped. */
  readonly pipeline: { readonly id: number; readonly position: number; readonly length: number } | null;
  /** `VAR=value` assignments written before the command name. */
  readonly assignments: readonly ShellWord[];
  /** Nesting: 0 for the script itself, 1 inside `sh -c "..."` or a heredoc run by a shell, ... */
  readonly depth: number;
}

export interface ShellScript {
  readonly commands: readonly ShellCommand[];
  /** The parser met syntax it could not read; rules should not guess about missing parts. */
  readonly hasErrors: boolean;
  /** Offset where the last statement ends, where a command can be appended with `&&`. */
  readonly end: number;
  /** The script has a heredoc, so text cannot simply be appended after its last statement. */
  readonly hasHeredoc: boolean;
}
