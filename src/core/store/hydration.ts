/**
 * Where a store (or a storage layer, after an identity switch) is with values that arrive late:
 * hydrating while they load, with the vars written meanwhile (which keep what was written), then
 * {@link HYDRATED}. A load applies its values only while its own hydrating phase is current.
 */
export type Hydration = typeof HYDRATED | Hydrating;

/** The phase once every late value is in (or failed). */
export const HYDRATED = 0;

/** The hydrating phase of one load: a new one for each load, written nothing yet. */
export interface Hydrating {
  readonly written: Set<string>;
}
