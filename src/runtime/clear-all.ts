import {ELEMENT_SCOPE, type SharedScope} from './protocol.js';
import {pageStateRuntime} from './runtime.js';

/**
 * Forgets everything the page persisted (the seeds' `clear_cookie_state()`): every persisted
 * namespace of every scope goes back to its defaults (`source: 'reset'`, its URL params leave)
 * and its stored data is deleted, the server session of `endpoint` is deleted (`DELETE
 * {endpoint}/`: its cookie expires and its id is retired, so a replayed cookie writes into a new
 * session), and so is everything of this identity in this browser's `localStorage` and
 * `sessionStorage`. Resolves once the server answered; rejects if it could not, while the
 * deletion is retried like a write (nothing written before it lands after it).
 *
 * @example
 * ```ts
 * document.querySelector('#forget-me')!.addEventListener('click', () => void clearAll());
 * await clearAll({endpoint: '/api/page-state'});
 * ```
 */
export async function clearAll(options: {endpoint?: string} = {}): Promise<void> {
  const runtime = pageStateRuntime();
  for (const scope of scopesIn(document, new Set([runtime.root])))
    for (const store of scope.stores ?? [])
      if (Object.values(store.schema()).some((v) => v.persist)) void store.clear();
  // The session's deletion: what the server client was owed goes, and so do this identity's partitions.
  await runtime.storage('server', options.endpoint ?? '/page-state').remove('');
}

/** Adds the scope of every `<page-state>` in `root` (and in the open shadow roots in it, whichever
 * copy of page-state made it) to `found`. */
function scopesIn(root: Document | ShadowRoot, found: Set<SharedScope>): Set<SharedScope> {
  for (const element of root.querySelectorAll('*')) {
    const scope = (element as {[ELEMENT_SCOPE]?: SharedScope})[ELEMENT_SCOPE];
    if (scope) found.add(scope);
    if (element.shadowRoot) scopesIn(element.shadowRoot, found);
  }
  return found;
}
