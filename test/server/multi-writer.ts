// Child process of the multi-process tests: `secret` prints the store's secret; `write` writes
// namespaces `first`..`last` spread over the given sessions and prints how many were acknowledged.
import {fileStore} from '../../src/server/file-store.js';

const [dir, task, ...rest] = process.argv.slice(2) as [string, string, ...string[]];
const store = fileStore(dir);
if (task === 'secret') process.stdout.write(store.secret!());
else {
  const [first, last, ...sessions] = rest as [string, string, ...string[]];
  const writes = [];
  for (let i = Number(first); i <= Number(last); i++) {
    writes.push(
      store
        .set(sessions[i % sessions.length]!, `ns${i}`, {version: 1, values: {n: i}}, {ttlSeconds: 3600})
        .then(() => 1),
    );
  }
  process.stdout.write(String((await Promise.all(writes)).length));
}
store.close();
