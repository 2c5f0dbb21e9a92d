// Redux DevTools over the real remote protocol (issue 23): @redux-devtools/cli's server on a free
// loopback port, the page connected through @redux-devtools/remote with the debugging guide's recipe
// (docs/recipes/devtools-remote.ts, bundled from the packed package), and the monitor's side
// played by a socketcluster client as the monitor app speaks: log in, START, read the actions,
// send a time-travel DISPATCH, and see the page's state and URL follow.
import {strict as assert} from 'node:assert';
import {once} from 'node:events';
import {after, before, describe, it} from 'node:test';
import {spawn, type ChildProcess} from 'node:child_process';
import type {Browser} from 'playwright-core';
// @ts-expect-error: socketcluster-client ships no types; the part used is typed below.
import socketClusterClient from 'socketcluster-client';
import {freePort, launch, staticServer, watchConsole} from './harness.js';

/** The part of a socketcluster client the monitor's side uses. */
type Channel = AsyncIterable<unknown> & {listener(event: 'subscribe'): {once(): Promise<unknown>}};
type Socket = {
  invoke(name: string, data: unknown): Promise<unknown>;
  subscribe(channel: string): Channel;
  transmit(channel: string, data: unknown): Promise<void>;
  disconnect(): void;
};
const connectSocket = (options: {hostname: string; port: number; autoReconnect: boolean}): Socket =>
  (socketClusterClient as {create(o: unknown): Socket}).create(options);
type Message = {type: string; id?: string; name?: string; action?: string; payload?: string; nextActionId?: number};

describe('Redux DevTools through a remote monitor (@redux-devtools/cli)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;
  let port: number;
  let monitor: Socket;
  let cli: ChildProcess;
  const messages: Message[] = [];
  const waiters: (() => void)[] = [];
  /** Resolves with the first message (seen or to come) that `match` accepts. */
  const next = (match: (m: Message) => boolean) =>
    new Promise<Message>((resolve) => {
      const look = () => {
        const found = messages.find(match);
        if (found) return (resolve(found), true);
        return false;
      };
      if (!look()) waiters.push(() => void look());
    });

  before(async () => {
    port = await freePort();
    // The CLI's server in a process of its own (it has no close()); report storage (sqlite)
    // unused: the relay between page and monitor is what is tested.
    const options = {
      port,
      logLevel: 1,
      dbOptions: {client: 'sqlite3', connection: {filename: ':memory:'}, useNullAsDefault: true, migrate: false},
    };
    const script = `const {default: start} = await import('@redux-devtools/cli'); await (await start(${JSON.stringify(options)})).ready; console.log('ready');`;
    cli = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'inherit']});
    const [ready] = (await Promise.race([once(cli.stdout!, 'data'), once(cli, 'exit')])) as [Buffer | number];
    assert.match(String(ready), /ready/, 'the @redux-devtools/cli server did not start');
    server = await staticServer((path) =>
      path === '/devtools'
        ? `<!doctype html><meta charset="utf-8"><script type="module" src="/.build/bundles/devtools-remote.js"></script>`
        : undefined,
    );
    browser = await launch();
    monitor = connectSocket({hostname: '127.0.0.1', port, autoReconnect: false});
    const channel = monitor.subscribe((await monitor.invoke('login', 'monitor')) as string);
    // Subscribed before the page loads: its first messages (START) must not pass unheard.
    await channel.listener('subscribe').once();
    void (async () => {
      for await (const data of channel) {
        messages.push(data as Message);
        waiters.splice(0).forEach((wake) => wake());
      }
    })();
  });
  after(async () => {
    monitor?.disconnect();
    await browser?.close();
    await server?.close();
    cli?.kill();
  });

  it('sends each change as an action with its cause, and a JUMP_TO_ACTION from the monitor restores state and URL', async () => {
    const page = await browser.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.base}/devtools#port=${port}`);
    const hello = await next((m) => m.type === 'START' && m.name === 'e2e');
    // The page says START before its own subscription to the monitor's channel is confirmed, and
    // nothing tells the monitor when it is (the monitor app has the same race): say START again
    // until the page answers with its state.
    const answered = next((m) => m.type === 'STATE' && m.id === hello.id);
    let answer: Message | undefined;
    for (let tries = 0; !answer && tries < 100; tries++) {
      void monitor.transmit('respond', {type: 'START', id: hello.id});
      answer = await Promise.race([answered, new Promise<undefined>((resolve) => setTimeout(resolve, 100))]);
    }
    assert.ok(answer, 'the page never answered START');

    await page.evaluate(() =>
      (window as unknown as {filters: {set(k: string, v: unknown): void}}).filters.set('q', 'lamp'),
    );
    const lamp = await next(
      (m) =>
        m.type === 'ACTION' &&
        JSON.parse(m.action!).action.type === 'Filters/q' &&
        JSON.parse(m.payload!).root.Filters.q === 'lamp',
    );
    const action = JSON.parse(lamp.action!).action;
    assert.deepEqual(action.payload, {
      value: 'lamp',
      previous: '',
      source: 'set',
      cause: 'written by code or a binding',
    });
    await page.evaluate(() =>
      (window as unknown as {filters: {set(values: object): void}}).filters.set({q: 'boots', page: 2}),
    );
    await next((m) => m.type === 'ACTION' && JSON.parse(m.payload!).root.Filters.page === 2);
    await page.waitForURL((url) => url.search === '?f_q=boots&f_p=2');

    void monitor.transmit('respond', {
      type: 'DISPATCH',
      id: hello.id,
      action: {type: 'JUMP_TO_ACTION', actionId: lamp.nextActionId! - 1},
    });
    await page.waitForURL((url) => url.search === '?f_q=lamp');
    assert.deepEqual(await page.evaluate(() => (window as unknown as {filters: {dump(): unknown}}).filters.dump()), {
      q: 'lamp',
      page: 1,
    });
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
