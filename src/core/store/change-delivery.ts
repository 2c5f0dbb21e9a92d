import type {StateChange, StateDefinition, StoreHost} from '../types.js';
import {debug, debugging} from '../../debug/log.js';
import {DEV} from '../../dev.js';
import {describe} from '../errors/errors.js';
import type {Mirror} from './layers.js';
import {defaults} from './validation.js';
import {HOLDING, OPEN, STARTING, type DeliveryPhase} from './delivery-phase.js';

/** An event held back while a store starts: a change to deliver, or a report to make. */
type Held<C> = C | (() => void);
type Listener<C> = (change: C) => void;

/** Outboxes with something for the end of the task: one microtask serves them all. */
let due: Outbox<any>[] | undefined;
/** One settled promise, for page-state's every "a microtask later" and every store's `ready` once hydrated. */
export const resolved = Promise.resolve();

/**
 * Who hears a store's changes, and when. Its layers (URL, storage), first and at once, never
 * held back; its `onChange` and listeners (of every var, or of some), one call per change; its
 * host (the DOM events), at the end of the task, one call per changed key (a thousand `set()`s
 * in a loop are a thousand cheap writes and one event). The events of its start are held back
 * until the end of the task that created it (a framework may be mid-commit: React's "update on
 * a component that hasn't mounted yet"), or until the store's next event, whichever comes
 * first, so that every event arrives in order.
 */
export class Outbox<C extends StateChange> {
  #all?: Set<Listener<C>>;
  #byKey?: Map<string, Set<Listener<C>>>;
  #phase: DeliveryPhase = STARTING;
  /** What its start held back (while starting and holding). */
  #held?: Held<C>[];
  /** For the host, by key: the value before the task's first change, and the last change
   * (made by a task's first change, which puts the outbox in the end of the task's list). */
  #posted?: Map<string, [unknown, C]>;
  /** Live subscriptions: controller hosts, bindings, hooks (what is on screen). */
  watchers = 0;

  readonly #mirrors: Mirror[] = [];
  /** Its hooks, and each key's var: a key changed and changed back within one task tells its host nothing. */
  readonly #definition: StateDefinition<any>;
  /** Hears changes at the end of the task, and reports; reports a listener's exception. */
  readonly #host: StoreHost;
  /** The store, as its hooks receive it. */
  readonly #store: unknown;

  constructor(definition: StateDefinition<any>, host: StoreHost, store: unknown) {
    this.#definition = definition;
    this.#host = host;
    this.#store = store;
  }

  /** Adds a layer's mirror: it sees every real change, before any listener, never held back. */
  mirror(mirror: Mirror): void {
    this.#mirrors.push(mirror);
  }

