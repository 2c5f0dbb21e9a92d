import type {StoredState} from '../core/types.js';

/** What the page's server put into it (`handler.bootstrap`), by endpoint: each namespace its
 * session holds, until the page writes over it (the server client deletes it then); undefined
 * until read. */
let boots: Record<string, Map<string, StoredState>> | undefined;
/** The identity the page's first bootstrap names (null: anonymous); undefined without one. */
let identity: string | null | undefined;

/** Reads the page's bootstraps (`[identity, [[namespace, state], …]]`), once. */
function read() {
  boots = {};
  for (const script of globalThis.document?.querySelectorAll<HTMLScriptElement>('script[data-page-state]') ?? []) {
    try {
      const [id, namespaces] = JSON.parse(script.text) as [string | null, [string, StoredState][]];
      boots[script.dataset.pageState!] ??= new Map(namespaces);
      if (identity === undefined) identity = id;
    } catch {
      // Unreadable: that endpoint's namespaces load from the server as without a bootstrap.
    }
  }
  return boots;
}

/** What the page's bootstrap holds for `endpoint` (the handler's basePath), by namespace, or
 * undefined when it holds no bootstrap of it. A namespace found there hydrates at once, with no
 * request: the server answered with the page. */
export const bootOf = (endpoint: string): Map<string, StoredState> | undefined => (boots ?? read())[endpoint];

/** Who the page's bootstrap says is signed in (null: nobody), or undefined when it holds none:
 * whose browser storage the page shows from its first frame. */
export const bootIdentity = (): string | null | undefined => (boots ?? read(), identity);
