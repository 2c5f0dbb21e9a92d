import {after, before} from 'node:test';
import {createClient} from 'redis';
import {fileStore, type FileStoreOptions} from '../../src/server/file-store.js';
import {redisStore} from '../../src/server/redis-store.js';
import {memoryStore, type SessionStore} from '../../src/server/session-store.js';
import {tempDir} from '../temp-dir.js';
import {startRedis, type RedisProcess} from './redis-server.js';

/**
 * The three stores, for a suite that runs each case against every one of them: registers the
 * suite's before/after (a redis-server of its own, file stores closed). `file(dir?)` makes a
 * file store in a fresh folder (or `dir`, with `options`); each Redis store gets a key prefix of its own.
 */
export function everyStore(name: string) {
  let redis: RedisProcess;
  let client: ReturnType<typeof createClient>;
  const files: ReturnType<typeof fileStore>[] = [];
  before(async () => {
    redis = await startRedis();
    client = createClient({url: redis.url, disableOfflineQueue: true});
    await client.connect();
  });
  after(async () => {
    files.forEach((store) => store.close());
    await client.quit();
    await redis.stop();
  });
  const file = (dir = tempDir(name), options?: FileStoreOptions) => {
    const store = fileStore(dir, options);
    files.push(store);
    return store;
  };
  let prefixes = 0;
  const stores: [string, () => SessionStore][] = [
    ['memory', () => memoryStore()],
    ['file', () => file()],
    ['redis', () => redisStore(client, {prefix: `${name}-${++prefixes}:`})],
  ];
  return {stores, file};
}
