/** Command id of "Bulkhead: Audit Workspace Containerfiles" (package.json `contributes.commands`). */
export const AUDIT_COMMAND = 'bulkhead.auditWorkspace';

/**
 * Dockerfile names as SPEC §1 lists them (`Dockerfile`, `Dockerfile.*`, `*.dockerfile`, and the same
 * for Containerfile, any case), in the two forms the client needs: a glob for `findFiles` and a test
 * for what it returns. The CLI's discovery applies the same rule on the server side.
 */
export const DOCKERFILE_GLOB = '**/{[Dd]ockerfile,[Dd]ockerfile.*,*.[Dd]ockerfile,[Cc]ontainerfile,[Cc]ontainerfile.*,*.[Cc]ontainerfile,DOCKERFILE,CONTAINERFILE}';

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
