import type {StateChange} from '../core/schema/define.js';
import type {ErrorDetail, StoreHost} from '../core/types.js';
import type {IdentityDetail} from './protocol.js';

declare global {
  interface HTMLElementEventMap {
    /** A var of a namespace in this scope changed: one event per changed key per task, when the
     * task's changes are flushed (`previous` from before its first change). */
    'page-state-change': CustomEvent<StateChange>;
    /** An input (URL param, stored value, markup) was rejected. */
    'page-state-error': CustomEvent<ErrorDetail>;
    /** Something worth knowing that rejected no input, e.g. the URL passed 2,000 characters. */
    'page-state-warning': CustomEvent<ErrorDetail>;
    /** A namespace became available in this scope. */
    'page-state-declared': CustomEvent<{namespace: string}>;
  }
  interface DocumentEventMap {
    'page-state-change': CustomEvent<StateChange>;
    'page-state-error': CustomEvent<ErrorDetail>;
    'page-state-warning': CustomEvent<ErrorDetail>;
    'page-state-declared': CustomEvent<{namespace: string}>;
    /** The page's persisted state now belongs to another identity (`setIdentity`, a server's answer). */
    'page-state-identity': CustomEvent<IdentityDetail>;
  }
}

/** Dispatches a page-state event from `target`, bubbling and composed (listeners outside shadow
 * roots hear it). */
export const dispatch = (target: EventTarget, type: string, detail: unknown): boolean =>
  target.dispatchEvent(new CustomEvent(type, {detail, bubbles: true, composed: true}));

/**
 * A {@link StoreHost} that dispatches `page-state-change` and `page-state-error` on `target`
 * (bubbling and composed, so listeners outside shadow roots hear them).
 *
 * @example
 * ```ts
 * const scope = new StateScope(eventHost(document));
 * ```
 */
export function eventHost(target: EventTarget): StoreHost {
  return {
    // Called by the store at the end of a task, once per changed key (see its Outbox).
    change: (detail) => dispatch(target, 'page-state-change', detail),
    error: (detail) => dispatch(target, 'page-state-error', detail),
    warn: (detail) => dispatch(target, 'page-state-warning', detail),
    declared: (namespace) => dispatch(target, 'page-state-declared', {namespace}),
    report: (error) => reportError(error),
  };
}
