import type {StateDefinition} from '../core/schema/define.js';
import {ErrorCode} from '../core/errors/errors.js';
import {didYouMean} from '../core/errors/nearest-name.js';
import type {SharedRuntime} from './protocol.js';

const checked = new WeakSet<object>();

/**
 * Development only: warns of each `shareUrlWith` name of `definition` that no namespace of the
 * page is called, with the nearest declared name. It waits until that is clear: the document is
 * parsed (markup namespaces are declared) and a task later (the modules it ran have started
 * their stores and the first flush is done). Once per definition.
 */
export function checkShares(runtime: SharedRuntime, definition: StateDefinition<any>): void {
  if (!definition.shareUrlWith.length || checked.has(definition) || typeof document == 'undefined') return;
  checked.add(definition);
  const check = () =>
    setTimeout(() => {
      // Namespaces of the root scope, and (in development) those <page-state> elements declare.
      const names = new Set([
        ...runtime.scoped.keys(),
        ...(runtime.root.stores ?? []).map((store) => store.definition.name),
      ]);
      for (const name of definition.shareUrlWith) {
        if (names.has(name) || runtime.root.find(name)) continue;
        console.warn(
          `page-state ${ErrorCode.unknownNamespace}: ${definition.name} shares its URL with "${name}" (shareUrlWith), ` +
            `but no namespace of this page is called so${didYouMean(name, names)}.`,
        );
      }
    });
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', check, {once: true});
  else check();
}
