import {StoreUnavailableError} from './session-store.js';

/** How long after a write's deadline its answer waits for the store's verdict (clock skew and the reply's trip). */
const SETTLE_MS = 1000;

/**
 * The handler's bounds on the store: `timed(work)` rejects with a {@link StoreUnavailableError}
 * after `storeTimeoutMs`; `written(write)` gives a write its deadline and waits a second past it,
 * so the refusal (or a success that just made it) arrives and an answered error is never a write
 * applied later.
 */
export function storeDeadlines(storeTimeoutMs: number) {
  const timed = <T>(work: Promise<T>, ms = storeTimeoutMs) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new StoreUnavailableError('session store timed out')), ms)),
    );
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  };
  const written = <T>(write: (deadline: number) => Promise<T>) =>
    timed(write(Date.now() + storeTimeoutMs), storeTimeoutMs + SETTLE_MS);
  return {timed, written};
}

/** What {@link storeDeadlines} makes. */
export type StoreDeadlines = ReturnType<typeof storeDeadlines>;
