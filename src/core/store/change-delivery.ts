import type {StoreHost} from '../types.js';

/** An event held back while a store starts: a change to deliver, or a report to make. */
type Held<C> = C | (() => void);
type Listener<C> = (change: C) => void;

/** Outboxes holding their start's events: one microtask releases them all. */
let due: Outbox<any>[] | undefined;
/** One settled promise, for page-state's every "a microtask later" and every store's `ready` once hydrated. */
export const resolved = Promise.resolve();

/**
 * Who hears a store's changes, and when. Its listeners (of every var, or of some); and the
 * events of its start, held back until the end of the task that created it (a framework may be
 * mid-commit: React's "update on a component that hasn't mounted yet"), or until the store's
 * next event, whichever comes first, so that every event arrives in order.
 */
export class Outbox<C extends {readonly key: string}> {
  #all?: Set<Listener<C>>;
  #byKey?: Map<string, Set<Listener<C>>>;
  #held?: Held<C>[];
  #starting = true;
  /** Live subscriptions: controller hosts, bindings, hooks (what is on screen). */
  watchers = 0;

  /** Delivers a change: the store's own hooks, {@link Outbox.notify} and its host, in order. */
  readonly #deliver: Listener<C>;
  /** Reports a listener's exception. */
  readonly #host: StoreHost;

  constructor(deliver: Listener<C>, host: StoreHost) {
    this.#deliver = deliver;
    this.#host = host;
  }

  /** Adds `listener` of every var, or of `keys`, as one more watcher; returns its removal, which
   * takes effect once, however often it is called. */
  add(listener: Listener<C>, keys?: readonly string[]): () => void {
    // A listener of its own: the same function added twice is removed once per removal.
    const entry: Listener<C> = (change) => listener(change);
    const sets = keys ? keys.map((key) => this.#listenersOf(key)) : [(this.#all ??= new Set())];
    for (const set of sets) set.add(entry);
    this.watchers++;
    let live = true;
    return () => {
      if (!live) return;
      live = false;
      this.watchers--;
      sets.forEach((set) => set.delete(entry));
    };
  }

  #listenersOf(key: string) {
    const byKey = (this.#byKey ??= new Map());
    let set = byKey.get(key);
    if (!set) byKey.set(key, (set = new Set()));
    return set;
  }

  /** Calls every listener of `change`. */
  notify(change: C): void {
    if (this.#all) for (const listener of this.#all) this.call(listener, undefined, change);
    const keyed = this.#byKey?.get(change.key);
    if (keyed) for (const listener of keyed) this.call(listener, undefined, change);
  }

  /** Delivers `event` now, or holds it back while the store starts. */
  emit(event: Held<C>): void {
    if (this.#starting) return void (this.#held ??= []).push(event);
    if (this.#held) this.#release();
    if (typeof event === 'function') event();
    else this.#deliver(event);
  }

  /** The store has started: what it held is delivered after the task, or before its next event. */
  started(): void {
    this.#starting = false;
    if (!this.#held) return;
    if (due) return void due.push(this);
    due = [this];
    void resolved.then(() => {
      const outboxes = due!;
      due = undefined;
      for (const outbox of outboxes) outbox.#release();
    });
  }

  #release() {
    const held = this.#held;
    this.#held = undefined;
    for (const event of held ?? []) {
      if (typeof event === 'function') event();
      else this.#deliver(event);
    }
  }

  /** Calls `fn`; its exception stops neither the others nor the store, as with DOM events. */
  call<A, B>(fn: (a: A, b: B) => void, receiver: unknown, a: A, b?: B): void {
    try {
      fn.call(receiver, a, b as B);
    } catch (error) {
      if (this.#host.report) this.#host.report(error);
      else void Promise.reject(error);
    }
  }
}
