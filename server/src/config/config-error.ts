/** A problem in a configuration file, located for the user: file, 1-based line and column, and key. */
export interface ConfigProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted path of the offending key (`rules.apk-cache-kept`); null for a YAML syntax error. */
  readonly key: string | null;
  readonly message: string;
}

export function formatConfigProblem(problem: ConfigProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.key === null ? `${where}: ${problem.message}` : `${where}: \`${problem.key}\`: ${problem.message}`;
}

export type ConfigResult<T> = { readonly ok: true; readonly config: T } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };
