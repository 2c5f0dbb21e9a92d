import type {StoredState} from '../core/types.js';

/** What the page's server put into it (`handler.bootstrap`), read once: its endpoint, the identity
 * it names (null: anonymous), and each namespace its session holds, until the page writes over it
 * (the server client deletes it then). Empty when the page holds none (or an unreadable one). */
let boot: [endpoint?: string, identity?: string | null, held?: Map<string, StoredState>] | undefined;

/** Reads the page's bootstrap (`[identity, [[namespace, state], …]]`). One per page: a handler
 * at another endpoint than the first's is read from as without it. */
function read() {
  try {
    const script = document.querySelector<HTMLScriptElement>('script[data-page-state]')!;
    const [identity, namespaces] = JSON.parse(script.text) as [string | null, [string, StoredState][]];
    return (boot = [script.dataset.pageState, identity, new Map(namespaces)]);
  } catch {
    return (boot = []);
  }
}

/** What the page's bootstrap holds for `endpoint` (the handler's basePath), by namespace, or
 * undefined when it holds no bootstrap of it. A namespace found there hydrates at once, with no
 * request: the server answered with the page. */
export const bootOf = (endpoint: string): Map<string, StoredState> | undefined => {
  const [at, , held] = boot ?? read();
  return at === endpoint ? held : undefined;
};

/** Who the page's bootstrap says is signed in (null: nobody), or undefined when it holds none:
 * whose browser storage the page shows from its first frame. */
export const bootIdentity = (): string | null | undefined => (boot ?? read())[1];
