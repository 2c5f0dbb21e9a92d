// Model-based test of the URL rules and of a store's life: random sequences of set, reset,
// focus, touch, watching a namespace (a controller host, a binding) and letting it go, clear()
// with the network holding the writes already sent, a store created inside another store's
// listener, other writers' pushes and replaces, router links whose view reads a namespace, and back/forward (with a router's listener
// reading state before page-state hears of the traversal), over four namespaces: Nav (plain),
// Work (selfish, shares Nav, a push var, persisted in memory), Side (persisted on the server
// through the real handler, over a network whose requests the test delivers in any order) and
// Late (created in a listener). Checked after every command against a small reference model.
// Failures print a replayable seed.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {defineState, type StateDefinition} from '../../src/core/schema/define.js';
import {StateScope, type StoreFactory} from '../../src/runtime/scope.js';
import {stateVar} from '../../src/core/schema/state-var.js';
import {StateStore} from '../../src/core/store/store.js';
import {persistLayer} from '../../src/persist/storage-layer.js';
import {serverStorage} from '../../src/persist/server-storage.js';
import {memoryStorage} from '../../src/persist/web-storage.js';
import {createSessionHandler, memoryStore} from '../../src/server/index.js';
import {urlLayer} from '../../src/url/url-layer.js';
import {UrlService} from '../../src/url/url-service.js';
import {FakeHistory, flushed} from '../url/fake-history.js';
import {Network} from './network.js';
import {Model, NAMESPACES, PARAM, type Ns, type Url} from './url-model.js';

const href = (url: Url) => `https://app.test/${url.length ? `?${new URLSearchParams(url)}` : ''}`;
type Store = StateStore<{n: ReturnType<typeof stateVar.int>}>;

/** The real thing: one page's URL service, a scope creating its stores, the network to the server. */
class Real {
  readonly port = new FakeHistory('https://app.test/');
  readonly network = new Network(
    createSessionHandler({secret: 'the URL model test secret, 32+ chars', store: memoryStore()}),
  );
  readonly server = serverStorage('/page-state', {fetch: this.network.fetch, debounceMs: 0, retryMs: 60_000});
  readonly scope: StateScope;
  readonly definitions: Record<Ns, StateDefinition<any>>;
  readonly stores = {} as Record<Ns, Store>;
  readonly watching = {} as Partial<Record<Ns, () => void>>;
  /** A clear() whose promise is still pending (its delete waits on the network). */
  clears: Promise<void>[] = [];
  /** What Late's onInit and a listener of its first change got from its scope. */
  readonly lateSeen: StateStore<any>[] = [];

  constructor() {
    const service = new UrlService(this.port);
    const local = memoryStorage();
    const persisted: Partial<Record<string, ReturnType<typeof memoryStorage>>> = {Work: local};
    const factory: StoreFactory = (definition, options) => {
      const adapter = definition.name === 'Side' ? this.server : persisted[definition.name];
      const layers = [urlLayer(definition, service, 'query')];
      if (adapter) layers.push(persistLayer(definition, 'session', adapter));
      return new StateStore(definition, {...options, persist: adapter ? 'session' : false, layers});
    };
    // A listener of Late's changes (as a page-state-change listener would be) asks for its store.
    const host = {
      change: ({namespace}: {namespace: string}) =>
        namespace === 'Late' && this.lateSeen.push(this.scope.resolve(this.definitions.late)),
      error() {},
    };
    this.scope = new StateScope(host, undefined, factory);
    const n = (urlKey: string, history: 'push' | 'replace' = 'replace') => ({n: stateVar.int(0, {urlKey, history})});
    this.definitions = {
      nav: defineState('Nav', {vars: n('v')}),
      work: defineState('Work', {urlPrefix: 'w_', urlSelfish: true, shareUrlWith: ['Nav'], vars: n('w', 'push')}),
      side: defineState('Side', {urlPrefix: 's_', vars: n('s')}),
      late: defineState('Late', {
        vars: n('l'),
        onInit: () => void this.lateSeen.push(this.scope.resolve(this.definitions.late)),
      }),
    };
    for (const ns of ['nav', 'work', 'side'] as const)
      this.stores[ns] = this.scope.resolve(this.definitions[ns]) as Store;
  }

