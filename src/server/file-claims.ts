import {linkSync, readdirSync, statSync} from 'node:fs';
import {readFile, rename, rm} from 'node:fs/promises';
import {randomUUID} from 'node:crypto';
import {join} from 'node:path';
import {folderSizes, missing} from './atomic-files.js';
import {ADOPTING, EXPIRES, type SessionFolders} from './file-layout.js';
import {countWithinQuota, limits} from './quota.js';
import type {serialQueue} from './serial-queue.js';
import {checkDeadline, type StoreOptions} from './session-store.js';

/**
 * The file store's `adopt`, safe between processes sharing the folder: a rename claims the
 * anonymous session's folder (whichever request or process renames it adopts it), and each of
 * its namespace files is linked into the account where it has none (a link fails on an existing
 * name, so a value written by another process meanwhile wins).
 */
export function claimingAdoption(
  folders: SessionFolders,
  serialized: ReturnType<typeof serialQueue>,
  now: () => number,
) {
  /** Links each namespace file of a claimed folder into session `to` where it has none, within
   * the quota, then restarts `to`'s expiry and syncs its folder. */
  const merge = async (claimed: string, to: string, options: StoreOptions & {ttlSeconds: number}) => {
    checkDeadline(options, now());
    await folders.open(to, await folders.expiry(to));
    const folder = folders.folderOf(to);
    const sizes = limits(options.quota) ? folderSizes(folder) : undefined;
    for (const name of readdirSync(claimed)) {
      const namespace = name.slice(0, -5);
      if (!name.endsWith('.json') || name.startsWith('.') || sizes?.has(namespace)) continue;
      try {
        if (sizes) countWithinQuota(sizes, namespace, statSync(join(claimed, name)).size, options.quota);
        linkSync(join(claimed, name), join(folder, name));
      } catch (error) {
        if ((error as Error).name !== 'QuotaError' && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    await folders.restart(to, options.ttlSeconds, true);
  };

  return async (from: string, to: string, options: StoreOptions & {ttlSeconds: number}): Promise<void> => {
    const claimed = join(folders.dir, `.${from}.${randomUUID()}${ADOPTING}`);
    const taken = await serialized(from, async () => {
      checkDeadline(options, now());
      folders.remember(from, undefined);
      return rename(folders.folderOf(from), claimed).then(
        () => true,
        (error) => (missing(error) ? false : Promise.reject(error)),
      );
    });
    if (!taken) return;
    try {
      if (!(Number(await readFile(join(claimed, EXPIRES), 'utf8').catch(() => 0)) > now())) return;
      await serialized(to, () => merge(claimed, to, options));
    } finally {
      await rm(claimed, {recursive: true, force: true, maxRetries: 3});
    }
  };
}
