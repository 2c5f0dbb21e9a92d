import {once} from 'node:events';
import {createServer, request, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {SessionHandler} from '../../src/server/transport.js';

/** Serves `handler` on a free loopback port. */
export async function serve(
  handler: SessionHandler,
): Promise<{base: string; server: Server; close: () => Promise<void>}> {
  const server = createServer((req, res) => void handler(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const {port} = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const json = {'content-type': 'application/json'};

/** A raw request, for paths fetch would normalize (`..`). */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  return new Promise<{status: number; headers: Record<string, string | string[] | undefined>; body: string}>(
    (resolve, reject) => {
      const req = request(`${base}${path}`, {method, headers}, (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => (text += c))
          .on('end', () => resolve({status: res.statusCode!, headers: res.headers, body: text}));
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}

/** The `name=value` part of a Set-Cookie header. */
export const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';
