// Child process of the crash test: writes ever-growing values into one session of a file store
// and reports each acknowledged write on stdout, until it is killed.
import {fileStore} from '../../src/server/file-store.js';

const [dir, session] = process.argv.slice(2) as [string, string];
const store = fileStore(dir);
for (let i = 1; ; i++) {
  await store.set(session, `ns${i % 5}`, {version: 1, values: {n: i, blob: 'x'.repeat(20_000 + (i % 7) * 10_000)}}, {ttlSeconds: 3600});
  process.stdout.write(`${i}\n`);
}
