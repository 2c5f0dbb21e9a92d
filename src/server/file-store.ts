import {linkSync, mkdirSync, readdirSync, statSync} from 'node:fs';
import {mkdir, readdir, readFile, rename, rm, stat} from 'node:fs/promises';
import {randomUUID} from 'node:crypto';
import {join} from 'node:path';
import type {StoredState} from '../core/types.js';
import {isStoreKey} from './identity.js';
import {folderSizes, keptSecret, missing, syncFolder, writeFiles} from './atomic-files.js';
import {checkFileStore} from './options.js';
import {remember} from './bounded-memory.js';
import {serialQueue} from './serial-queue.js';
import {checkDeadline, dueToSlide, expiryFrom, type SessionStore, type StoreOptions} from './session-store.js';
import {countWithinQuota, limits} from './quota.js';

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

const EXPIRES = '.expires';
/** Temp files and unfinished folders older than this were left by a crash. */
const ABANDONED_MS = 60_000;
/** The suffix of an anonymous session's folder claimed by a sign-in: renamed, so one process wins. */
const ADOPTING = '.adopting';

/** A write waiting for its session's next batch. */
interface Write {
  namespace: string;
  text: string;
  options: StoreOptions & {ttlSeconds: number};
  done(error?: unknown, result?: 'retired'): void;
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
  const folderOf = (session: string) => {
    if (!isStoreKey(session)) throw new Error('not a session id'); // never a path of the caller's choosing
    return join(dir, session);
  };
  /** Expiries this process wrote or read. Any process only moves one later, so a remembered
   * future expiry spares the read; a removed folder shows up as ENOENT on the next write. */
  const expiries = new Map<string, number>();
  /** The expiry the session's folder holds (ms), or 0 when it has none (or is still being created). */
  const stored = async (session: string) => {
    try {
      return Number(await readFile(join(folderOf(session), EXPIRES), 'utf8')) || 0;
    } catch (error) {
      if (!missing(error)) throw error;
      return 0;
    }
  };
  /** When the session expires (ms), or 0: remembered while in the future, else read. */
  const expiry = async (session: string) => {
    const known = expiries.get(session);
    return known !== undefined && known > now() ? known : remember(expiries, session, await stored(session));
  };
  /** Moves a live session's expiry to a full TTL from now, when it is due to. */
  const slide = async (session: string, ttlSeconds: number, expires: number) => {
    if (!dueToSlide(expires, now(), ttlSeconds)) return;
    const target = expiryFrom(now(), ttlSeconds);
    await writeFiles(folderOf(session), [[EXPIRES, String(target)]]);
    remember(expiries, session, target);
  };

  /** Runs a task after every earlier task of the same session. */
  const serialized = serialQueue();
  const remove = async (session: string) => {
    expiries.delete(session);
    await rm(folderOf(session), {recursive: true, force: true, maxRetries: 3});
  };

  /** The expiry of a live session (ms), or 0 after creating its folder: an expired session
   * starts afresh; a folder without an expiry yet is a session another process is creating this
   * very moment, and is left alone. */
  const opened = async (session: string, expires: number) => {
    if (expires > now()) return expires;
    if (expires) await remove(session);
    await mkdir(folderOf(session), {recursive: true, mode: 0o700});
    await syncFolder(dir); // the new folder itself survives a crash
    return 0;
  };

