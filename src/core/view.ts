/**
 * An object with one accessor per key (null prototype, not extensible): reads call `get`,
 * assignments call `set`. Reads cost one function call, whatever the number of keys.
 */
export function liveView<T extends object>(
  keys: readonly string[],
  get: (key: string) => unknown,
  set: (key: string, value: unknown) => void,
): T {
  const view = Object.create(null) as T;
  for (const key of keys) {
    Object.defineProperty(view, key, {enumerable: true, get: () => get(key), set: (value) => set(key, value)});
  }
  return Object.preventExtensions(view);
}
