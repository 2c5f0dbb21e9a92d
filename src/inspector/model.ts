// What <state-inspector> reads of the page: every scope with its stores, and who owns each URL
// param. It reads the page's shared runtime (any copy of this protocol may have made it) through
// its plain shapes only, so an inspector loaded from a CDN sees bundled copies too.
import {
  ELEMENT_SCOPE,
  RUNTIME_KEY_OF_PROTOCOL,
  type SharedRuntime,
  type SharedScope,
  type UrlClient,
} from '../runtime/protocol.js';
import type {StateStore} from '../core/store/store.js';

/** One scope as the inspector lists it: the root, or a `<page-state>` element's. */
export interface ScopeView {
  label: string;
  stores: readonly StateStore<any>[];
}

/** Who a URL param belongs to, as the inspector colours it. */
export type ParamStatus = 'own' | 'shared' | 'kept' | 'foreign' | 'purged';

export interface ParamView {
  key: string;
  value: string;
  status: ParamStatus;
  /** The namespace owning it; for a purged param, the one whose claim purged it. */
  namespace?: string;
}

/** The URL service's members the inspector reads (present in every copy of this protocol). */
interface InspectableUrl {
  entries?: Iterable<{client: UrlClient; hidden: boolean}>;
  purged?: ReadonlyMap<string, {key: string; value: string; mode: string; by?: string}>;
  kept?: (name: string) => boolean;
}

/** The page's runtime, once a copy of page-state of this protocol created it. */
export const runtime = (): SharedRuntime | undefined =>
  (globalThis as unknown as Record<symbol, SharedRuntime | undefined>)[RUNTIME_KEY_OF_PROTOCOL];

/** Every `<page-state>` element of `root`, open shadow roots included, in document order. */
function scopeElements(root: Document | ShadowRoot, found: Element[] = []): Element[] {
  for (const element of root.querySelectorAll('*')) {
    if (element.localName === 'page-state') found.push(element);
    if (element.shadowRoot) scopeElements(element.shadowRoot, found);
  }
  return found;
}

const describeElement = (element: Element) =>
  `<page-state${element.id ? ` id="${element.id}"` : ''}> in <${(element.getRootNode() as ShadowRoot).host?.localName ?? 'document'}>`;

/** A scope's view; its stores are read when asked, so a view found earlier in the task is current. */
const view = (label: string, scope: SharedScope): ScopeView => ({
  label,
  get stores() {
    return scope.stores ?? [];
  },
});

/** The root scope and every element scope, each with the stores created in it. */
export function scopes(doc: Document): ScopeView[] {
  const shared = runtime();
  if (!shared) return [];
  const views = [view('root', shared.root)];
  for (const element of scopeElements(doc)) {
    const scope = (element as {[ELEMENT_SCOPE]?: SharedScope})[ELEMENT_SCOPE];
    if (scope?.stores) views.push(view(describeElement(element), scope));
  }
  return views;
}

let found: ScopeView[] | undefined;

/** The page's scopes, found by one walk of the document per task however many changes ask
 * (a set() of ten vars is ten change events; the inspector and the devtools look at each). */
export function pageScopes(): ScopeView[] {
  if (!found) {
    found = scopes(document);
    queueMicrotask(() => (found = undefined));
  }
  return found;
}

/** Each param of the URL (query, then hash), with who owns it; then those a claim purged. */
export function params(href: string): ParamView[] {
  const url = runtime()?.url as InspectableUrl | undefined;
  const clients = [...(url?.entries ?? [])].map((entry) => entry.client);
  const sharedNames = new Set(clients.flatMap((client) => client.shares));
  const {search, hash} = new URL(href);
  const views: ParamView[] = [];
  for (const [mode, text] of [
    ['query', search.slice(1)],
    ['hash', hash.slice(1)],
  ] as const) {
    for (const [key, value] of new URLSearchParams(text)) {
      if (mode === 'hash' && !text.includes('=')) continue; // an anchor
      const owner = clients.find((client) => client.mode === mode && client.params.includes(key));
      const status: ParamStatus = owner
        ? sharedNames.has(owner.name)
          ? 'shared'
          : 'own'
        : url?.kept?.(key)
          ? 'kept'
          : 'foreign';
      views.push({key, value, status, namespace: owner?.name});
    }
  }
  for (const purged of url?.purged?.values() ?? [])
    views.push({key: purged.key, value: purged.value, status: 'purged', namespace: purged.by});
  return views;
}

/** A value as the inspector shows it: JSON (dates as ISO text). */
export const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};
