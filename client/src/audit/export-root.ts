/**
 * The folder an audit export's paths are relative to: the workspace folder, or for a multi-root
 * workspace the nearest folder holding all of them, so every path stays inside it (SARIF consumers
 * such as GitHub code scanning reject `../` paths). Null when no folder is on disk.
 */
export function exportRoot(folderUris: readonly string[]): string | null {
  const folders = folderUris.filter((uri) => uri.startsWith('file://')).map((uri) => uri.replace(/\/+$/, '').split('/'));
  const [first, ...rest] = folders;
  if (!first) return null;
  let shared = first.length;
  for (const segments of rest) {
    let same = 0;
    while (same < Math.min(shared, segments.length) && segments[same] === first[same]) same++;
    shared = same;
  }
  // `file:`, '', the authority (empty for local files): a root needs at least those and '/'.
  return shared <= 3 ? `${first.slice(0, 3).join('/')}/` : first.slice(0, shared).join('/');
}
