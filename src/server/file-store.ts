import {randomBytes, randomUUID} from 'node:crypto';
import {linkSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {mkdir, open, readdir, readFile, rename, rm, stat} from 'node:fs/promises';
import {join} from 'node:path';
import type {StoredState} from '../core/ports.js';
import {isSessionId} from './cookie.js';
import {checkQuota, type SessionStore} from './store.js';

/**
 * Options of {@link fileStore}.
 *
 * @example
 * ```ts
 * fileStore('/var/lib/app/page-state', {sweepEveryMs: 60_000});
 * ```
 */
export interface FileStoreOptions {
  /** How often expired sessions (and temp files left by a crash) are removed. Default 10 min. */
  sweepEveryMs?: number;
  now?: () => number;
  /** Reports a failed background sweep (a removed directory, a full disk). Default: one console.error line. */
  onError?: (error: unknown) => void;
}

const EXPIRES = '.expires';
const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Writes `text` to `path` atomically: a synced temp file renamed over it, then the folder synced. */
async function writeAtomically(folder: string, name: string, text: string, sync: boolean) {
  const temp = join(folder, `.${name}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text);
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(folder, name));
  if (!sync) return;
  const dir = await open(folder, 'r');
  try {
    await dir.sync(); // the rename itself survives a crash
  } finally {
    await dir.close();
  }
}

/**
 * Sessions as folders in `dir`, one JSON file per namespace: the embedded default. A write
 * touches only its namespace's file (a synced temp file renamed over it, the folder synced),
 * so a crash mid-write leaves the previous content readable; a read reads only the namespace
 * asked for, however large the session. Writes to one session are serialized in this process.
 * Expired sessions are swept.
 *
 * @example
 * ```ts
 * const store = fileStore('.page-state');
 * http.createServer(createSessionHandler({store})).listen(8080);
 * ```
 */
export function fileStore(dir: string, options: FileStoreOptions = {}): SessionStore & {sweep(): Promise<number>; close(): void} {
  const {sweepEveryMs = 600_000, now = Date.now, onError = (error: unknown) => console.error(`page-state file store: sweep failed: ${String(error)}`)} = options;
  mkdirSync(dir, {recursive: true, mode: 0o700});
  const folderOf = (session: string) => {
    if (!isSessionId(session)) throw new Error('not a session id'); // never a path of the caller's choosing
    return join(dir, session);
  };
  /** When the session expires (ms), or 0 when it has no folder. */
  const expiry = async (folder: string) => {
    try {
      return Number(await readFile(join(folder, EXPIRES), 'utf8')) || 0;
    } catch (error) {
      if (missing(error)) return 0;
      throw error;
    }
  };
  const queues = new Map<string, Promise<unknown>>();
  /** Runs `task` after every earlier task of the same session. */
  const serialized = <T>(session: string, task: () => Promise<T>): Promise<T> => {
    const run = (queues.get(session) ?? Promise.resolve()).then(task, task);
    const settled = run.catch(() => {});
    queues.set(session, settled);
    void settled.then(() => queues.get(session) === settled && queues.delete(session));
    return run;
  };

  const sweep = async () => {
    let removed = 0;
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      if (!entry.isDirectory() || !isSessionId(entry.name)) continue;
      const folder = join(dir, entry.name);
      try {
        if ((await expiry(folder)) <= now()) {
          await rm(folder, {recursive: true, force: true});
          removed++;
          continue;
        }
        for (const name of await readdir(folder)) {
          if (name.endsWith('.tmp') && (await stat(join(folder, name))).mtimeMs < now() - 60_000) {
            await rm(join(folder, name), {force: true});
            removed++;
          }
        }
      } catch {
        // A folder that vanished or is being written: the next sweep sees it.
      }
    }
    return removed;
  };
  // A background task must never leave an unhandled rejection: it would end the process.
  const timer = setInterval(() => void sweep().catch(onError), sweepEveryMs);
  timer.unref();

  return {
    async get(session, namespace) {
      const folder = folderOf(session);
      if ((await expiry(folder)) <= now()) return undefined;
      try {
        return JSON.parse(await readFile(join(folder, `${namespace}.json`), 'utf8')) as StoredState;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    set: (session, namespace, data, ttlSeconds, quota) =>
      serialized(session, async () => {
        const folder = folderOf(session);
        const expires = await expiry(folder);
        // An expired session starts afresh; a folder without an expiry yet is a session another
        // process is creating this very moment, and is left alone.
        if (expires && expires <= now()) await rm(folder, {recursive: true, force: true});
        await mkdir(folder, {recursive: true, mode: 0o700});
        const text = JSON.stringify(data);
        if (quota && (Number.isFinite(quota.namespaces) || Number.isFinite(quota.bytes))) {
          let count = 1;
          let bytes = Buffer.byteLength(text);
          for (const name of await readdir(folder)) {
            if (!name.endsWith('.json') || name.startsWith('.') || name === `${namespace}.json`) continue;
            count++;
            bytes += (await stat(join(folder, name))).size;
          }
          checkQuota(count, bytes, quota);
        }
        await writeAtomically(folder, `${namespace}.json`, text, true);
        // The expiry slides at most once per tenth of the TTL: most writes leave it alone.
        const target = now() + ttlSeconds * 1000;
        if (expires < target - ttlSeconds * 100) await writeAtomically(folder, EXPIRES, String(target), false);
      }),
    delete: (session, namespace) => serialized(session, () => rm(join(folderOf(session), `${namespace}.json`), {force: true})),
    clear: (session) => serialized(session, () => rm(folderOf(session), {recursive: true, force: true})),
    secret() {
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
    },
    sweep,
    close: () => clearInterval(timer),
  };
}
