import {SHOW} from '../src/core/protocol.js';
import type {StateStore} from '../src/core/store.js';
import type {StateVar} from '../src/core/var.js';
import {nearestScope} from '../src/lit/runtime.js';
import {controlAdapter, type ControlAdapter} from './controls.js';
import {afterLoad, announceError, define, whenParsed} from './report.js';

/**
 * Binds its first form control, two ways, to the var at `path`: text, number, range, checkbox
 * (boolean), checkbox group (list), radio group, select, multi-select (list), textarea, date and datetime-local. With no
 * control it shows the value as text. A value the user enters that fails validation marks the
 * control `aria-invalid` and keeps the last valid state.
 *
 * @attr path - `Namespace.var`. Changing it rebinds the control to the new var.
 * @fires page-state-error - The user entered an invalid value, or `path` names no var (bubbles, composed).
 * @fires page-state-warning - The page has loaded and `path` names no declared namespace yet; it binds when one is declared (bubbles, composed).
 * @slot - The form control, or nothing to show the value as text.
 *
 * @example
 * ```html
 * <state-bind path="Filters.q"><input type="search"></state-bind>
 * Page <state-bind path="Filters.page"></state-bind>
 * ```
 * @tag state-bind
 */
export class StateBindElement extends HTMLElement {
  #unbind?: () => void;
  #waiting = false;
  /** Connected and told so: an upgrade reports attributes before it calls connectedCallback. */
  #live = false;

  static readonly observedAttributes = ['path'];

  connectedCallback(): void {
    this.#live = true;
    whenParsed(this.#bind);
  }

  /** A framework may set `path` after the element is connected: bind to the var it names now. */
  attributeChangedCallback(): void {
    if (!this.#live) return;
    this.#release();
    whenParsed(this.#bind);
  }

  disconnectedCallback(): void {
    this.#live = false;
    this.#release();
  }

  #release() {
    this.#unbind?.();
    this.#unbind = undefined;
    this.#wait(false);
  }

  readonly #bind = () => {
    if (this.#unbind || !this.isConnected) return;
    const path = this.getAttribute('path');
    const [namespace = '', key = ''] = (path ?? '').split('.');
    if (path && !key) return announceError(this, {namespace, key, reason: `path="${path}" is not Namespace.var`, raw: path});
    const store = nearestScope(this).find(namespace);
    if (!store) {
      // Declared later (markup further down, a script) or a path still to come: wait, never silently.
      this.#wait(true);
      const reason = `path="${path ?? ''}": no namespace "${namespace}" is declared yet; binding when one is`;
      return afterLoad(() => this.#waiting && announceError(this, {namespace, key, reason, raw: path}, true));
    }
    this.#wait(false);
    if (!Object.hasOwn(store.definition.vars, key)) {
      return announceError(this, {namespace, key, reason: `no var "${key}" in ${namespace} (path="${path}")`, raw: path});
    }
    this.#unbind = this.#connect(store, key);
    store[SHOW]?.(); // what is on screen is in the URL
  };

  #wait(on: boolean) {
    if (on === this.#waiting) return;
    this.#waiting = on;
    document[on ? 'addEventListener' : 'removeEventListener']('page-state-declared', this.#bind);
  }

  #connect(store: StateStore, key: string): () => void {
    const v = store.definition.vars[key] as StateVar<any>;
    const control = this.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea');
    const adapter: ControlAdapter = control
      ? controlAdapter(control, v, () => [...this.querySelectorAll<HTMLInputElement>(`input[type=${control.type}]`)])
      : {read: () => store.peek(key), write: (value) => void (this.textContent = value === null ? '' : v.encode(value))};
    const onInput = () => {
      let value: unknown;
      try {
        value = adapter.read();
        store.set(key, value as never);
        control?.removeAttribute('aria-invalid');
      } catch (error) {
        control?.setAttribute('aria-invalid', 'true');
        const raw = control instanceof HTMLSelectElement && control.multiple ? [...control.selectedOptions].map((o) => o.value) : control?.value;
        announceError(this, {namespace: store.definition.name, key, reason: (error as Error).message, raw});
      }
    };
    adapter.write(store.get(key));
    const stop = store.subscribe(() => {
      adapter.write(store.peek(key));
      control?.removeAttribute('aria-invalid');
    }, [key]);
    this.addEventListener('input', onInput);
    this.addEventListener('change', onInput);
    return () => {
      stop();
      this.removeEventListener('input', onInput);
      this.removeEventListener('change', onInput);
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'state-bind': StateBindElement;
  }
}

define('state-bind', StateBindElement);
