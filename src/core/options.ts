import {DEV} from '../dev.js';
import {badDefinition} from './errors.js';
import {didYouMean, unknownNames} from './names.js';

/**
 * Throws a `PS_BAD_DEFINITION` error naming the first option of `given` that is not `known`:
 * a misspelled option (`persits`, `urlkey`) would otherwise be ignored and its intent lost.
 * Both builds check; production says `where: unknown option "persits"`, development adds the
 * nearest known name, or the known ones when none is near.
 *
 * @example
 * ```ts
 * checkOptions({urlkey: 'q'}, ['urlKey', 'valueMap'], 'stateVar.string');
 * // development: page-state PS_BAD_DEFINITION: stateVar.string: unknown option "urlkey" (did you mean "urlKey"?)
 * ```
 */
export function checkOptions(given: unknown, known: readonly string[], where: string): void {
  if (typeof given !== 'object' || given === null) {
    if (given !== undefined) badDefinition(`${where}: options ${typeof given} is not an object`);
    return;
  }
  const [name] = unknownNames(given, known);
  if (name !== undefined) {
    badDefinition(`${where}: unknown option "${name}"${DEV ? didYouMean(name, known) || ` (options: ${known.join(', ')})` : ''}`);
  }
}
