import {randomBytes, randomUUID} from 'node:crypto';
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {open, readdir, readFile, rename, rm, stat} from 'node:fs/promises';
import {join} from 'node:path';
import type {StoredState} from '../core/ports.js';
import {isSessionId} from './cookie.js';
import type {SessionStore} from './store.js';

interface SessionFile {
  expires: number;
  data: Record<string, StoredState>;
}

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
}

/**
 * Sessions as files in `dir`, one JSON file per session: the embedded default. Writes go to a
 * temp file that is synced and then renamed over the old one, so a crash mid-write leaves the
 * previous content readable; writes to one session are serialized, so concurrent writes to
 * different namespaces all survive. Expired sessions are swept.
 *
 * @example
 * ```ts
 * const store = fileStore('.page-state');
 * http.createServer(createSessionHandler({store})).listen(8080);
 * ```
 */
export function fileStore(dir: string, options: FileStoreOptions = {}): SessionStore & {sweep(): Promise<number>; close(): void} {
  const {sweepEveryMs = 600_000, now = Date.now} = options;
  mkdirSync(dir, {recursive: true, mode: 0o700});
  const pathOf = (session: string) => {
    if (!isSessionId(session)) throw new Error('not a session id'); // never a path of the caller's choosing
    return join(dir, `${session}.json`);
  };
  const read = async (session: string): Promise<SessionFile | undefined> => {
    try {
      const file = JSON.parse(await readFile(pathOf(session), 'utf8')) as SessionFile;
      return file.expires > now() ? file : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  const write = async (session: string, file: SessionFile) => {
    const temp = join(dir, `.${session}.${randomUUID()}.tmp`);
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(file));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, pathOf(session));
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
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      try {
        const expired = name.endsWith('.json')
          ? (JSON.parse(await readFile(path, 'utf8')) as SessionFile).expires <= now()
          : name.endsWith('.tmp') && (await stat(path)).mtimeMs < now() - 60_000;
        if (expired) {
          await rm(path, {force: true});
          removed++;
        }
      } catch {
        // A file that vanished or is being replaced: the next sweep sees it.
      }
    }
    return removed;
  };
  const timer = setInterval(() => void sweep(), sweepEveryMs);
  timer.unref();

  return {
    get: async (session, namespace) => (await read(session))?.data[namespace],
    set: (session, namespace, data, ttlSeconds) =>
      serialized(session, async () => {
        const file = (await read(session)) ?? {expires: 0, data: {}};
        file.data[namespace] = data;
        file.expires = now() + ttlSeconds * 1000;
        await write(session, file);
      }),
    delete: (session, namespace) =>
      serialized(session, async () => {
        const file = await read(session);
        if (!file || !(namespace in file.data)) return;
        delete file.data[namespace];
        await write(session, file);
      }),
    clear: (session) => serialized(session, () => rm(pathOf(session), {force: true})),
    secret() {
      const path = join(dir, 'secret');
      try {
        return readFileSync(path, 'utf8').trim();
      } catch {
        writeFileSync(path, randomBytes(32).toString('base64url'), {mode: 0o600, flag: 'wx'});
        chmodSync(path, 0o600);
        return readFileSync(path, 'utf8').trim();
      }
    },
    sweep,
    close: () => clearInterval(timer),
  };
}
