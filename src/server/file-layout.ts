import {mkdir, readFile, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {missing, syncFolder, writeFiles} from './atomic-files.js';
import {remember} from './bounded-memory.js';
import {isStoreKey} from './identity.js';
import {dueToSlide, expiryFrom} from './session-store.js';

/** The file in a session's folder that holds its expiry (epoch ms). */
export const EXPIRES = '.expires';
/** Temp files and unfinished folders older than this were left by a crash. */
export const ABANDONED_MS = 60_000;
/** The suffix of an anonymous session's folder claimed by a sign-in: renamed, so one process wins. */
export const ADOPTING = '.adopting';

/**
 * The file store's layout in `dir`: a folder per session (or account key), a `<namespace>.json`
 * file per namespace and the session's expiry in {@link EXPIRES}; with the expiries this process
 * wrote or read. Any process only moves an expiry later, so a remembered future one spares the
 * read; a folder removed meanwhile shows up as ENOENT on the next write.
 */
export function sessionFolders(dir: string, now: () => number) {
  const folderOf = (session: string) => {
    if (!isStoreKey(session)) throw new Error('not a session id'); // never a path of the caller's choosing
    return join(dir, session);
  };
  const expiries = new Map<string, number>();
  /** The expiry the session's folder holds (ms), or 0 when it has none (or is still being created). */
  const storedExpiry = async (session: string) => {
    try {
      return Number(await readFile(join(folderOf(session), EXPIRES), 'utf8')) || 0;
    } catch (error) {
      if (!missing(error)) throw error;
      return 0;
    }
  };
  /** Writes a full TTL from now as the session's expiry; `sync` makes it survive a crash. */
  const restart = async (session: string, ttlSeconds: number, sync = false) => {
    const target = expiryFrom(now(), ttlSeconds);
    await writeFiles(folderOf(session), [[EXPIRES, String(target)]], {sync});
    remember(expiries, session, target);
  };
  const remove = async (session: string) => {
    expiries.delete(session);
    await rm(folderOf(session), {recursive: true, force: true, maxRetries: 3});
  };
  return {
    dir,
    folderOf,
    namespaceFile: (session: string, namespace: string) => join(folderOf(session), `${namespace}.json`),
    storedExpiry,
    /** When the session expires (ms), or 0: remembered while in the future, else read. */
    async expiry(session: string) {
      const known = expiries.get(session);
      return known !== undefined && known > now() ? known : remember(expiries, session, await storedExpiry(session));
    },
    /** Remembers an expiry this process wrote; `undefined` forgets it (the folder may be gone). */
    remember: (session: string, expires: number | undefined) =>
      expires === undefined ? expiries.delete(session) : remember(expiries, session, expires),
    restart,
    /** Moves a live session's expiry to a full TTL from now, when it is due to. */
    async slide(session: string, ttlSeconds: number, expires: number) {
      if (dueToSlide(expires, now(), ttlSeconds)) await restart(session, ttlSeconds);
    },
    remove,
    /** The expiry of a live session (ms), or 0 after creating its folder: an expired session
     * starts afresh; a folder without an expiry yet is a session another process is creating this
     * very moment, and is left alone. */
    async open(session: string, expires: number) {
      if (expires > now()) return expires;
      if (expires) await remove(session);
      await mkdir(folderOf(session), {recursive: true, mode: 0o700});
      await syncFolder(dir); // the new folder itself survives a crash
      return 0;
    },
  };
}

/** What {@link sessionFolders} makes. */
export type SessionFolders = ReturnType<typeof sessionFolders>;
