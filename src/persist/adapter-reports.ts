/** How an adapter reports a problem of its own (not one write's) through a store, as that
 * store's `page-state-error`: `reason` and what arrived (`raw`). */
export type Reporter = (reason: string, raw: unknown) => void;

/** Where a persist layer gives its adapter the {@link Reporter} of its namespace. A `Symbol.for`
 * key: the adapter (kept by the page's shared runtime) may come from another copy of page-state. */
export const REPORTS: unique symbol = Symbol.for('page-state.reports') as never;

/** A storage adapter that reports through the stores persisting in it. */
export interface Reporting {
  [REPORTS](namespace: string, report: Reporter): void;
}
