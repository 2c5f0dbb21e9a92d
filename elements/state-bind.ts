import {nearestScope} from '../src/lit/context.js';
import {findControl} from './controls.js';
import {bind, type Binding} from './binding.js';
import {ErrorCode} from '../src/core/errors/errors.js';
import {didYouMean} from '../src/core/errors/nearest-name.js';
import {DEV} from '../src/dev.js';
import {
  announceError,
  checkAttributes,
  coded,
  ElementBase,
  markupProblem,
  namespacesFrom,
  whenSettled,
} from './element-base.js';
import {Validity} from './validity.js';

/**
 * Binds its first control, two ways, to the var at `path`. A control is anything that takes a
 * value: a native `input` (text, number, range, checkbox, checkbox group, radio group, date,
 * datetime-local), `select` (multi-select for a list), `textarea`; a form-associated custom
 * element; any element with a `value` or `checked` property that fires `input`/`change` (or
 * Shoelace's `sl-input`/`sl-change`), as design systems' controls do. With no element children
 * (or `display`), it shows the value as text, in its own shadow root after a slot for its
 * children: children it did not create are never removed or replaced (React, Vue or htmx keep
 * owning theirs), and snapshots of the page's markup never hold the value. A control that appears
 * later is bound, one that leaves is released.
 * An invalid committed entry sets `aria-invalid` and the control's validity message (or a
 * linked message where it has no validity API) and keeps the last valid state.
 *
 * @attr path - `Namespace.var`. Changing it rebinds the control to the new var.
 * @attr prop - The control's property holding its value, when detection does not fit.
 * @attr event - An event (besides `input`/`change`) after which the value is committed, e.g. `sl-change`.
 * @attr display - Present: show the value as text even with element children.
 * @fires page-state-error - The user committed an invalid value; `path` is malformed, names no var,
 * or a var its `<state-namespace>` could not declare (with that var's error); or, once the page is
 * parsed and a task has passed, names no declared namespace (it still binds if one comes) (bubbles, composed).
 * @slot - The control, or nothing to show the value as text.
 *
 * @example
 * ```html
 * <state-bind path="Filters.q"><input type="search"></state-bind>
 * <state-bind path="Filters.q"><sl-input label="Search"></sl-input></state-bind>
 * Page <state-bind path="Filters.page"></state-bind>
 * ```
 * @tag state-bind
 */
export class StateBindElement extends ElementBase {
  static readonly observedAttributes = ['path', 'prop', 'event', 'display'];
  #binding?: Binding;
  /** The last mistake reported (once per mistake, not per refresh). */
  #reported?: string;
  /** Our own text node (text mode), in our own shadow root beside a slot for the children: what
   * others own stays untouched, and snapshots of the light DOM (htmx's history) never hold it. */
  readonly #text = document.createTextNode('');
  readonly #validity = new Validity(this);
  readonly #children = new MutationObserver(() => this.#refresh());

  constructor() {
    super();
    this.attachShadow({mode: 'open'}).append(document.createElement('slot'), this.#text);
  }

  connectedCallback(): void {
    if (DEV) checkAttributes(this, StateBindElement.observedAttributes);
    this.#children.observe(this, {childList: true, subtree: true});
    // A namespace declared, or declared again from fixed markup, may be ours: look again.
    document.addEventListener('page-state-declared', this.#refresh);
    this.#refresh();
  }

  /** A framework may set attributes after the element is connected: bind to what they say now. */
  attributeChangedCallback(): void {
    this.#refresh();
  }

  disconnectedCallback(): void {
    this.#children.disconnect();
    this.#release();
    document.removeEventListener('page-state-declared', this.#refresh);
  }

  #release() {
    this.#binding?.release();
    this.#binding = undefined;
    this.#text.data = '';
  }

  /** Brings the binding in line with `path`, the attributes and the children; idempotent. */
  readonly #refresh = (settled?: unknown): void => {
    if (!this.isConnected) return;
    const path = this.getAttribute('path') ?? '';
    const [namespace = '', key = ''] = path.split('.');
    const report = (reason: string, warn?: boolean) => {
      if (this.#reported !== reason) announceError(this, {namespace, key, reason, raw: path}, warn);
      this.#reported = reason;
    };
    // No path at all may be one a framework sets later: a mistake once the page has settled.
    if (!key && (path || settled === true))
      return (
        this.#release(),
        report(coded(ErrorCode.badDefinition, DEV ? `path="${path}" is not Namespace.var` : path))
      );
    const scope = nearestScope(this);
    const store = scope.find(namespace);
    if (!store) {
      this.#release();
      // Declared later (markup further down, a script): wait, and once the page is parsed and a
      // task has passed, say that nothing of that name is declared (it still binds if one comes).
      if (settled !== true) return whenSettled(() => this.#refresh(true));
      // Its <state-namespace> could not be declared, or not this var of it: that says why.
      return report(
        markupProblem(namespace, key, true) ??
          coded(
            ErrorCode.unknownNamespace,
            DEV
              ? `path="${path}": no namespace "${namespace}" is declared${didYouMean(namespace, namespacesFrom(scope))}`
              : namespace,
          ),
        true,
      );
    }
    if (!Object.hasOwn(store.definition.vars, key)) {
      this.#release();
      // A var its <state-namespace> left out says why (development: a warning; the namespace reported it as an error).
      const invalid = markupProblem(namespace, key);
      return report(
        invalid ??
          coded(
            ErrorCode.unknownKey,
            DEV ? `path="${path}": no var "${key}" in ${namespace}${didYouMean(key, store.definition.keys)}` : path,
          ),
        !!invalid,
      );
    }
    this.#reported = undefined;
    const prop = this.getAttribute('prop');
    const options = `${prop} ${this.getAttribute('event')}`;
    const hasElements = [...this.children].some((el) => el !== this.#validity.message);
    // Element children but no control (yet): nothing to show, nothing to bind.
    const target = this.hasAttribute('display') || !hasElements ? 'text' : findControl(this, prop, this.#whenDefined);
    const current = this.#binding;
    if (
      current &&
      current.store === store &&
      current.key === key &&
      current.target === target &&
      current.options === options
    )
      return;
    this.#release();
    if (!target) return;
    // Its subscription puts the namespace on screen: a claim keeps it, and a purged one comes back.
    this.#binding = bind(this, store, key, target, prop, options, this.#text, this.#validity);
  };

  readonly #whenDefined = (name: string) => void customElements.whenDefined(name).then(this.#refresh);
}
