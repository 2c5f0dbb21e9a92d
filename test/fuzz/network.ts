import type {StoredState} from '../../src/core/types.js';
import type {SessionHandler} from '../../src/server/transport.js';

/**
 * A browser's network to the real session handler (its `fetch` form, over a memory store), with
 * one cookie jar, that can hold requests and deliver them in any order the test picks.
 */
export class Network {
  /** While true, requests wait in `held` until delivered. */
  holding = false;
  readonly held: (() => void)[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();
  #cookie = '';

  constructor(private readonly handler: SessionHandler) {}

  readonly fetch = ((input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const send = () => {
        const sent = this.#send(String(input), init).then(resolve, reject);
        this.#inFlight.add(sent);
        void sent.finally(() => this.#inFlight.delete(sent));
      };
      if (this.holding) this.held.push(send);
      else send();
    })) as typeof globalThis.fetch;

  async #send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookie) headers.set('cookie', this.#cookie);
    const {signal: _, ...rest} = init;
    const response = await this.handler.fetch(new Request(new URL(path, 'https://app.test'), {...rest, headers}));
    const set = response.headers.get('set-cookie');
    if (set) this.#cookie = /Max-Age=0/.test(set) ? '' : set.split(';')[0]!;
    return response;
  }

  /** Delivers held request `i` (modulo how many are held), if any. */
  deliver(i: number): void {
    if (this.held.length) this.held.splice(i % this.held.length, 1)[0]!();
  }

  /** Resolves once no delivered request is still on its way. */
  async idle(): Promise<void> {
    while (this.#inFlight.size) await Promise.all(this.#inFlight);
  }

  /** What the server holds for `namespace` in this browser's session (a GET that nothing holds answers 204). */
  async read(namespace: string): Promise<StoredState | undefined> {
    const response = await this.#send(`/page-state/${namespace}`, {method: 'GET'});
    return response.status === 204 ? undefined : ((await response.json()) as StoredState);
  }
}
