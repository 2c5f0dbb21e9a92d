/**
 * Makes each of `names` of `prototype` work unbound (`useSyncExternalStore(store.subscribe,
 * store.snapshot)`, `onclick = store.reset`): reading one from an object gives that object's
 * bound copy, made on first read and kept as its own property, so reads after it are plain
 * property reads and the copy keeps its identity. Why not bind in the constructor: beside the
 * bench's hydrate row.
 *
 * @example
 * ```ts
 * class Counter { n = 0; add() { this.n++; } }
 * bindOnRead(Counter.prototype, ['add']);
 * const {add} = new Counter();
 * add(); // this is the counter
 * ```
 */
export function bindOnRead(prototype: object, names: readonly string[]): void {
  for (const name of names) {
    const method = (prototype as Record<string, (...args: unknown[]) => unknown>)[name]!;
    Object.defineProperty(prototype, name, {
      get(this: Record<string, unknown>) {
        return Object.defineProperty(this, name, {value: method.bind(this)})[name];
      },
    });
  }
}
