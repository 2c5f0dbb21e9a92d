import type {StoredState} from '../core/types.js';
import {folderSizes, missing, writeFiles} from './atomic-files.js';
import {EXPIRES, type SessionFolders} from './file-layout.js';
import {countWithinQuota, limits} from './quota.js';
import type {serialQueue} from './serial-queue.js';
import {checkDeadline, dueToSlide, expiryFrom, type StoreOptions} from './session-store.js';

/** A write waiting for its session's next batch. */
interface Write {
  namespace: string;
  text: string;
  options: StoreOptions & {ttlSeconds: number};
  done(error?: unknown, result?: 'retired'): void;
}

/**
 * The file store's `set`: writes that arrive while a session's previous batch is being written
 * go together in the next batch, which syncs the folder once. `written(bytes)` counts what was
 * written, for the store's usage.
 */
export function batchedWrites(
  folders: SessionFolders,
  serialized: ReturnType<typeof serialQueue>,
  now: () => number,
  written: (bytes: number) => void,
) {
  /** The stored size of every namespace when a quota applies to the batch, else undefined. */
  const quotaSizes = (folder: string, batch: Write[]) =>
    batch.some(({options: {quota}}) => limits(quota)) ? folderSizes(folder) : undefined;

  /** Writes one batch of a session: the quota checked in arrival order, late writes refused,
   * the rest written together and the folder synced once. */
  const commit = async (session: string, batch: Write[], retried = false): Promise<void> => {
    const folder = folders.folderOf(session);
    const known = await folders.expiry(session);
    if (!(known > now())) {
      // A retired id (deleted, adopted, expired) is never revived by a write that needs it live.
      const retired = batch.filter((write) => write.options.existing);
      retired.forEach((write) => write.done(undefined, 'retired'));
      batch = batch.filter((write) => !write.options.existing);
      if (!batch.length) return;
    }
    const expires = await folders.open(session, known);
    const sizes = quotaSizes(folder, batch);
    const accepted = new Map<string, Write>();
    const refused = new Set<Write>();
    for (const write of batch) {
      try {
        checkDeadline(write.options, now());
        if (sizes) countWithinQuota(sizes, write.namespace, Buffer.byteLength(write.text), write.options.quota);
        accepted.set(write.namespace, write); // a later write of a namespace supersedes an earlier one
      } catch (error) {
        refused.add(write);
        write.done(error);
      }
    }
    const writing = [...accepted.values()];
    if (!writing.length) return;
    for (const write of writing) written(Buffer.byteLength(write.text));
    const files = writing.map((write): [string, string] => [`${write.namespace}.json`, write.text]);
    const ttlSeconds = Math.max(...batch.map((write) => write.options.ttlSeconds));
    const target = expiryFrom(now(), ttlSeconds);
    const sliding = !expires || dueToSlide(expires, now(), ttlSeconds);
    if (sliding) files.unshift([EXPIRES, String(target)]);
    try {
      await writeFiles(folder, files, {
        sync: true,
        deadline: Math.min(...writing.map((write) => write.options.deadline ?? Infinity)),
      });
    } catch (error) {
      folders.remember(session, undefined); // the folder may be gone: read the truth next time
      // Another process removed the folder (a clear, a sweep) since this one read its expiry.
      if (missing(error) && !retried)
        return commit(
          session,
          batch.filter((write) => !refused.has(write)),
          true,
        );
      throw error;
    }
    if (sliding) folders.remember(session, target);
    for (const write of batch) if (!refused.has(write)) write.done();
  };

  const batches = new Map<string, Write[]>();
  return async (
    session: string,
    namespace: string,
    data: StoredState,
    options: StoreOptions & {ttlSeconds: number},
  ): Promise<void | 'retired'> => {
    folders.folderOf(session);
    return new Promise<void | 'retired'>((resolve, reject) => {
      let batch = batches.get(session);
      if (!batch) {
        const next: Write[] = (batch = []);
        batches.set(session, next);
        serialized(session, () => {
          batches.delete(session);
          return commit(session, next);
        }).catch((error) => next.forEach((write) => write.done(error)));
      }
      batch.push({
        namespace,
        text: JSON.stringify(data),
        options,
        done: (error, result) => (error ? reject(error) : resolve(result)),
      });
    });
  };
}
