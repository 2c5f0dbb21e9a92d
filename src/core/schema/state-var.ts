/**
 * Builders of typed vars for `defineState({vars})`. Each takes the default value first and the
 * {@link VarOptions} last. A module namespace: an app pays only for the kinds it declares.
 *
 * @example
 * ```ts
 * const vars = {
 *   taskId: stateVar.string('', {urlKey: 'tid'}),
 *   priority: stateVar.int(1, {valueMap: {1: 'low', 2: 'mid', 3: 'high'}}),
 *   due: stateVar.date(null),
 *   status: stateVar.enum(['pending', 'active'] as const, 'pending'),
 *   tags: stateVar.list(stateVar.string(), []),
 * };
 * ```
 */
export * as stateVar from './var-kinds.js';
export type {Nullable} from './var.js';
