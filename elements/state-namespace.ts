import {defineState, type PersistMode, type StateDefinition, type StateOptions} from '../src/core/schema/define.js';
import {badDefinition} from '../src/core/errors/errors.js';
import {varFromMarkup, type VarAttributes} from '../src/core/schema/markup-vars.js';
import type {ErrorDetail} from '../src/core/types.js';
import {stateVar} from '../src/core/schema/state-var.js';
import type {StateVar} from '../src/core/schema/var.js';
import {pageStateRuntime} from '../src/runtime/runtime.js';
import {nearestScope} from '../src/lit/context.js';
import {DEV} from '../src/dev.js';
import type {PageStateElement} from './page-state.js';
import {announceError, checkAttributes, ElementBase, markupProblems, whenParsed} from './element-base.js';

const VAR_ATTRIBUTES = ['type', 'default', 'url-key', 'persist', 'history', 'values', 'of'] as const;
const NAMESPACE_ATTRIBUTES = [
  'name',
  'url-prefix',
  'url-selfish',
  'share-url-with',
  'restore-url-on-touch',
  'clear-on-default',
  'history',
  'persist',
  'version',
];

/**
 * Declares a namespace in the enclosing `<page-state>` (or the page's root scope) from its
 * `<state-var>` children. It keeps every var it can: an invalid one (an unknown type, a default
 * that fails its type, a bad name, a duplicate) is left out and reported, one `page-state-error`
 * each (one console group in development); a binding of it says its error. Changing a
 * `<state-var>` (its attributes, or adding and removing one) declares the namespace again, as
 * the markup now says.
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
 * @fires page-state-error - A var, or the namespace itself, is invalid (bubbles, composed).
 * @fires page-state-declared - The namespace was declared, or declared again (bubbles, composed).
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
  /** A `<state-var>` changed, or came or went: the markup says another definition (out of the
   * page, nothing is declared: see #declare). */
  readonly #vars = new MutationObserver(() => this.#declare());

  /** What its last declaration could not declare (markupProblems holds it under its name). */
  #problems?: ErrorDetail[];

  /** Out of the page, what it said of its markup goes with it (unless another element said more since). */
  disconnectedCallback(): void {
    const name = this.getAttribute('name') ?? '';
    if (markupProblems.get(name) === this.#problems) markupProblems.delete(name);
  }

  connectedCallback(): void {
    if (DEV) checkAttributes(this, NAMESPACE_ATTRIBUTES);
    whenParsed(() => {
      this.#declare();
      // Only once parsed: the parser appending the children is no change to the markup.
      if (this.isConnected) this.#vars.observe(this, {subtree: true, childList: true, attributes: true});
    });
  }

  /** Declares what the markup says, unless that is declared already, and reports what it cannot. */
  #declare() {
    if (!this.isConnected) return;
    const name = this.getAttribute('name') ?? '';
    const flag = (attr: string, fallback: boolean) =>
      this.hasAttribute(attr) ? this.getAttribute(attr) !== 'false' : fallback;
    const options: Omit<StateOptions<any>, 'vars'> = {
      urlPrefix: this.getAttribute('url-prefix') ?? '',
      urlSelfish: flag('url-selfish', false),
      shareUrlWith: (this.getAttribute('share-url-with') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      restoreUrlOnTouch: flag('restore-url-on-touch', true),
      clearOnDefault: flag('clear-on-default', true),
      history: this.getAttribute('history') === 'push' ? 'push' : 'replace',
      persist: (this.getAttribute('persist') || false) as PersistMode,
      version: Number(this.getAttribute('version') ?? 1),
    };
    // Every problem is one event as it is found, before any binding looks; in development, all
    // of one declaration in one console group.
    const problems: ErrorDetail[] = (this.#problems = []);
    markupProblems.set(name, problems);
    const fail = (key: string | null, error: unknown, element: Element) => {
      if (DEV && !problems.length)
        console.group(
          `<state-namespace name="${name}">: what it cannot declare (the rest is declared; fixed, it is declared again)`,
        );
      const detail = {namespace: name, key, reason: (error as Error).message, raw: element.outerHTML.slice(0, 300)};
      problems.push(detail);
      announceError(this, detail);
    };
    try {
      // The namespace's own attributes first, with a var that cannot be wrong: a mistake there is
      // the namespace's, not every var's.
      defineState(name, {...options, vars: {v: stateVar.string()}});
      // Each var joins the ones kept so far if the namespace still holds (its name, its URL param).
      let vars: Record<string, StateVar<any>> = {};
      let definition: StateDefinition | undefined;
      for (const element of this.querySelectorAll(':scope > state-var')) {
        if (DEV) checkAttributes(element, ['name', ...VAR_ATTRIBUTES]);
        const key = element.getAttribute('name') ?? '';
        try {
          if (Object.hasOwn(vars, key))
            badDefinition(DEV ? `${name}: var "${key}" is declared twice` : `${name}: ${key}`);
          const attrs = Object.fromEntries(
            VAR_ATTRIBUTES.map((a) => [a, element.getAttribute(a)]),
          ) as unknown as VarAttributes;
          const more = {...vars, [key]: varFromMarkup(attrs)};
          definition = defineState(name, {...options, vars: more});
          vars = more;
        } catch (error) {
          fail(key, error, element);
        }
      }
      const previous = this.definition;
      // No var at all says so (defineState does); vars all invalid were each reported, and their bindings say why.
      if (!definition && !problems.length) defineState(name, {...options, vars});
      if (definition && definition.fingerprint !== previous?.fingerprint) {
        // Fixed markup: the definition declared before gives way (a copy without undeclare cannot).
        if (previous) nearestScope(this).undeclare?.(previous.name);
        const owner = this.closest('page-state') as PageStateElement | null;
        if (owner) owner.definitions = [definition];
        else pageStateRuntime().root.declare(definition);
        this.definition = definition;
        nearestScope(this).find(name); // create the store now: it reads the URL and storage at once
      }
    } catch (error) {
      fail(null, error, this);
    }
    if (DEV && problems.length) console.groupEnd();
  }
}
