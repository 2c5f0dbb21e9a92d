import {DEV} from '../dev.js';

/**
 * What the debug switch can show, each as `page-state:<topic>`: URL writes, purges, adopted
 * changes, restores, retries and rate-limit waits (`url`); every change of a store, with its
 * source (`store`); storage fallbacks (`storage`); server requests retried (`server`).
 */
export type DebugTopic = 'url' | 'store' | 'storage' | 'server' | 'identity';

/** What the logger uses of its world; page-state/core stores log too, with no DOM types. */
const world = globalThis as unknown as {
  localStorage?: {getItem(key: string): string | null};
  process?: {env?: Record<string, string | undefined>};
  console: {debug(...data: unknown[]): void};
  performance?: {mark(name: string): {name: string}; measure(name: string, start: string): unknown};
};

/** The switch as the `debug` package reads it: `localStorage.debug` in a browser, `DEBUG` in Node. */
function switchText(): string {
  try {
    return (world.localStorage?.getItem('debug') ?? world.process?.env?.DEBUG) || '';
  } catch {
    return ''; // storage blocked (sandboxed frame, privacy settings): the switch is off
  }
}

/** Whether `page-state:<topic>` is on: a comma- or space-separated list of names, `*` matching
 * anything, a leading `-` switching a name off (`page-state:*,-page-state:store`). */
export function debugging(topic: DebugTopic): boolean {
  // `if (DEV)` with what it needs inside: the production build drops it and everything only it used.
  if (DEV) return (switches ??= new Map()).get(topic) ?? read(topic);
  return false;
}

/** The switch is read once per topic and page (set it, then reload, as with `debug`): reading
 * storage on every change made a development build's set() ten times slower. */
let switches: Map<DebugTopic, boolean> | undefined;

function read(topic: DebugTopic): boolean {
  const name = `page-state:${topic}`;
  let on = false;
  for (const pattern of switchText().split(/[\s,]+/)) {
    const off = pattern.startsWith('-');
    const glob = off ? pattern.slice(1) : pattern;
    if (!glob) continue;
    const re = new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    // `page-state` alone switches every topic on, as `page-state:*` does.
    if (re.test(name) || re.test('page-state')) on = !off;
  }
  switches!.set(topic, on);
  return on;
}

/**
 * Logs one event with its cause. Call sites ask first, `if (DEV && debugging(topic))`, so the
 * message is built only when its topic is on, and the production build carries neither the calls
 * nor this logger (with DEV off, each function here folds down to its first line).
 *
 * @example
 * ```ts
 * localStorage.debug = 'page-state:url'; // then reload: every URL write, purge and adoption is logged
 * ```
 */
export function debug(topic: DebugTopic, message: string, facts?: object): void {
  if (DEV) world.console.debug(`page-state:${topic}`, message, ...(facts ? [facts] : []));
}

/** Starts a `performance.measure` named `page-state:<what>` when `topic` is on; returns what
 * ends it (nothing when off: its caller allocates nothing). */
export function measuring(topic: DebugTopic, what: string): (() => void) | undefined {
  const {performance} = world;
  if (DEV && debugging(topic) && typeof performance?.mark === 'function') {
    const start = performance.mark(`page-state:${what}:start`);
    return () => void performance.measure(`page-state:${what}`, start.name);
  }
  return undefined;
}
