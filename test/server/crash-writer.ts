// Child process of the crash test: keeps 4 writes in flight into one session of a file store
// (so they go in batches), values growing, and reports each acknowledged `namespace n` on stdout
// until it is killed.
import {fileStore} from '../../src/server/file-store.js';

const [dir, session] = process.argv.slice(2) as [string, string];
const store = fileStore(dir);
let next = 1;
const writer = async () => {
  for (;;) {
    const n = next++;
    await store.set(
      session,
      `ns${n % 5}`,
      {version: 1, values: {n, blob: 'x'.repeat(20_000 + (n % 7) * 10_000)}},
      {ttlSeconds: 3600},
    );
    process.stdout.write(`ns${n % 5} ${n}\n`);
  }
};
await Promise.all([writer(), writer(), writer(), writer()]);
