// What one session may hold, and the count of it every store shares.
/**
 * What one session may hold: at most `namespaces` namespaces and `bytes` bytes of stored JSON.
 *
 * @example
 * ```ts
 * createSessionHandler({store, quota: {namespaces: 20, bytes: 256 * 1024}});
 * ```
 */
export interface Quota {
  namespaces: number;
  bytes: number;
}

/**
 * A write refused because the session would pass its {@link Quota}; nothing was stored.
 *
 * @example
 * ```ts
 * try { await store.set(id, 'Notes', data, {ttlSeconds: 3600, quota}); } catch (e) { if (e instanceof QuotaError) console.log(e.message); }
 * ```
 */
export class QuotaError extends Error {
  override name = 'QuotaError';
}

/** The error of a session past the `limit` of `quota` (one wording for every store). */
export const quotaError = (limit: keyof Quota, quota: Quota): QuotaError =>
  new QuotaError(`a session holds at most ${quota[limit]} ${limit}`);

/** Throws a {@link QuotaError} when a session of `namespaces` holding `bytes` passes `quota`. */
function throwPastQuota(namespaces: number, bytes: number, quota: Quota | undefined): void {
  if (!quota) return;
  if (namespaces > quota.namespaces) throw quotaError('namespaces', quota);
  if (bytes > quota.bytes) throw quotaError('bytes', quota);
}

/** Whether `quota` limits anything: a session without limits needs no sizes counted. */
export const limits = (quota: Quota | undefined): boolean =>
  !!quota && (Number.isFinite(quota.namespaces) || Number.isFinite(quota.bytes));

/** Counts a namespace of `bytes` into a session's `sizes` (namespace → bytes), or throws the
 * {@link QuotaError} of `quota` and leaves them as they were. Not the admission of a new session
 * (`admission.ts`): this is one namespace within one session's quota. */
export function countWithinQuota(
  sizes: Map<string, number>,
  namespace: string,
  bytes: number,
  quota: Quota | undefined,
): void {
  const before = sizes.get(namespace);
  sizes.set(namespace, bytes);
  let total = 0;
  for (const size of sizes.values()) total += size;
  try {
    throwPastQuota(sizes.size, total, quota);
  } catch (error) {
    if (before === undefined) sizes.delete(namespace);
    else sizes.set(namespace, before);
    throw error;
  }
}
