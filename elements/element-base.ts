import {PageStateError, type ErrorCodeValue} from '../src/core/errors/errors.js';
import {nearest} from '../src/core/errors/nearest-name.js';
import type {ErrorDetail} from '../src/core/types.js';
import {dispatch} from '../src/runtime/dom-events.js';
import type {SharedScope} from '../src/runtime/protocol.js';
import type {StateDefinition} from '../src/core/schema/define.js';
import {DEV} from '../src/dev.js';

/**
 * Reports bad markup: a `page-state-error` from `element`, and a console line (an error; with
 * `warn`, a warning, which only the development build prints).
 */
export function announceError(element: Element, detail: ErrorDetail, warn?: boolean): void {
  dispatch(element, 'page-state-error', detail);
  if (DEV || !warn)
    console[DEV && warn ? 'warn' : 'error'](
      `<${element.localName}> ${detail.namespace}${detail.key ? `.${detail.key}` : ''}: ${detail.reason}`,
      element,
    );
}

/** A message carrying its code, as page-state's errors say it (the reason of a markup report). */
export const coded = (code: ErrorCodeValue, message: string): string => new PageStateError(code, message).message;

/**
 * What each `<state-namespace>` in the page could not declare at its last declaration, by
 * namespace name: its invalid vars (`key`: the var) or the namespace itself (`key`: null), for the
 * bindings of those to say instead of waiting forever, or calling the namespace undeclared.
 *
 * @example
 * ```ts
 * markupProblems.set('Shop', [{namespace: 'Shop', key: 'size', reason: 'PS_BAD_DEFINITION: …', raw: '<state-var …>'}]);
 * ```
 */
export const markupProblems = /* @__PURE__ */ new Map<string, ErrorDetail[]>();

/**
 * What {@link markupProblems} say of the var `key` of the namespace `name`; with `orNamespace`
 * (no namespace of that name was found), else what they say of the namespace itself.
 *
 * @example
 * ```ts
 * markupProblem('Shop', 'size'); // 'page-state PS_BAD_DEFINITION: …'
 * ```
 */
export const markupProblem = (name: string, key: string, orNamespace?: boolean): string | undefined =>
  markupProblems.get(name)?.find((problem) => problem.key === key || (orNamespace && problem.key === null))?.reason;

/** Runs `task` once the element's children are parsed (at once unless the page is still loading). */
export function whenParsed(task: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', task, {once: true});
  else task();
}

/** Runs `task` once a name that points at nothing will not appear from markup: the document is
 * parsed (every `<state-namespace>` declared, every module script run) and a task has passed. */
export const whenSettled = (task: () => void): void => whenParsed(() => setTimeout(task));

/** Attribute names already warned of, per element (development only). */
const warned = /* @__PURE__ */ new WeakMap<Element, Set<string>>();

/**
 * Development only: warns once per element and name of an attribute that looks like a
 * misspelling of one of `known` (`urlprefix` or `url_prefix` for `url-prefix`). Only a name close to one of ours
 * counts: `class`, `id`, `style`, `data-*`, `aria-*` and framework syntax (`:path`, `@click`)
 * never do.
 *
 * @example
 * ```ts
 * checkAttributes(element, ['path', 'prop', 'event', 'display']);
 * ```
 */
export function checkAttributes(element: Element, known: readonly string[]): void {
  if (DEV) {
    const seen = warned.get(element) ?? new Set<string>();
    warned.set(element, seen);
    for (const name of element.getAttributeNames()) {
      if (known.includes(name) || seen.has(name) || !/^[a-z][a-z_-]*$/.test(name) || /^(data|aria)-/.test(name))
        continue;
      const near = nearest(name, known);
      if (!near) continue;
      seen.add(name);
      console.warn(
        `<${element.localName}${named(element)}>: unknown attribute "${name}" (did you mean "${near}"?)`,
        element,
      );
    }
  }
}

/** ` name="X"` (or `path`, `namespace`) for messages naming an element. */
const named = (element: Element) => {
  const attr = ['name', 'path', 'namespace'].find((a) => element.hasAttribute(a));
  return attr ? ` ${attr}="${element.getAttribute(attr)}"` : '';
};

/** Development only: the names of the namespaces `scope` and the scopes above it know (the
 * candidates of a "did you mean"). Read through duck typing: a scope may be another copy's. */
export function namespacesFrom(scope: SharedScope | undefined): string[] {
  const names: string[] = [];
  for (
    let s = scope as (SharedScope & {parent?: SharedScope; declared?: StateDefinition<any>[]}) | undefined;
    s;
    s = s.parent
  ) {
    names.push(...(s.declared ?? []).map((d) => d.name), ...(s.stores ?? []).map((store) => store.definition.name));
  }
  return names;
}

/**
 * The base of page-state's elements: `HTMLElement` where there is a DOM, and a plain class where
 * there is none (a server rendering a module that imports `page-state`), as Lit does, so that
 * importing the main entry in Node defines the classes without touching a DOM.
 */
export const ElementBase: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement);
