// Child process of the multi-process sign-in test: a session handler over the fileStore folder
// given, identifying by the test app's own `x-user` header and adopting anonymous sessions'
// missing namespaces. Prints its port; ends when its stdin closes.
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {fileStore} from '../../src/server/file-store.js';
import {createSessionHandler} from '../../src/server/handler.js';

const store = fileStore(process.argv[2]!);
const handler = createSessionHandler({
  secret: 'a test secret of thirty-two characters',
  store,
  adoptAnonymous: 'missing',
  identify: (req) =>
    'headers' in req && !(req.headers instanceof Headers) ? (req.headers['x-user'] as string | undefined) : undefined,
});
const server = createServer((req, res) => void handler(req, res)).listen(0, '127.0.0.1', () =>
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`),
);
process.stdin.resume().on('end', () => {
  store.close();
  server.close();
  server.closeAllConnections();
});
