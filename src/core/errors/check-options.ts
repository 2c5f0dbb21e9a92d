import {DEV} from '../../dev.js';
import {badDefinition} from './errors.js';
import {didYouMean} from './nearest-name.js';

/**
 * Throws a `PS_BAD_DEFINITION` error naming the first option of `given` that is not `known`:
 * a misspelled option (`persits`, `urlkey`) would otherwise be ignored and its intent lost.
 * Both builds check; production says `{where}unknown option "persits"`, development adds the
 * nearest known name, or the known ones when none is near.
 *
 * @example
 * ```ts
 * checkOptions({urlkey: 'q'}, ['urlKey', 'valueMap'], 'stateVar.string: ');
 * // development: page-state PS_BAD_DEFINITION: stateVar.string: unknown option "urlkey" (did you mean "urlKey"?)
 * ```
 */
export function checkOptions(given: object | undefined, known: readonly string[], where: string): void {
  // for-in: nothing for undefined; the indices of a string or array given by mistake are unknown too.
  for (const name in given) {
    if (!known.includes(name))
      badDefinition(
        `${where}unknown option "${name}"${DEV ? didYouMean(name, known) || ` (options: ${known.join(', ')})` : ''}`,
      );
  }
}
