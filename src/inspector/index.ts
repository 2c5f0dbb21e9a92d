// `page-state/inspector`: the <state-inspector> element, loaded on demand (never part of the
// core). It reads the page's shared runtime, so it sees every copy of page-state on the page.
import {StateInspectorElement} from './element.js';

export {StateInspectorElement};
export type {Recorded} from './history.js';

if (globalThis.customElements && !customElements.get('state-inspector'))
  customElements.define('state-inspector', StateInspectorElement);
