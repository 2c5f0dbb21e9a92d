// Model-based test of the URL rules: random sequences of set, reset, focus, touch, a bound
// element connecting, other writers' pushes and replaces, and back/forward (with a router's
// listener reading state before page-state hears of the traversal), over three namespaces (one
// selfish that shares with another, one plain), checked after every flush against a small
// reference model. Failures print a replayable seed.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {defineState} from '../../src/core/define.js';
import {stateVar} from '../../src/core/state-var.js';
import {StateStore} from '../../src/core/store.js';
import {urlLayer} from '../../src/url/binding.js';
import {UrlService} from '../../src/url/service.js';
import {FakeHistory, flushed} from '../url/fake-history.js';

type Ns = 'nav' | 'work' | 'side';
type Url = [string, string][];
const NAMESPACES: Ns[] = ['nav', 'work', 'side'];
const PARAM: Record<Ns, string> = {nav: 'v', work: 'w_w', side: 's_s'};
const SHARES: Record<Ns, Ns[]> = {nav: [], work: ['nav'], side: []};
const SELFISH: Record<Ns, boolean> = {nav: false, work: true, side: false};
const href = (url: Url) => `https://app.test/${url.length ? `?${new URLSearchParams(url)}` : ''}`;
const valid = (text: string | undefined) => text !== undefined && /^-?\d+$/.test(text);

/** What the URL rules say should happen, written as plainly as possible. */
class Model {
  values: Record<Ns, number> = {nav: 0, work: 0, side: 0};
  hidden: Record<Ns, boolean> = {nav: false, work: false, side: true}; // Work's start-up claim hid Side
  /** Another writer's replace removed its param: the next touch puts it back. */
  vanished: Record<Ns, boolean> = {nav: false, work: false, side: false};
  url: Url = [];
  stack: Url[] = [[]];
  at = 0;
  ops: [kind: 'write' | 'sync' | 'claim', ns: Ns][] = [];
  push = false;

  text(ns: Ns, url = this.url) {
    return url.find(([k]) => k === PARAM[ns])?.[1];
  }
  wanted(ns: Ns) {
    return this.values[ns] === 0 ? undefined : String(this.values[ns]);
  }
  touch(ns: Ns) {
    if (this.vanished[ns] && !this.hidden[ns]) {
      this.vanished[ns] = false;
      this.ops.push(['sync', ns]);
    }
  }
  change(ns: Ns, value: number) {
    if (value === this.values[ns]) return;
    this.values[ns] = value;
    this.ops.push(['write', ns]);
    if (SELFISH[ns]) this.ops.push(['claim', ns]);
    this.push ||= ns === 'work'; // Work's var is history: 'push'
  }
  show(ns: Ns) {
    if (this.hidden[ns]) this.ops.push(['sync', ns]);
  }
  flush() {
    const before = JSON.stringify(this.url);
    for (const [kind, ns] of this.ops) {
      if (kind === 'claim') {
        const allowed = [ns, ...SHARES[ns]];
        for (const other of NAMESPACES) if (!allowed.includes(other)) this.hidden[other] = true;
        this.url = this.url.filter(([k]) => allowed.some((a) => PARAM[a] === k));
        continue;
      }
      this.hidden[ns] = false;
      this.vanished[ns] = false;
      const at = this.url.findIndex(([k]) => k === PARAM[ns]);
      const text = this.wanted(ns);
      if (text === undefined) this.url = this.url.filter(([k]) => k !== PARAM[ns]);
      else if (at >= 0) this.url[at] = [PARAM[ns], text];
      else this.url.push([PARAM[ns], text]);
    }
    if (this.ops.length && JSON.stringify(this.url) !== before) {
      if (this.push) this.stack.splice(++this.at, Infinity, [...this.url]);
      else this.stack[this.at] = [...this.url];
    }
    this.ops = [];
    this.push = false;
  }
  /** A navigation to `url` (another writer's push, or a traversal): every namespace adopts it. */
  navigate(url: Url, correct: boolean) {
    this.url = [...url];
    for (const ns of NAMESPACES) {
      const text = this.text(ns);
      this.hidden[ns] = false;
      this.vanished[ns] = false;
      this.values[ns] = valid(text) ? Number(text) : 0;
      if (text !== undefined && !valid(text) && correct) this.ops.push(['sync', ns]);
    }
  }
  /** Another writer replaces the URL with `url`: changed params are adopted, removed ones vanish. */
  replace(url: Url) {
    for (const ns of NAMESPACES) {
      const was = this.text(ns);
      const is = this.text(ns, url);
      if (is === undefined) this.vanished[ns] ||= was !== undefined;
      else if (is !== was) {
        this.hidden[ns] = false;
        if (valid(is)) this.values[ns] = Number(is);
        else this.ops.push(['sync', ns]);
      }
    }
    this.url = [...url];
    this.stack[this.at] = [...url];
  }
}

interface Real {
  port: FakeHistory;
  stores: Record<Ns, StateStore<{n: ReturnType<typeof stateVar.int>}>>;
}

