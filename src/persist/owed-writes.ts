import type {StoredState} from '../core/types.js';

/** What one namespace is owed: its newest state, or null for its deletion. */
export type Owed = Map<string, StoredState | null>;

/** Where a page leaving this tab keeps, per endpoint, what it still owed the server:
 * `[when, identity, [[namespace, state or null], …]]`. */
const SENT = 'page-state/sent';

/**
 * Keeps what the page leaving this tab still owes the server at `base` (its last requests go
 * with `keepalive`, and may not land), for the tab's next page: {@link owedBefore}.
 *
 * @example
 * ```ts
 * window.addEventListener('pagehide', () => leaveOwing('/page-state', identity.tag, pending));
 * ```
 */
export function leaveOwing(base: string, identity: string | null | undefined, owed: Owed): void {
  try {
    sessionStorage[SENT + base] = JSON.stringify([Date.now(), identity, [...owed]]);
  } catch {
    // Storage disabled: the next page shows what its bootstrap, or the server, holds.
  }
}

/**
 * What the page before this one in the tab still owed the server at `base` as it left, if it
 * left within 10 s of this page's start and for the same identity: it goes over what this page's
 * bootstrap holds (that page's `pagehide` came after this one was answered: a reload right after
 * typing), and, when this page is a reload of it ({@link reloaded}), over a read that nothing
 * answered for the server (no session handler, no network), which its writes cannot have met
 * either.
 *
 * @example
 * ```ts
 * const sent = owedBefore('/page-state', identity.tag);
 * ```
 */
export function owedBefore(base: string, identity: string | null): Owed | undefined {
  try {
    const [at, who, owed] = JSON.parse(sessionStorage[SENT + base]) as [
      number,
      string | null,
      [string, StoredState | null][],
    ];
    if (at > performance.timeOrigin - 1e4 && who === identity) return new Map(owed);
  } catch {
    // Nothing kept (or storage disabled).
  }
  return undefined;
}

/**
 * Whether this page is a reload of the one before it in the tab: no other page (a sign-in page)
 * came between them, so what that page owed was owed for this page's identity.
 *
 * @example
 * ```ts
 * if (reloaded()) console.log('the same visitor, a moment later');
 * ```
 */
export const reloaded = (): boolean =>
  (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type === 'reload';
