import type {StateDefinition} from '../core/schema/define.js';
import type {StateVar} from '../core/schema/var.js';
import type {StoredState} from '../core/types.js';
import {DEV} from '../dev.js';

/** An error as a report says it. */
export const message = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** How a storage layer reports a problem through its store. */
export type Report = (key: string | null, reason: string, raw: unknown) => void;

/**
 * The valid values of a stored record (`{version, values, expires?}`) for the persisted `keys`
 * of `definition`: an older version migrated, each var validated on its own. Anything unusable
 * is reported and left to defaults; a record past its `ttlSeconds` reads as nothing, and
 * `expired` deletes it.
 */
export function decodeRecord(
  definition: StateDefinition<any>,
  keys: readonly string[],
  raw: unknown,
  report: Report,
  expired: () => void,
): Record<string, unknown> {
  if (raw === undefined) return {};
  const record = raw as Partial<StoredState> | null;
  // Not an object with an object of values (null, a string, an array...) and a whole version.
  if (typeof record?.values !== 'object' || !record.values || !Number.isSafeInteger(record.version)) {
    report(
      null,
      DEV ? 'stored data is unreadable; defaults are used and it is overwritten on the next write' : 'unreadable',
      raw,
    );
    return {};
  }
  // Past its namespace's ttlSeconds: gone, from the storage too.
  if (record.expires! <= Date.now()) {
    expired();
    return {};
  }
  let values = record.values as Record<string, unknown>;
  const version = record.version!;
  if (version !== definition.version) {
    const newer = version > definition.version;
    if (newer || !definition.migrate) {
      report(
        null,
        DEV
          ? `stored version ${version} is ${newer ? 'newer than' : 'older than'} ${definition.version}${newer ? '' : ' and there is no migrate()'}`
          : `stored version ${version}`,
        raw,
      );
      return {};
    }
    try {
      values = definition.migrate!(values, version);
    } catch (error) {
      return (report(null, `migrate() failed: ${message(error)}`, raw), {});
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (!Object.hasOwn(values, key)) continue;
    try {
      out[key] = (definition.vars[key] as StateVar).fromJSON(values[key]);
    } catch (error) {
      report(key, (error as Error).message, values[key]);
    }
  }
  return out;
}