  /** Writes one batch of a session: the quota checked in arrival order, late writes refused,
   * the rest written together and the folder synced once. */
  const commit = async (session: string, batch: Write[], retried = false): Promise<void> => {
    const folder = folderOf(session);
    const known = await expiry(session);
    if (!(known > now())) {
      // A retired id (deleted, adopted, expired) is never revived by a write that needs it live.
      const retired = batch.filter((write) => write.options.existing);
      retired.forEach((write) => write.done(undefined, 'retired'));
      batch = batch.filter((write) => !write.options.existing);
      if (!batch.length) return;
    }
    const expires = await opened(session, known);
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
    const written = [...accepted.values()];
    if (!written.length) return;
    for (const write of written) writtenSince += Buffer.byteLength(write.text);
    const files = written.map((write): [string, string] => [`${write.namespace}.json`, write.text]);
    const ttlSeconds = Math.max(...batch.map((write) => write.options.ttlSeconds));
    const target = expiryFrom(now(), ttlSeconds);
    const sliding = !expires || dueToSlide(expires, now(), ttlSeconds);
    if (sliding) files.unshift([EXPIRES, String(target)]);
    try {
      await writeFiles(folder, files, {
        sync: true,
        deadline: Math.min(...written.map((write) => write.options.deadline ?? Infinity)),
      });
    } catch (error) {
      expiries.delete(session); // the folder may be gone: read the truth next time
      // Another process removed the folder (a clear, a sweep) since this one read its expiry.
      if (missing(error) && !retried)
        return commit(
          session,
          batch.filter((write) => !refused.has(write)),
          true,
        );
      throw error;
    }
    if (sliding) remember(expiries, session, target);
    for (const write of batch) if (!refused.has(write)) write.done();
  };
  /** The stored size of every namespace when a quota applies to the batch, else undefined. */
  const quotaSizes = (folder: string, batch: Write[]) =>
    batch.some(({options: {quota}}) => limits(quota)) ? folderSizes(folder) : undefined;
  const batches = new Map<string, Write[]>();

  /** Links each namespace file of a claimed folder into session `to` where it has none (a link
   * fails on an existing name, so a value written by another process meanwhile wins), within the
   * quota, then restarts `to`'s expiry and syncs its folder. */
  const merge = async (claimed: string, to: string, options: StoreOptions & {ttlSeconds: number}) => {
    checkDeadline(options, now());
    await opened(to, await expiry(to));
    const folder = folderOf(to);
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
    const target = expiryFrom(now(), options.ttlSeconds);
    await writeFiles(folder, [[EXPIRES, String(target)]], {sync: true});
    remember(expiries, to, target);
  };

  /** The bytes of namespace files the last sweep counted, and those this process wrote since
   * (overwrites counted again: the estimate errs on the full side). */
  let counted: {bytes: number} | undefined;
  let writtenSince = 0;
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
        const expires = await stored(entry.name);
        // A folder that never got its expiry (a crash while creating it) is removed once abandoned.
        if (expires ? expires <= now() : (await stat(folder)).mtimeMs < now() - ABANDONED_MS) {
          await remove(entry.name);
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
  // A background task must never leave an unhandled rejection: it would end the process.
  const timer = setInterval(() => void sweep().catch(onError), sweepEveryMs);
  timer.unref();

  return {
    async get(session, namespace, options) {
      const expires = await expiry(session);
      if (expires <= now()) return undefined;
      // Reads slide the expiry too, in the background and after the session's writes.
      if (options?.ttlSeconds && dueToSlide(expires, now(), options.ttlSeconds)) {
        void serialized(session, () => slide(session, options.ttlSeconds!, expires)).catch(
          (error) => missing(error) || onError(error),
        );
      }
      try {
        return JSON.parse(await readFile(join(folderOf(session), `${namespace}.json`), 'utf8')) as StoredState;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async set(session, namespace, data, options) {
      folderOf(session);
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
    },
    delete: (session, namespace, options) =>
      serialized(session, async () => {
        checkDeadline(options, now());
        await rm(join(folderOf(session), `${namespace}.json`), {force: true});
        const expires = await expiry(session);
        if (options?.ttlSeconds && expires > now())
          await slide(session, options.ttlSeconds, expires).catch((error) => missing(error) || Promise.reject(error));
      }),
    clear: (session, options) =>
      serialized(session, async () => {
        checkDeadline(options, now());
        await remove(session);
      }),
    async adopt(from, to, options) {
      // The rename claims the anonymous folder: whichever request or process renames it adopts it.
      const claimed = join(dir, `.${from}.${randomUUID()}${ADOPTING}`);
      const taken = await serialized(from, async () => {
        checkDeadline(options, now());
        expiries.delete(from);
        return rename(folderOf(from), claimed).then(
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
    },
    async usage() {
      // Sessions: the folders there are now (every process's); bytes: the last sweep's count and
      // this process's writes since (a first call sweeps).
      if (!counted) await sweep();
      const sessions = (await readdir(dir)).filter(isStoreKey).length;
      return {sessions, bytes: counted!.bytes + writtenSince};
    },
    secret: () => keptSecret(dir),
    sweep,
    close: () => clearInterval(timer),
  };
}
