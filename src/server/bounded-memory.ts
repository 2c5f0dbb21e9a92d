/** How many entries a per-process memory of recent sessions keeps before forgetting the oldest. */
const RECENT = 10_000;

/**
 * Sets `key` in `map` as its most recent entry and forgets the least recent past
 * {@link RECENT}: a bounded memory that any number of sessions cannot grow. Returns `value`.
 */
export function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > RECENT) map.delete(map.keys().next().value!);
  return value;
}
