import {randomBytes, randomUUID} from 'node:crypto';
import {
  closeSync,
  fdatasync,
  fsync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rm,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {checkDeadline} from './session-store.js';

// Small files are opened, written, renamed and closed synchronously, the syncs awaited: why,
// beside the bench's file-store rows (bench/server-rows.ts).
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
export async function writeFiles(
  folder: string,
  files: readonly [name: string, text: string][],
  {sync = false, deadline}: {sync?: boolean; deadline?: number} = {},
): Promise<void> {
  const temps = files.map(([name]) => join(folder, `.${name}.${randomUUID()}.tmp`));
  try {
    await Promise.all(
      files.map(async ([, text], i) => {
        const fd = openSync(temps[i]!, 'w', 0o600);
        try {
          const bytes = Buffer.from(text);
          for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
          if (sync) await syncData(fd);
        } finally {
          closeSync(fd);
        }
      }),
    );
    checkDeadline({deadline});
  } catch (error) {
    await Promise.all(temps.map((temp) => remove(temp, {force: true})));
    throw error;
  }
  files.forEach(([name], i) => renameSync(temps[i]!, join(folder, name)));
  if (sync) await syncFolder(folder);
}

/** The size of every namespace file (`<name>.json`) in a session folder, by name, read directly
 * like the writes (why: the bench's file-store rows). */
export function folderSizes(folder: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.json') && !name.startsWith('.'))
      sizes.set(name.slice(0, -5), statSync(join(folder, name)).size);
  }
  return sizes;
}

/** The secret kept in `dir/secret`, generated (mode 0600) by whichever process comes first. */
export function keptSecret(dir: string): string {
  const path = join(dir, 'secret');
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if (!missing(error)) throw error;
  }
  // Created whole or not at all: a complete temp file linked into place (link fails if another
  // process got there first, and then its secret is the one), so no process reads a half file.
  const temp = join(dir, `.secret.${randomUUID()}.tmp`);
  writeFileSync(temp, randomBytes(32).toString('base64url'), {mode: 0o600});
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, {force: true});
  }
  return readFileSync(path, 'utf8').trim();
}