  /** Every URL write, save and server request done (none held by the network). */
  async settle() {
    await flushed();
    this.port.advance(1000); // lets the rate limiter refill, as real time would
    await flushed();
    for (let i = 0; i < 3 && !this.network.held.length; i++) {
      void this.server.flush();
      await flushed();
      await this.network.idle();
    }
    await flushed();
  }
}

const check = async (model: Model, real: Real) => {
  const url = new URL(real.port.url);
  assert.deepEqual([...url.searchParams], model.url, 'URL');
  assert.deepEqual(
    real.port.stack.map((h) => [...new URL(h).searchParams]),
    model.stack.map((e) => e.url),
    'history entries',
  );
  for (const ns of NAMESPACES)
    if (real.stores[ns]) assert.equal(real.stores[ns].peek('n'), model.values[ns], `${ns} value`);
  assert.equal(!!real.stores.late, model.created, 'Late created');
  for (const seen of real.lateSeen)
    assert.equal(seen, real.stores.late, 'one store of Late, whoever asks during its start');
  if (!real.network.held.length) {
    const stored = await real.network.read('Side');
    assert.equal(stored?.values.n, model.server, 'Side on the server');
  }
};

type Command = fc.AsyncCommand<Model, Real>;
const command = (
  label: string,
  ok: (m: Model) => boolean,
  onModel: (m: Model) => void,
  onReal: (r: Real, m: Model) => void | Promise<void>,
): Command => ({
  check: ok,
  async run(model, real) {
    await onReal(real, model);
    onModel(model);
    model.flush();
    await real.settle();
    await check(model, real);
  },
  toString: () => label,
});

const live = (m: Model) => NAMESPACES.filter((n) => n !== 'late' || m.created);
const ns = fc.constantFrom<Ns>(...NAMESPACES);
const text = fc.constantFrom('0', '1', '2', '3', 'x');
/** A URL another writer makes: some of our params (valid or not) and a foreign one. */
const foreignUrl: fc.Arbitrary<Url> = fc
  .tuple(fc.subarray(NAMESPACES), fc.array(text, {minLength: 4, maxLength: 4}), fc.boolean())
  .map(([nss, texts, junk]) => [
    ...nss.map((n, i): [string, string] => [PARAM[n], texts[i]!]),
    ...(junk ? [['x', '1'] as [string, string]] : []),
  ]);
