// `page-state/elements`: the markup elements, defined where a custom elements registry exists (a
// side effect, declared in package.json's `sideEffects`). An app that declares its state in code
// never imports it, so it never pays for them. Explicit named exports.
import '../src/index.js'; // <page-state> too: markup declares its scopes in markup
import {define} from './define.js';
import {StateBindElement} from './state-bind.js';
import {StateFocusElement} from './state-focus.js';
import {StateNamespaceElement} from './state-namespace.js';
import {StateVarElement} from './state-var.js';

export {StateBindElement, StateFocusElement, StateNamespaceElement, StateVarElement};

// The order they were always defined in: markup already parsed upgrades in this order.
define('state-bind', StateBindElement);
define('state-focus', StateFocusElement);
define('state-namespace', StateNamespaceElement);
define('state-var', StateVarElement);

declare global {
  interface HTMLElementTagNameMap {
    'state-bind': StateBindElement;
    'state-focus': StateFocusElement;
    'state-namespace': StateNamespaceElement;
    'state-var': StateVarElement;
  }
}
