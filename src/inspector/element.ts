import {ElementBase} from '../../elements/element-base.js';
import type {StateChange} from '../core/schema/define.js';
import {ChangeLog, type Recorded} from './history.js';
import {pageScopes, params, runtime, show, type ParamView, type ScopeView} from './model.js';
import {STYLE} from './style.js';
import {h} from './h.js';

const STATUS: Record<ParamView['status'], string> = {
  own: 'own',
  shared: 'shared',
  kept: 'kept',
  foreign: 'foreign',
  purged: 'purged',
};

/**
 * A panel showing what page-state holds and why it changed: every scope and namespace with live
 * values, the URL's params coloured by owner (own, shared, kept, foreign, purged with the claim
 * that purged it), the identity, and the last 100 changes with their source and cause (its
 * `page-state-change` events: one per changed key per task, what the page showed). Restore
 * writes the state after a change back through the stores' validated `set` (the URL follows).
 * Load it on demand: `import('page-state/inspector')`, or `dist/page-state.inspector.js`.
 *
 * @example
 * ```html
 * <script type="module" src="https://cdn.jsdelivr.net/npm/page-state@0.1.0/dist/page-state.inspector.js"></script>
 * <state-inspector></state-inspector>
 * ```
 * @tag state-inspector
 */
export class StateInspectorElement extends ElementBase {
  readonly #log = new ChangeLog();
  readonly #root = this.attachShadow({mode: 'open'});
  #queued = false;

  connectedCallback(): void {
    this.#listen(true);
    this.#refresh();
  }

  disconnectedCallback(): void {
    this.#listen(false);
  }

  /** Adds (`on`) or removes the panel's listeners: page-state's events, and every URL change. */
  #listen(on: boolean) {
    const navigation = (globalThis as {navigation?: EventTarget}).navigation;
    const listeners: [EventTarget | undefined, string, EventListener, boolean][] = [
      [document, 'page-state-change', this.#changed, true],
      [document, 'page-state-declared', this.#refresh, true],
      [document, 'page-state-identity', this.#refresh, true],
      [window, 'popstate', this.#refresh, false],
      [window, 'hashchange', this.#refresh, false],
      [navigation, 'currententrychange', this.#refresh, false],
    ];
    for (const [target, type, listener, capture] of listeners)
      target?.[on ? 'addEventListener' : 'removeEventListener'](type, listener, capture);
  }

  /** The recorded changes, newest first (what the panel lists). */
  get changes(): readonly Recorded[] {
    return this.#log.changes;
  }

  readonly #changed = (event: Event) => {
    this.#log.record((event as CustomEvent<StateChange>).detail, pageScopes());
    this.#refresh();
  };

  /** Renders once per task, however many changes it saw. */
  readonly #refresh = () => {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#render();
    });
  };

  #render() {
    const focused = (this.#root.activeElement as HTMLElement | null)?.dataset.restore;
    const panel = h(
      'section',
      {'aria-label': 'page-state inspector'},
      h('h2', {}, 'page-state'),
      h('p', {}, h('strong', {}, 'Identity: '), identityText(runtime()?.identity?.tag)),
      h('h3', {}, 'Namespaces'),
      ...pageScopes().map((scope) => this.#scope(scope)),
      h('h3', {}, 'URL'),
      this.#url(params(location.href)),
      h('h3', {}, `Changes (last ${this.#log.changes.length})`),
      this.#changes(),
    );
    this.#root.replaceChildren(h('style', {}, STYLE), panel);
    if (focused) this.#root.querySelector<HTMLElement>(`[data-restore="${focused}"]`)?.focus();
  }

  #scope({label, stores}: ScopeView) {
    const rows = stores.flatMap((store) => {
      const values = store.snapshot() as Record<string, unknown>;
      return store.definition.keys.map((key, i) =>
        // The namespace's cell spans its vars' rows.
        h(
          'tr',
          {},
          !i && h('th', {scope: 'row', rowspan: String(store.definition.keys.length)}, store.definition.name),
          h('td', {}, key),
          h('td', {}, h('code', {}, show(values[key]))),
        ),
      );
    });
    return h(
      'div',
      {class: 'scope'},
      h('h4', {}, label),
      rows.length
        ? h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', {scope: 'col'}, 'namespace'),
                h('th', {scope: 'col'}, 'var'),
                h('th', {scope: 'col'}, 'value'),
              ),
            ),
            h('tbody', {}, ...rows),
          )
        : h('p', {}, 'no store yet'),
    );
  }

  #url(views: ParamView[]) {
    if (!views.length) return h('p', {}, 'no params');
    return h(
      'ul',
      {class: 'params'},
      ...views.map(({key, value, status, namespace}) =>
        h(
          'li',
          {class: `param ${status}`},
          h('code', {}, `${key}=${value}`),
          ' ',
          h(
            'span',
            {class: 'status'},
            status === 'purged'
              ? `purged by the claim of ${namespace}`
              : namespace
                ? `${STATUS[status]}: ${namespace}`
                : STATUS[status],
          ),
        ),
      ),
    );
  }

  #changes() {
    if (!this.#log.changes.length) return h('p', {}, 'none yet');
    return h(
      'ol',
      {class: 'changes'},
      ...this.#log.changes.map(({id, change, cause}) => {
        const what = `${change.namespace}.${change.key} = ${show(change.value)}`;
        const restore = h(
          'button',
          {type: 'button', 'data-restore': String(id), 'aria-label': `Restore the state after ${what}`},
          'Restore',
        );
        restore.addEventListener('click', () => this.#log.restore(id));
        return h(
          'li',
          {},
          restore,
          ' ',
          h('code', {}, what),
          ' ',
          h('span', {class: 'cause'}, `${change.source}: ${cause}`),
        );
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'state-inspector': StateInspectorElement;
  }
}

/** What the panel says of the identity the page's persisted state belongs to. */
const identityText = (tag: string | null | undefined) =>
  tag
    ? `${tag} (persisted state and browser storage keys are this identity's)`
    : 'anonymous (no signed-in identity is known to this page)';
