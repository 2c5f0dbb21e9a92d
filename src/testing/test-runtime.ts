// What `page-state/testing` gives a test: its options and the runtime it makes.
import type {StoredState} from '../core/types.js';
import type {SessionHandlerOptions} from '../server/options.js';
import type {SessionStore} from '../server/session-store.js';
import type {UrlUpdate} from './history.js';

/**
 * Options of {@link createTestRuntime}.
 *
 * @example
 * ```ts
 * createTestRuntime({url: '/tickets?f_q=printer', storage: {local: {'page-state:Settings': {version: 1, values: {theme: 'dark'}}}}});
 * ```
 */
export interface TestRuntimeOptions {
  /** The page's URL when the test starts (relative to `http://localhost/`). Default `/`. */
  url?: string | URL;
  /** Browser storage when the test starts: `localStorage` and `sessionStorage` items (an object is stored as its JSON). */
  storage?: {local?: Record<string, unknown>; session?: Record<string, unknown>};
  /**
   * An in-memory session server for `persist: 'server'`: the real `createSessionHandler` of
   * `page-state/server` over a `memoryStore()`, answering the page's requests in the same
   * process (Node, Vitest with happy-dom or jsdom). `true`, or options of the handler
   * (`identify`, `adoptAnonymous`, `ttlSeconds`, `quota`...).
   */
  server?: boolean | Omit<SessionHandlerOptions, 'store' | 'secret'>;
  /** Who is signed in when the test starts (as `setIdentity`). Default nobody. */
  identity?: string | null;
  /** Called for every URL update page-state makes (and every `back()`/`forward()` is not one). */
  onUrlUpdate?: (update: UrlUpdate) => void;
  /** What the report of a forgotten `dispose()` calls this runtime. Default: Vitest's current
   * test name, else where `createTestRuntime` was called. */
  name?: string;
}

export const OPTION_KEYS: readonly (keyof TestRuntimeOptions)[] = [
  'url',
  'storage',
  'server',
  'identity',
  'onUrlUpdate',
  'name',
];

/**
 * One test's page-state, made by {@link createTestRuntime}.
 *
 * @example
 * ```ts
 * const runtime = createTestRuntime({url: '/?f_q=shoes'}); // Filters: urlPrefix 'f_'
 * stateOf(Filters).set('q', 'boots');
 * await runtime.settled();
 * runtime.url.searchParams.get('f_q'); // 'boots'
 * runtime.dispose();
 * ```
 */
export interface TestRuntime {
  /** The page's URL now. */
  readonly url: URL;
  /** Every URL update so far, oldest first. */
  readonly updates: readonly UrlUpdate[];
  /** The runtime's browser storage (what `persist: 'local'` and `'session'` use). */
  readonly localStorage: Storage;
  readonly sessionStorage: Storage;
  /** The in-memory server's store, when `server` was asked for. */
  readonly serverStore?: SessionStore;
  /** What the in-memory server holds for this page's session (or account) in `namespace`:
   * `{version, values}`, or undefined. */
  readServer(namespace: string, endpoint?: string): Promise<StoredState | undefined>;
  /** Goes one history entry back (or forward), as the browser's buttons do: page-state adopts it. */
  back(): void;
  forward(): void;
  /** Says who is signed in, as `setIdentity` does: every persisted namespace re-hydrates. */
  setIdentity(identity: string | null, options?: {keepOnSignOut?: boolean}): void;
  /** Resolves once every pending URL write, storage save and server request is done. */
  settled(): Promise<void>;
  /** Drops every store and scope of the test and puts back what was there before. */
  dispose(): void;
}
