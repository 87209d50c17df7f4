/**
 * A copy of a string that holds no reference to the string it was cut from. V8 keeps a slice
 * (and a concatenation holding one) as a view of its parent, so a short string kept for long, a
 * cache key or a finding's message naming a token, would keep a whole document alive. Flattening a
 * concatenation makes a fresh string.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
