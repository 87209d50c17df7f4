/**
 * Once `map` holds more than `max` entries, drops the oldest (first inserted) down to three quarters
 * of `max` in one pass. Looking for the single oldest entry on every insertion instead gets slow:
 * deleted entries pile up at the front of a Map and each look walks past them.
 */
export function trimOldest<K, V>(map: Map<K, V>, max: number): void {
  if (map.size <= max) return;
  const keep = Math.floor((max * 3) / 4);
  for (const key of map.keys()) {
    if (map.size <= keep) return;
    map.delete(key);
  }
}