const commands = [
  fc.tuple(ns, fc.integer({min: 0, max: 3})).map(([n, v]) =>
    command(
      `set(${n}, ${v})`,
      (m) => live(m).includes(n),
      (m) => (m.touch(n), m.change(n, v)),
      (r) => r.stores[n].set('n', v),
    ),
  ),
  ns.map((n) =>
    command(
      `reset(${n})`,
      (m) => live(m).includes(n),
      (m) => m.change(n, 0),
      (r) => r.stores[n].reset(),
    ),
  ),
  ns.map((n) =>
    command(
      `focus(${n})`,
      (m) => live(m).includes(n),
      (m) => m.ops.push(['write', n], ['claim', n]),
      (r) => r.stores[n].focus(),
    ),
  ),
  ns.map((n) =>
    command(
      `touch(${n})`,
      (m) => live(m).includes(n),
      (m) => m.touch(n),
      (r) => void r.stores[n].get('n'),
    ),
  ),
  ns.map((n) =>
    command(
      `watch(${n})`,
      (m) => live(m).includes(n) && !m.watched[n],
      (m) => m.watch(n),
      (r) => void (r.watching[n] = r.stores[n].subscribe(() => {})),
    ),
  ),
  ns.map((n) =>
    command(
      `unwatch(${n})`,
      (m) => m.watched[n],
      (m) => (m.watched[n] = false),
      (r) => r.watching[n]!(),
    ),
  ),
  // A listener of a change that asks for a store nobody made yet: it is made there, and it is
  // the one store of its namespace (a second stateOf gets it too).
  fc.tuple(fc.constantFrom<Ns>('nav', 'work', 'side'), fc.integer({min: 1, max: 3})).map(([n, v]) =>
    command(
      `set(${n}, ${v}) with a listener creating Late`,
      (m) => !m.created && m.values[n] !== v,
      (m) => {
        if (!m.watched[n]) m.show(n); // the listener is a watcher while it listens
        m.touch(n);
        m.change(n, v);
        m.create();
      },
      (r) => {
        const made: StateStore<any>[] = [];
        const stop = r.stores[n].subscribe(() =>
          made.push(r.scope.resolve(r.definitions.late), r.scope.resolve(r.definitions.late)),
        );
        r.stores[n].set('n', v);
        stop();
        assert.equal(made.length, 2);
        r.stores.late = made[0] as Store;
        for (const seen of [made[1], ...r.lateSeen])
          assert.equal(seen, r.stores.late, 'one store of Late, whoever asks during its start');
      },
    ),
  ),
  fc.constant(
    command(
      'clear(side)',
      () => true,
      (m) => m.clear('side'),
      (r) => void r.clears.push(r.stores.side.clear()),
    ),
  ),
  fc.constant(
    command(
      'the network holds requests',
      (m) => !m.holding,
      (m) => (m.holding = true),
      (r) => void (r.network.holding = true),
    ),
  ),
  fc.nat({max: 3}).map((i) =>
    command(
      `the network delivers held request #${i}`,
      (m) => m.holding,
      () => {},
      (r) => r.network.deliver(i),
    ),
  ),
  fc.constant(
    command(
      'the network delivers everything',
      (m) => m.holding,
      (m) => (m.holding = false),
      async (r) => {
        r.network.holding = false;
        while (r.network.held.length) r.network.deliver(0);
        await Promise.all(r.clears.splice(0));
      },
    ),
  ),
  foreignUrl.map((url) =>
    command(
      `otherPushes(${href(url)})`,
      () => true,
      (m) => m.otherPushes(url),
      (r) => r.port.foreignPush(href(url)),
    ),
  ),
  // A router link: its push, then the view it renders reads a namespace (a persisted one takes
  // its stored value where the link lacks its param, and the read puts it into the URL).
  fc.tuple(foreignUrl, ns).map(([url, reader]) =>
    command(
      `a router link to ${href(url)} renders ${reader}`,
      (m) => live(m).includes(reader),
      (m) => (m.otherPushes(url), m.touch(reader)),
      (r) => {
        r.port.foreignPush(href(url));
        void r.stores[reader].get('n');
      },
    ),
  ),
  fc.tuple(ns, text).map(([n, t]) =>
    command(
      `otherReplaces(${n}=${t})`,
      () => true,
      () => {},
      (r, m) => {
        const url: Url = m.url.some(([k]) => k === PARAM[n])
          ? m.url.map(([k, v]) => [k, k === PARAM[n] ? t : v])
          : [...m.url, [PARAM[n], t]];
        m.replace(url);
        r.port.foreignReplace(href(url));
      },
    ),
  ),
  fc.nat({max: 5}).map((i) =>
    command(
      `otherRemoves(#${i})`,
      (m) => m.url.length > 0,
      () => {},
      (r, m) => {
        const url = m.url.filter((_, j) => j !== i % m.url.length);
        m.replace(url);
        r.port.foreignReplace(href(url));
      },
    ),
  ),
  fc
    .tuple(fc.constantFrom(-1, 1), fc.option(fc.constantFrom<Ns>('nav', 'work', 'side'), {nil: undefined}))
    .map(([delta, reader]) =>
      command(
        `${delta < 0 ? 'back' : 'forward'}${reader ? ` (a router reads ${reader} first)` : ''}`,
        (m) => m.at + delta >= 0 && m.at + delta < m.stack.length,
        (m) => {
          const left = JSON.stringify(m.url);
          m.traverse(delta);
          // Its read is a touch of the entry arrived at, whether before or after page-state hears of
          // the traversal; only between two equal URLs can a read before it not tell (the entry left's).
          if (reader && JSON.stringify(m.url) !== left) m.touch(reader);
        },
        (r) => r.port.go(delta, reader && (() => void r.stores[reader].get('n'))),
      ),
    ),
];

describe("URL rules and a store's life against a reference model", () => {
  it('keeps the URL, the history entries, the values and the server equal to the model after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, {maxCommands: 30, size: 'large'}), async (cmds) => {
        const real = new Real();
        await real.stores.side.ready;
        await real.settle();
        await fc.asyncModelRun(() => ({model: new Model(), real}), cmds);
        real.network.holding = false;
        while (real.network.held.length) real.network.deliver(0);
      }),
      {seed: 20261201, numRuns: 500, includeErrorInReport: true},
    );
  });
});
