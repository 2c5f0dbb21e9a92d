import {checkOptions} from '../core/errors/check-options.js';
import {DEV} from '../dev.js';

/**
 * Options of {@link serverStorage}.
 *
 * @example
 * ```ts
 * serverStorage('/api/page-state', {debounceMs: 500, timeoutMs: 5000, win: window});
 * ```
 */
export interface ServerStorageOptions {
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Writes of one burst are coalesced into one request per namespace. Default 300 ms. */
  debounceMs?: number;
  /** A request that takes longer fails (and is retried). Default 10 s. */
  timeoutMs?: number;
  /** First retry delay after a failed write; doubles up to 30 s. Default 1 s. */
  retryMs?: number;
  /** Pending writes are sent with `keepalive` when this window hides. */
  win?: Window;
}

const KNOWN: readonly (keyof ServerStorageOptions)[] = ['fetch', 'debounceMs', 'timeoutMs', 'retryMs', 'win'];

/** Throws a `PS_BAD_DEFINITION` error for the options {@link serverStorage} left unread (a
 * misspelled `debounceMs` would be ignored silently); only development needs the known names. */
export const checkServerStorageOptions = (unknown: object): void =>
  checkOptions(unknown, DEV ? KNOWN : [], 'serverStorage: ');
