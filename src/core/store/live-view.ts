/**
 * An object with one accessor per key (null prototype, not extensible): reads call `get`,
 * assignments call `set`. Reads cost one function call, whatever the number of keys.
 */
export function liveView<T extends object>(
  keys: readonly string[],
  // A store's own get and set, typed by its vars, serve as they are.
  get: (key: any) => unknown,
  set: (key: any, value: any) => void,
): T {
  const view = Object.create(null) as T;
  for (const key of keys) {
    Object.defineProperty(view, key, {enumerable: true, get: () => get(key), set: (value) => set(key, value)});
  }
  return Object.preventExtensions(view);
}

const READ = Symbol('read');
const WRITE = Symbol('write');
const prototypes = new WeakMap<readonly string[], object>();

/**
 * Like {@link liveView}, but the accessors live on one prototype per key list, so making a view
 * costs one object instead of one property definition per key (a controller per element, each
 * over a namespace of 1,000 vars, stays cheap). Its keys are not own properties.
 */
export function sharedView<T extends object>(
  keys: readonly string[],
  get: (key: string) => unknown,
  set: (key: string, value: unknown) => void,
): T {
  let proto = prototypes.get(keys);
  if (!proto) {
    proto = Object.create(null) as object;
    for (const key of keys) {
      Object.defineProperty(proto, key, {
        get(this: {[READ]: typeof get}) {
          return this[READ](key);
        },
        set(this: {[WRITE]: typeof set}, value: unknown) {
          this[WRITE](key, value);
        },
      });
    }
    prototypes.set(keys, proto);
  }
  return Object.preventExtensions(Object.assign(Object.create(proto) as object, {[READ]: get, [WRITE]: set})) as T;
}
