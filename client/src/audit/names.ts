/** Command id of "Bulkhead: Audit Workspace Containerfiles" (package.json `contributes.commands`). */
export const AUDIT_COMMAND = 'bulkhead.auditWorkspace';

/**
 * Dockerfile names as SPEC §1 lists them (`Dockerfile`, `Dockerfile.*`, `*.dockerfile`, and the same
 * for Containerfile, any case, as the CLI's discovery takes them). `findFiles` globs are
 * case-sensitive, so the glob is wide (any name containing the stem in the usual casings) and
 * `isDockerfileName` decides.
 */
export const DOCKERFILE_GLOB = '**/*{ocker,OCKER,ontainer,ONTAINER}{file,File,FILE}*';

export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  // BuildKit reads `Dockerfile.dockerignore` as that Dockerfile's ignore file.
  if (lower.endsWith('.dockerignore')) return false;
  return ['dockerfile', 'containerfile'].some((stem) => lower === stem || lower.startsWith(`${stem}.`) || lower.endsWith(`.${stem}`));
}

/** Folders the CLI never enters either. */
export function inSkippedFolder(relativePath: string): boolean {
  return relativePath.split('/').some((part) => part === 'node_modules' || part === '.git');
}
