import {readdir, rm, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {ABANDONED_MS, ADOPTING, type SessionFolders} from './file-layout.js';
import {isStoreKey} from './identity.js';

/**
 * Sweeping the file store: expired sessions, temp files and claimed folders left by a crash are
 * removed, and the bytes of namespace files counted on the way, for `usage()`.
 */
export function sweeper(folders: SessionFolders, now: () => number) {
  const {dir} = folders;
  /** The bytes of namespace files the last sweep counted, and those this process wrote since
   * (overwrites counted again: the estimate errs on the full side). */
  let counted: {bytes: number} | undefined;
  let writtenSince = 0;
  /** Removes what has expired or was abandoned; resolves how many folders and files went. */
  const sweep = async () => {
    let removed = 0;
    let bytes = 0;
    writtenSince = 0;
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      const folder = join(dir, entry.name);
      if (
        entry.isDirectory() &&
        entry.name.endsWith(ADOPTING) &&
        ((await stat(folder).catch(() => undefined))?.mtimeMs ?? Infinity) < now() - ABANDONED_MS
      ) {
        await rm(folder, {recursive: true, force: true}); // claimed by a process that ended before it merged
        removed++;
      }
      if (!entry.isDirectory() || !isStoreKey(entry.name)) continue;
      try {
        // Read, not remembered: a sweep over every folder must not push out the busy sessions.
        const expires = await folders.storedExpiry(entry.name);
        // A folder that never got its expiry (a crash while creating it) is removed once abandoned.
        if (expires ? expires <= now() : (await stat(folder)).mtimeMs < now() - ABANDONED_MS) {
          await folders.remove(entry.name);
          removed++;
          continue;
        }
        for (const name of await readdir(folder)) {
          const file = await stat(join(folder, name));
          if (name.endsWith('.json')) bytes += file.size;
          if (name.endsWith('.tmp') && file.mtimeMs < now() - ABANDONED_MS) {
            await rm(join(folder, name), {force: true});
            removed++;
          }
        }
      } catch {
        // A folder that vanished or is being written: the next sweep sees it.
      }
    }
    counted = {bytes};
    return removed;
  };
  return {
    sweep,
    /** Counts bytes this process wrote since the last sweep. */
    wrote: (bytes: number) => void (writtenSince += bytes),
    /** Sessions: the folders there are now (every process's); bytes: the last sweep's count and
     * this process's writes since (a first call sweeps). */
    async usage() {
      if (!counted) await sweep();
      const sessions = (await readdir(dir)).filter(isStoreKey).length;
      return {sessions, bytes: counted!.bytes + writtenSince};
    },
  };
}
