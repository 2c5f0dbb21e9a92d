/**
 * Whether the URL shows a namespace as it wants. Every change of phase happens in `Entry`'s
 * `wrote` (→ shown), `purge` (→ purged), `lose` (shown → vanished), `unhide` (purged → vanished
 * or shown) and `touch` (vanished → shown: restore-on-touch). Numbers, which the bundler inlines,
 * rather than strings: the CDN file's budget.
 */
export type EntryPhase = typeof SHOWN | typeof VANISHED | typeof PURGED;
/** Its params are in the URL as it last wrote or adopted them. */
export const SHOWN = 0;
/** Another writer's replace (or a navigation that storage filled) left some out: a touch puts them back. */
export const VANISHED = 1;
/** A claim purged its params from the current entry: they return when it is written, focused or
 * watched; what vanished before stays to be put back once a replace shows it again. */
export const PURGED = 2;
