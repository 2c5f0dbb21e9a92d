import {randomUUID} from 'node:crypto';
import {open, rename, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {StoreUnavailableError} from './store.js';

/** Whether `error` says the file or folder does not exist. */
export const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** Syncs a folder, so the names created or renamed in it survive a crash. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
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
      const handle = await open(temps[i]!, 'w', 0o600);
      try {
        await handle.writeFile(text);
        if (sync) await handle.datasync();
      } finally {
        await handle.close();
      }
    }));
    if (Date.now() > deadline) throw new StoreUnavailableError('the session store could not apply the write before its deadline');
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, {force: true})));
    throw error;
  }
  await Promise.all(files.map(([name], i) => rename(temps[i]!, join(folder, name))));
  if (sync) await syncFolder(folder);
}
