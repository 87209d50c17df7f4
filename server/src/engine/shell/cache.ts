import { parseShellScript } from './parser';
import type { ShellScript } from './records';
import { toShellScript } from './script-text';

/**
 * Shell analysis keyed by the raw instruction text and escape char, shared by every document: an
 * edit re-parses only the RUN it touched. Records are relative to the text, so they stay valid when
 * the instruction moves. Bounded, least recently used out first.
 */
const MAX_ENTRIES = 4000;
const cache = new Map<string, ShellScript>();

/** Empties the cache, so a benchmark pass measures parsing rather than cache hits. */
export function clearShellCache(): void {
  cache.clear();
}

export function analyseShell(raw: string, escapeChar: string): ShellScript {
  const key = escapeChar + raw;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const script = parseShellScript(toShellScript(raw, escapeChar));
  cache.set(key, script);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return script;
}
