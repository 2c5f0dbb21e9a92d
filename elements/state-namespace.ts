import {defineState, type PersistMode, type StateDefinition} from '../src/core/define.js';
import {varFromMarkup, type VarAttributes} from '../src/core/markup.js';
import type {StateVar} from '../src/core/var.js';
import {nearestScope, pageStateRuntime} from '../src/lit/runtime.js';
import type {PageStateElement} from './page-state.js';
import {announceError, define, ElementBase, whenParsed} from './report.js';

const VAR_ATTRIBUTES = ['type', 'default', 'url-key', 'persist', 'history', 'values', 'of'] as const;

/**
 * Declares a namespace in the enclosing `<page-state>` (or the page's root scope) from its
 * `<state-var>` children. Bad markup (an unknown type, a default that fails its type, a duplicate
 * var) raises a `page-state-error` naming the element and a console error.
 *
 * @attr name - The namespace's name.
 * @attr url-prefix - Prepended to every URL key.
 * @attr url-selfish - Present: purge other namespaces' params when claiming the URL.
 * @attr share-url-with - Comma-separated names of namespaces whose params a claim keeps.
 * @attr restore-url-on-touch - `false` disables restore-on-touch.
 * @attr clear-on-default - `false` writes default values into the URL too.
 * @attr history - `push` or `replace` (default).
 * @attr persist - `session`, `local` or `server`.
 * @attr version - Version of the persisted shape.
 * @fires page-state-error - The markup is invalid (bubbles, composed).
 * @slot - `<state-var>` elements.
 *
 * @example
 * ```html
 * <state-namespace name="Filters" url-prefix="f_" persist="local">
 *   <state-var name="q"></state-var>
 *   <state-var name="page" type="int" default="1" url-key="p"></state-var>
 * </state-namespace>
 * ```
 * @tag state-namespace
 */
export class StateNamespaceElement extends ElementBase {
  /** The definition built from the markup, once declared. */
  definition?: StateDefinition;

  connectedCallback(): void {
    whenParsed(() => this.#declare());
  }

  #declare() {
    if (this.definition || !this.isConnected) return;
    const name = this.getAttribute('name') ?? '';
    let key: string | null = null;
    try {
      const vars: Record<string, StateVar<any>> = {};
      for (const element of this.querySelectorAll(':scope > state-var')) {
        key = element.getAttribute('name') ?? '';
        if (Object.hasOwn(vars, key)) throw new Error(`var "${key}" is declared twice`);
        const attrs = Object.fromEntries(VAR_ATTRIBUTES.map((a) => [a, element.getAttribute(a)])) as unknown as VarAttributes;
        vars[key] = varFromMarkup(attrs);
      }
      key = null;
      const flag = (attr: string, fallback: boolean) => (this.hasAttribute(attr) ? this.getAttribute(attr) !== 'false' : fallback);
      const definition = defineState(name, {
        urlPrefix: this.getAttribute('url-prefix') ?? '',
        urlSelfish: flag('url-selfish', false),
        shareUrlWith: (this.getAttribute('share-url-with') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        restoreUrlOnTouch: flag('restore-url-on-touch', true),
        clearOnDefault: flag('clear-on-default', true),
        history: this.getAttribute('history') === 'push' ? 'push' : 'replace',
        persist: (this.getAttribute('persist') || false) as PersistMode,
        version: Number(this.getAttribute('version') ?? 1),
        vars,
      });
      const scope = this.closest('page-state') as PageStateElement | null;
      if (scope) scope.definitions = [definition];
      else pageStateRuntime().root.declare(definition);
      this.definition = definition;
      nearestScope(this).find(name); // create the store now: it reads the URL and storage at once
    } catch (error) {
      announceError(this, {namespace: name, key, reason: (error as Error).message, raw: this.outerHTML.slice(0, 300)});
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'state-namespace': StateNamespaceElement;
  }
}

define('state-namespace', StateNamespaceElement);
