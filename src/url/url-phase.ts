/**
 * What the writer of history is doing. Every change of phase happens in `UrlService`'s
 * `#wake` (idle → queued), `#flush` (→ writing → idle, or → held) and `#hold` (→ held). Numbers,
 * which the bundler inlines, rather than strings: the CDN file's budget.
 */
export type Phase = typeof IDLE | typeof QUEUED | typeof HELD | typeof WRITING;
/** Nothing to write. */
export const IDLE = 0;
/** Ops wait for the flush at the end of this task (a microtask is queued). */
export const QUEUED = 1;
/** Ops wait for a timer: the rate limiter's, or a back-off after a refused or dropped write. */
export const HELD = 2;
/** Inside page-state's own pushState/replaceState: the change it reports is ours. */
export const WRITING = 3;
