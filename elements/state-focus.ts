import {didYouMean} from '../src/core/errors/nearest-name.js';
import {nearestScope} from '../src/lit/context.js';
import {DEV} from '../src/dev.js';
import {checkAttributes, ElementBase, namespacesFrom, whenSettled} from './element-base.js';

/**
 * Clicking anything inside calls `focus()` on a namespace: its params claim the URL, purging
 * every param that is not its own, shared with it or kept.
 *
 * @attr namespace - The namespace to focus.
 * @slot - The clickable content, e.g. a button.
 *
 * @example
 * ```html
 * <state-focus namespace="Filters"><button>Only filters</button></state-focus>
 * ```
 * @tag state-focus
 */
export class StateFocusElement extends ElementBase {
  constructor() {
    super();
    this.addEventListener('click', () =>
      nearestScope(this)
        .find(this.getAttribute('namespace') ?? '')
        ?.focus(),
    );
  }

  connectedCallback(): void {
    // Development only: a namespace declared further down or by a script has had its chance once
    // the page is parsed and a task has passed; a click on a name that points at nothing does nothing.
    if (DEV) {
      checkAttributes(this, ['namespace']);
      whenSettled(() => {
        const namespace = this.getAttribute('namespace') ?? '';
        const scope = nearestScope(this);
        if (!this.isConnected || scope.find(namespace)) return;
        console.warn(
          `<state-focus namespace="${namespace}">: no namespace "${namespace}" is declared${didYouMean(namespace, namespacesFrom(scope))}`,
          this,
        );
      });
    }
  }
}
