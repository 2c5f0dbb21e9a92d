import {nearestScope} from '../src/lit/runtime.js';
import {define, ElementBase} from './report.js';

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
    this.addEventListener('click', () => nearestScope(this).find(this.getAttribute('namespace') ?? '')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'state-focus': StateFocusElement;
  }
}

define('state-focus', StateFocusElement);
