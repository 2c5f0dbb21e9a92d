import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {readdir, readFile, rm} from 'node:fs/promises';
import type {StoredState} from '../core/types.js';
import {keptSecret, missing} from './atomic-files.js';
import {claimingAdoption} from './file-claims.js';
import {sessionFolders} from './file-layout.js';
import {sweeper} from './file-sweep.js';
import {batchedWrites} from './file-writes.js';
import {checkFileStore} from './option-checks.js';
import {serialQueue} from './serial-queue.js';
import {checkDeadline, dueToSlide, type SessionStore, type StoreOptions} from './session-store.js';

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
  /** Reports a failed background task (a sweep, a read's TTL slide). Default: one console.error line. */
  onError?: (error: unknown) => void;
}

/**
 * Sessions as folders in `dir`, one JSON file per namespace: the embedded default. A write is a
 * synced temp file renamed over its namespace's file, then the folder synced, so a crash (or a
 * SIGKILL) leaves the previous content readable and an acknowledged write survives power loss.
 * Writes that arrive while a session's previous batch is being written go together in the next
 * batch, which syncs the folder once. A read reads only its namespace's file. Several processes
 * may share `dir`; the quota is then checked per process, so each may admit one namespace beyond
 * it at the same moment. Expired sessions are swept.
 *
 * @example
 * ```ts
 * const store = fileStore('.page-state');
 * http.createServer(createSessionHandler({store})).listen(8080);
 * ```
 */
export function fileStore(
  dir: string,
  options: FileStoreOptions = {},
): SessionStore & {sweep(): Promise<number>; close(): void} {
  checkFileStore(dir, options);
  const {
    sweepEveryMs = 600_000,
    now = Date.now,
    onError = (error: unknown) => console.error(`page-state file store: ${String(error)}`),
  } = options;
  mkdirSync(dir, {recursive: true, mode: 0o700});
  const folders = sessionFolders(dir, now);
  /** Runs a task after every earlier task of the same session. */
  const serialized = serialQueue();
  const {sweep, wrote, usage} = sweeper(folders, now);
  // A background task must never leave an unhandled rejection: it would end the process.
  const timer = setInterval(() => void sweep().catch(onError), sweepEveryMs);
  timer.unref();

  /** Whether the session lives; a read slides its expiry too, in the background and after its writes. */
  const live = async (session: string, options: StoreOptions | undefined) => {
    const expires = await folders.expiry(session);
    if (expires <= now()) return false;
    if (options?.ttlSeconds && dueToSlide(expires, now(), options.ttlSeconds)) {
      void serialized(session, () => folders.slide(session, options.ttlSeconds!, expires)).catch(
        (error) => missing(error) || onError(error),
      );
    }
    return true;
  };
  /** A namespace file's state; undefined when it is gone (deleted meanwhile). */
  const read = async (file: string) => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as StoredState;
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  };

  return {
    async get(session, namespace, options) {
      return (await live(session, options)) ? read(folders.namespaceFile(session, namespace)) : undefined;
    },
    async all(session, options) {
      const found = new Map<string, StoredState>();
      if (!(await live(session, options))) return found;
      const folder = folders.folderOf(session);
      const names = (await readdir(folder).catch((error) => (missing(error) ? [] : Promise.reject(error))))
        .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
        .sort();
      const states = await Promise.all(names.map((name) => read(join(folder, name))));
      names.forEach((name, i) => states[i] && found.set(name.slice(0, -5), states[i]));
      return found;
    },
    set: batchedWrites(folders, serialized, now, wrote),
    delete: (session, namespace, options) =>
      serialized(session, async () => {
        checkDeadline(options, now());
        await rm(folders.namespaceFile(session, namespace), {force: true});
        const expires = await folders.expiry(session);
        if (options?.ttlSeconds && expires > now())
          await folders
            .slide(session, options.ttlSeconds, expires)
            .catch((error) => missing(error) || Promise.reject(error));
      }),
    clear: (session, options) =>
      serialized(session, async () => {
        checkDeadline(options, now());
        await folders.remove(session);
      }),
    adopt: claimingAdoption(folders, serialized, now),
    usage,
    secret: () => keptSecret(dir),
    sweep,
    close: () => clearInterval(timer),
  };
}
