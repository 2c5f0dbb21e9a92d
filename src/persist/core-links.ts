import {PageStateError} from '../core/errors/errors.js';
import {sharedRuntime} from '../runtime/protocol.js';
import {REPORTS} from './adapter-reports.js';
import {partition} from './partition.js';
import {checkServerStorageOptions} from './server-storage-options.js';

/**
 * What the server client (server-client.ts) uses of the code every page loads, handed to it by
 * whoever starts it. The chunk a bundler makes of the client, loaded on first use, then imports
 * nothing the first load has. esbuild puts every module that a chunk loaded on demand and the
 * first load both import into a file of its own, which the first load fetches and gzip
 * compresses apart from the entry (~250 B more in the URL scenario). Rolldown (Vite) puts them in
 * the entry's file already.
 *
 * @example
 * ```ts
 * const client = (await import('./server-client.js')).serverClient(CORE_LINKS, '/page-state');
 * ```
 */
export const CORE_LINKS: CoreLinks = [PageStateError, sharedRuntime, REPORTS, partition, checkServerStorageOptions];

/** The type of {@link CORE_LINKS}: a tuple, whose names a minifier drops (an object's stay). */
export type CoreLinks = [
  PageStateError: typeof PageStateError,
  sharedRuntime: typeof sharedRuntime,
  reports: typeof REPORTS,
  partition: typeof partition,
  checkServerStorageOptions: typeof checkServerStorageOptions,
];
