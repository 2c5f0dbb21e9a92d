/**
 * Whether a read belongs to the host's update cycle. Every change of phase happens in
 * `StateController`'s `hostUpdate` (→ open) and `#commit` (→ idle). Numbers, which the
 * bundler inlines: the CDN file's budget.
 */
export type ReadWindow = typeof IDLE | typeof OPEN;
/** Outside the window: a read is the cycle's only while an update is pending (willUpdate runs
 * before hostUpdate). */
export const IDLE = 0;
/** From hostUpdate to a microtask after hostUpdated: every read (render, updated, firstUpdated)
 * is the cycle's. */
export const OPEN = 1;
