import {pageStateRuntime} from './runtime.js';

// setIdentity has a module of its own: a module the page loads brings what it imports with it,
// used or not (esbuild's chunks), so only an app that calls setIdentity loads the identity client
// at once (the rest load it with the server client, on first use).
export {setIdentity} from './set-identity.js';

/**
 * Params that no selfish claim or `focus()` ever purges, as globs (`utm_*`): the JS form of
 * `<page-state keep-params>`, for a router's own params say. Params a claim already purged from
 * the current history entry come back, so the order in which modules start does not matter.
 *
 * @example
 * ```ts
 * keepParams(['section', 'utm_*']);
 * ```
 */
export function keepParams(patterns: readonly string[]): void {
  pageStateRuntime().url.keep(patterns);
}
