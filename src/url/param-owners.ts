import {DEV} from '../dev.js';
import {ErrorCode, PageStateError} from '../core/errors/errors.js';
import type {UrlClient} from '../runtime/protocol.js';

/**
 * Which client owns each URL param. Clients of one definition (the same namespace declared in
 * two scopes) share their params; a different definition on a param is refused with a clear
 * error, never left to corrupt it silently.
 */
export class ParamOwners<E extends {client: UrlClient}> {
  /** Param → the first client that claimed it. */
  readonly #owners = new Map<string, E>();

  /** Records `entry` as owner of its params; throws `PS_CONFLICT` when another definition owns
   * one (and records none of them). */
  claim(entry: E): void {
    const {client} = entry;
    const owners = this.#owners;
    for (const param of client.params) {
      const other = owners.get(param)?.client;
      if (!other) owners.set(param, entry);
      else if (other.name !== client.name || other.fingerprint !== client.fingerprint) {
        for (const undone of client.params) if (owners.get(undone) === entry) owners.delete(undone);
        throw new PageStateError(
          ErrorCode.conflict,
          DEV
            ? `URL param "${param}" is claimed by "${other.name}" and by a different definition of "${client.name}": give one a distinct urlPrefix or urlKey`
            : param,
        );
      }
    }
  }

  /** A param `entry` owned passes to another client still sharing it, so a different
   * definition keeps being refused. */
  release(entry: E, remaining: Iterable<E>): void {
    for (const [param, owner] of this.#owners) {
      if (owner !== entry) continue;
      const heir = [...remaining].find((other) => other.client.params.includes(param));
      if (heir) this.#owners.set(param, heir);
      else this.#owners.delete(param);
    }
  }
}
