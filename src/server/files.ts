import {randomUUID} from 'node:crypto';
import {closeSync, fdatasync, fsync, openSync, renameSync, rm, writeSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {StoreUnavailableError} from './store.js';

// Opening, writing, renaming and closing a small file only touch the page cache: done directly,
// they cost less than a thread-pool round trip each. The waits for the disk (the syncs) stay
// asynchronous, so the event loop never waits for it. (better-sqlite3 makes the same trade.)
const syncData = promisify(fdatasync);
const syncAll = promisify(fsync);
const remove = promisify(rm);

/** Whether `error` says the file or folder does not exist. */
export const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** Syncs a folder, so the names created or renamed in it survive a crash. */
export async function syncFolder(folder: string): Promise<void> {
  const fd = openSync(folder, 'r');
  try {
    await syncAll(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `files` ([name, text] pairs) into `folder` atomically, each a temp file renamed over
 * its name, so a reader or a crash sees the old content or the new, never a part. With `sync`
 * the data and then the folder are synced once for all of them. Past `deadline` (epoch ms) the
 * temp files are removed before any rename and nothing changes.
 */
export async function writeFiles(folder: string, files: readonly [name: string, text: string][], {sync = false, deadline = Infinity} = {}): Promise<void> {
  const temps = files.map(([name]) => join(folder, `.${name}.${randomUUID()}.tmp`));
  try {
    await Promise.all(files.map(async ([, text], i) => {
      const fd = openSync(temps[i]!, 'w', 0o600);
      try {
        const bytes = Buffer.from(text);
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
        if (sync) await syncData(fd);
      } finally {
        closeSync(fd);
      }
    }));
    if (Date.now() > deadline) throw new StoreUnavailableError('the session store could not apply the write before its deadline');
  } catch (error) {
    await Promise.all(temps.map((temp) => remove(temp, {force: true})));
    throw error;
  }
  files.forEach(([name], i) => renameSync(temps[i]!, join(folder, name)));
  if (sync) await syncFolder(folder);
}