const settle = async (real: Real) => {
  await flushed();
  real.port.advance(1000); // lets the rate limiter refill, as real time would
  await flushed();
};
const check = (model: Model, real: Real) => {
  const url = new URL(real.port.url);
  assert.deepEqual([...url.searchParams], model.url, 'URL');
  assert.deepEqual(real.port.stack.map((h) => [...new URL(h).searchParams]), model.stack, 'history entries');
  for (const ns of NAMESPACES) assert.equal(real.stores[ns].peek('n'), model.values[ns], `${ns} value`);
};

type Command = fc.AsyncCommand<Model, Real>;
const command = (label: string, ok: (m: Model) => boolean, onModel: (m: Model) => void, onReal: (r: Real, m: Model) => void): Command => ({
  check: ok,
  async run(model, real) {
    onReal(real, model);
    onModel(model);
    model.flush();
    await settle(real);
    check(model, real);
  },
  toString: () => label,
});

const ns = fc.constantFrom<Ns>(...NAMESPACES);
const text = fc.constantFrom('0', '1', '2', '3', 'x');
/** A URL another writer makes: some of our params (valid or not) and a foreign one. */
const foreignUrl: fc.Arbitrary<Url> = fc
  .tuple(fc.subarray(NAMESPACES), fc.array(text, {minLength: 3, maxLength: 3}), fc.boolean())
  .map(([nss, texts, junk]) => [...nss.map((n, i): [string, string] => [PARAM[n], texts[i]!]), ...(junk ? [['x', '1'] as [string, string]] : [])]);
const commands = [
  fc.tuple(ns, fc.integer({min: 0, max: 3})).map(([n, v]) =>
    command(`set(${n}, ${v})`, () => true, (m) => (m.touch(n), m.change(n, v)), (r) => r.stores[n].set('n', v))),
  ns.map((n) => command(`reset(${n})`, () => true, (m) => m.change(n, 0), (r) => r.stores[n].reset())),
  ns.map((n) => command(`focus(${n})`, () => true, (m) => m.ops.push(['write', n], ['claim', n]), (r) => r.stores[n].focus())),
  ns.map((n) => command(`touch(${n})`, () => true, (m) => m.touch(n), (r) => void r.stores[n].get('n'))),
  ns.map((n) => command(`show(${n})`, () => true, (m) => m.show(n), (r) => r.stores[n].subscribe(() => {})())),
  foreignUrl.map((url) =>
    command(`otherPushes(${href(url)})`, () => true, (m) => {
      m.stack.splice(++m.at, Infinity, [...url]);
      m.navigate(url, true);
    }, (r) => r.port.foreignPush(href(url)))),
  fc.tuple(ns, text).map(([n, t]) =>
    command(`otherReplaces(${n}=${t})`, () => true, () => {}, (r, m) => {
      const url: Url = m.url.some(([k]) => k === PARAM[n]) ? m.url.map(([k, v]) => [k, k === PARAM[n] ? t : v]) : [...m.url, [PARAM[n], t]];
      m.replace(url);
      r.port.foreignReplace(href(url));
    })),
  fc.nat({max: 5}).map((i) =>
    command(`otherRemoves(#${i})`, (m) => m.url.length > 0, () => {}, (r, m) => {
      const url = m.url.filter((_, j) => j !== i % m.url.length);
      m.replace(url);
      r.port.foreignReplace(href(url));
    })),
  fc.tuple(fc.constantFrom(-1, 1), fc.option(ns, {nil: undefined})).map(([delta, reader]) =>
    command(
      `${delta < 0 ? 'back' : 'forward'}${reader ? ` (a router reads ${reader} first)` : ''}`,
      (m) => m.at + delta >= 0 && m.at + delta < m.stack.length,
      (m) => {
        m.at += delta;
        m.navigate(m.stack[m.at]!, false);
      },
      (r) => r.port.go(delta, reader && (() => void r.stores[reader].get('n'))),
    ),
  ),
];

describe('URL rules against a reference model', () => {
  it('keeps the URL, the history entries and the values equal to the model after every flush', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, {maxCommands: 30}), async (cmds) => {
        const port = new FakeHistory('https://app.test/');
        const service = new UrlService(port);
        const host = {change() {}, error() {}};
        const make = (name: string, options: object) => {
          const def = defineState(name, {vars: {n: stateVar.int(0)}, ...options});
          return new StateStore(def, {host, layers: [urlLayer(def, service, 'query')]});
        };
        const stores = {
          nav: make('Nav', {vars: {n: stateVar.int(0, {urlKey: 'v'})}}),
          work: make('Work', {urlPrefix: 'w_', urlSelfish: true, shareUrlWith: ['Nav'], vars: {n: stateVar.int(0, {urlKey: 'w', history: 'push'})}}),
          side: make('Side', {urlPrefix: 's_', vars: {n: stateVar.int(0, {urlKey: 's'})}}),
        } as Real['stores'];
        const real: Real = {port, stores};
        await settle(real);
        await fc.asyncModelRun(() => ({model: new Model(), real}), cmds);
      }),
      {seed: 20261122, numRuns: 400},
    );
  });
});
