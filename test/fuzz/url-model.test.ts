// Model-based test of the URL rules: random sequences of set, reset, focus, touch, hand edits
// and back/forward over three namespaces (one selfish that shares with another, one plain),
// checked after every flush against a small reference model. Failures print a replayable seed.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {defineState} from '../../src/core/define.js';
import {composeStore} from '../../src/core/layer.js';
import {stateVar} from '../../src/core/state-var.js';
import type {StateStore} from '../../src/core/store.js';
import {urlLayer} from '../../src/url/binding.js';
import {UrlService} from '../../src/url/service.js';
import {FakeHistory, flushed} from '../url/fake-history.js';

type Ns = 'nav' | 'work' | 'side';
const NAMESPACES: Ns[] = ['nav', 'work', 'side'];
const PARAM: Record<Ns, string> = {nav: 'v', work: 'w_w', side: 's_s'};
const SHARES: Record<Ns, Ns[]> = {nav: [], work: ['nav'], side: []};
const SELFISH: Record<Ns, boolean> = {nav: false, work: true, side: false};

/** What the URL rules say should happen, written as plainly as possible. */
class Model {
  values: Record<Ns, number> = {nav: 0, work: 0, side: 0};
  hidden: Record<Ns, boolean> = {nav: false, work: false, side: true}; // Work's start-up claim hid Side
  url: [string, string][] = [];
  stack: [string, string][][] = [[]];
  at = 0;
  ops: [kind: 'write' | 'claim', ns: Ns][] = [];
  push = false;

  text(ns: Ns) {
    return this.url.find(([k]) => k === PARAM[ns])?.[1];
  }
  wanted(ns: Ns) {
    return this.values[ns] === 0 ? undefined : String(this.values[ns]);
  }
  touch(ns: Ns) {
    if (!this.hidden[ns] && this.text(ns) !== this.wanted(ns)) this.ops.push(['write', ns]);
  }
  change(ns: Ns, value: number) {
    if (value === this.values[ns]) return;
    this.values[ns] = value;
    this.ops.push(['write', ns]);
    if (SELFISH[ns]) this.ops.push(['claim', ns]);
    this.push ||= ns === 'work'; // Work's var is history: 'push'
  }
  flush() {
    const before = JSON.stringify(this.url);
    for (const [kind, ns] of this.ops) {
      if (kind === 'write') {
        this.hidden[ns] = false;
        const at = this.url.findIndex(([k]) => k === PARAM[ns]);
        const text = this.wanted(ns);
        if (text === undefined) this.url = this.url.filter(([k]) => k !== PARAM[ns]);
        else if (at >= 0) this.url[at] = [PARAM[ns], text];
        else this.url.push([PARAM[ns], text]);
      } else {
        const allowed = [ns, ...SHARES[ns]];
        for (const other of NAMESPACES) if (!allowed.includes(other)) this.hidden[other] = true;
        this.url = this.url.filter(([k]) => allowed.some((a) => PARAM[a] === k));
      }
    }
    if (this.ops.length && JSON.stringify(this.url) !== before) {
      if (this.push) this.stack.splice(++this.at, Infinity, [...this.url]);
      else this.stack[this.at] = [...this.url];
    }
    this.ops = [];
    this.push = false;
  }
  navigate(delta: number) {
    this.at += delta;
    this.url = [...this.stack[this.at]!];
    for (const ns of NAMESPACES) {
      const text = this.text(ns);
      if (this.hidden[ns] && text === undefined) continue;
      this.hidden[ns] = false;
      this.values[ns] = text === undefined ? 0 : Number(text);
    }
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
const commands = [
  fc.tuple(ns, fc.integer({min: 0, max: 3})).map(([n, v]) =>
    command(`set(${n}, ${v})`, () => true, (m) => (m.touch(n), m.change(n, v)), (r) => r.stores[n].set('n', v))),
  ns.map((n) => command(`reset(${n})`, () => true, (m) => m.change(n, 0), (r) => r.stores[n].reset())),
  ns.map((n) => command(`focus(${n})`, () => true, (m) => m.ops.push(['write', n], ['claim', n]), (r) => r.stores[n].focus())),
  ns.map((n) => command(`touch(${n})`, () => true, (m) => m.touch(n), (r) => void r.stores[n].get('n'))),
  fc.integer({min: 1, max: 9}).map((x) =>
    command(`handEdit(add x=${x})`, () => true, () => {}, (r, m) => {
      m.url.push(['x', String(x)]);
      m.stack[m.at] = [...m.url];
      r.port.foreignReplace(`https://app.test/?${new URLSearchParams(m.url)}`);
    })),
  fc.constant(
    command('handEdit(drop first)', (m) => m.url.length > 0, () => {}, (r, m) => {
      m.url.shift();
      m.stack[m.at] = [...m.url];
      r.port.foreignReplace(`https://app.test/${m.url.length ? `?${new URLSearchParams(m.url)}` : ''}`);
    }),
  ),
  fc.constant(command('back', (m) => m.at > 0, (m) => m.navigate(-1), (r) => r.port.go(-1))),
  fc.constant(command('forward', (m) => m.at < m.stack.length - 1, (m) => m.navigate(+1), (r) => r.port.go(+1))),
];

describe('URL rules against a reference model', () => {
  it('keeps the URL equal to the model after every flush', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, {maxCommands: 30}), async (cmds) => {
        const port = new FakeHistory('https://app.test/');
        const service = new UrlService(port);
        const host = {change() {}, error() {}};
        const make = (name: string, options: object) => {
          const def = defineState(name, {vars: {n: stateVar.int(0, name === 'Work' ? {history: 'push'} : {})}, ...options});
          return composeStore(def, host, [urlLayer(def, host, service, 'query')]);
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
      {seed: 20261122, numRuns: 300},
    );
  });
});