  /** A real change (`clearing`: of a `clear()`): to the layers now, then delivered. */
  send(change: C, clearing = false): void {
    for (const mirror of this.#mirrors) mirror(change, clearing);
    this.emit(change);
  }

  /** Step 3 of the store's life: onInit, once. */
  init(): void {
    const {onInit} = this.#definition;
    if (onInit) this.call(onInit, this.#store as never);
  }

  /** A rejected input (`key` null: of the whole namespace), or with `warning` something worth
   * knowing that rejected nothing. Bound: the store's layers are given it as is. */
  readonly report = (key: string | null, reason: string, raw: unknown, warning?: boolean): void => {
    const detail = {namespace: this.#definition.name, key, reason, raw};
    this.emit(() => (warning ? this.#host.warn?.(detail) : this.#host.error(detail)));
  };

  /** Adds `listener` of every var, or of `keys`, as one more watcher; returns its removal, which
   * takes effect once, however often it is called. */
  add(listener: Listener<C>, keys?: readonly string[]): () => void {
    // An undeclared key throws, as in reset(key).
    if (keys) defaults(this.#definition, keys);
    // Every key is all keys: one set, not one per key.
    if (keys && new Set(keys).size === this.#definition.keys.length) keys = undefined;
    // A listener of its own: the same function added twice is removed once per removal.
    const entry: Listener<C> = (change) => listener(change);
    const sets = keys ? keys.map((key) => this.#listenersOf(key)) : [(this.#all ??= new Set())];
    sets.forEach((set) => set.add(entry));
    this.watchers++;
    let live = true;
    return () => {
      if (!live) return;
      live = false;
      this.watchers--;
      sets.forEach((set) => set.delete(entry));
    };
  }

  #listenersOf(key: string): Set<Listener<C>> {
    const byKey = (this.#byKey ??= new Map());
    return byKey.get(key) ?? byKey.set(key, new Set()).get(key)!;
  }

  /** Calls every listener of `change`, and keeps it for the host's event at the end of the task
   * (or, `ended`, tells the host at once: the task has ended). */
  notify(change: C, ended?: boolean): void {
    if (this.#all) for (const listener of this.#all) this.call(listener, change);
    const keyed = this.#byKey?.get(change.key);
    if (keyed) for (const listener of keyed) this.call(listener, change);
    if (!this.#host.change) return;
    if (ended) return this.call(this.#host.change, change);
    // One lookup, and an array only for a key's first change of the task (the bench's set() rows).
    let posted = this.#posted;
    if (!posted) {
      posted = this.#posted = new Map();
      this.#schedule();
    }
    const first = posted.get(change.key);
    if (first) first[1] = change;
    else posted.set(change.key, [change.previous, change]);
  }

  /** Delivers `event` now, or holds it back while the store starts. */
  emit(event: Held<C>): void {
    if (this.#phase === STARTING) return void (this.#held ??= []).push(event);
    this.#release();
    if (typeof event === 'function') event();
    else this.#deliver(event);
  }

  /** The store has started: what it held is delivered after the task, or before its next event. */
  started(): void {
    this.#phase = this.#held ? HOLDING : OPEN;
    if (this.#held) this.#schedule();
  }

  /** Puts the outbox in the list the end of the task serves (twice is harmless: the second finds nothing). */
  #schedule() {
    if (due) return void due.push(this);
    due = [this];
    void resolved.then(() => {
      // Taken first: work that an event's listener gives goes to a next microtask.
      const outboxes = due!;
      due = undefined;
      for (const outbox of outboxes) outbox.#settle();
    });
  }

  /** The end of the task: the start's events, then one host call per changed key, in order. */
  #settle() {
    // The start changes each var once (one `init` commit): its events need no merging.
    this.#release(true);
    const posted = this.#posted;
    this.#posted = undefined;
    // A key changed once is its change itself (the store found it a real one); changed more, it is
    // one event from the first previous to the last value, unless those are equal.
    for (const [key, [previous, last]] of posted ?? [])
      if (last.previous === previous) this.call(this.#host.change!, last);
      else if (!this.#definition.vars[key]!.equals(previous, last.value))
        this.call(this.#host.change!, {...last, previous});
  }

  /** A change, to the store's hooks and listeners, and for its host's events at the end of the task. */
  #deliver(change: C, ended?: boolean) {
    if (DEV && debugging('store'))
      debug('store', `${change.namespace}.${change.key} = ${describe(change.value)} (${change.source})`, {
        previous: change.previous,
      });
    const {onChange} = this.#definition;
    if (onChange) this.call(onChange, change, this.#store as never);
    this.notify(change, ended);
  }

  /** holding → open: what the start held goes, in order; once open it does nothing. */
  #release(ended?: boolean) {
    if (this.#phase !== HOLDING) return;
    this.#phase = OPEN;
    // Taken out whole: nothing delivered stays held.
    for (const event of this.#held!.splice(0)) {
      if (typeof event === 'function') event();
      else this.#deliver(event, ended);
    }
  }

  /** Calls `fn`; its exception stops neither the others nor the store, as with DOM events. */
  call<A, B>(fn: (a: A, b: B) => void, a: A, b?: B): void {
    try {
      fn(a, b as B);
    } catch (error) {
      if (this.#host.report) this.#host.report(error);
      else void Promise.reject(error);
    }
  }
}
