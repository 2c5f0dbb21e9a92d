/**
 * Where a store (or a storage layer, after an identity switch) is with values that arrive late:
 * `hydrating` while they load, with the vars written meanwhile (which keep what was written),
 * then `hydrated`. A load applies its values only while its own `hydrating` phase is current.
 */
export type Hydration = {readonly phase: 'hydrated'} | {readonly phase: 'hydrating'; readonly written: Set<string>};

export const HYDRATED: Hydration = {phase: 'hydrated'};

/** A new `hydrating` phase, written nothing yet. */
export const hydrating = (): Extract<Hydration, {phase: 'hydrating'}> => ({phase: 'hydrating', written: new Set()});
