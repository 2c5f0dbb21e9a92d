/**
 * Where a store's change delivery is in its start. Every change of phase happens in `Outbox`'s
 * `started` (starting → holding or open) and `#release` (holding → open). Numbers, which the
 * bundler inlines: the CDN file's budget.
 */
export type DeliveryPhase = typeof STARTING | typeof HOLDING | typeof OPEN;
/** The store starts: its events are held. */
export const STARTING = 0;
/** Started with events held: they go at the end of the task, or before the store's next event. */
export const HOLDING = 1;
/** Events go as they come. */
export const OPEN = 2;
