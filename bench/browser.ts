// Runs in Chromium (bundled by bench/chromium.ts): set() throughput, what 1,000 sets in one task
// cost, 1,000 bound Lit elements, and history writes under bursts and a sustained stream.
import {StoreController} from '@nanostores/lit';
import {html, LitElement} from 'lit';
import {map} from 'nanostores';
import {defineState, stateOf, stateVar, StateController, StateStore} from '../src/index.js';
import {takingTurns} from './taking-turns.js';

const N = 100_000;
const CHANGES = 50;
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

async function setThroughput() {
  const memory = new StateStore(defineState('BenchMemory', {vars: {n: stateVar.int(0)}}));
  const mirrored = stateOf(defineState('BenchUrl', {urlPrefix: 'b_', vars: {n: stateVar.int(0)}}));
  const $map = map({n: 0});
  const plain = {n: 0};
  // Every contender's loop ends with its task's microtasks: the URL-bound store's one URL write
  // and one page-state-change event (a root-scope store dispatches it on document) are part of
  // its cost.
  const loop = (write: (i: number) => void) => async () => {
    for (let i = 0; i < N; i++) write(i);
    await Promise.resolve();
  };
  return takingTurns(
    {
      pageState: loop((i) => memory.set('n', i)),
      pageStateUrl: loop((i) => mirrored.set('n', i)),
      nanostores: loop((i) => $map.setKey('n', i)),
      plain: loop((i) => (plain.n = i)),
    },
    N,
  );
}

/** 1,000 sets in one task, of one key and then of two: the URL writes and DOM events they cost. */
async function oneTask() {
  const store = stateOf(defineState('BenchTask', {urlPrefix: 't_', vars: {a: stateVar.int(0), b: stateVar.int(0)}}));
  await nextTask();
  let writes = 0;
  let events = 0;
  const replace = history.replaceState;
  history.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
    writes++;
    return replace.apply(this, args);
  };
  const heard = () => events++;
  document.addEventListener('page-state-change', heard);
  const run = async (write: (i: number) => void) => {
    writes = events = 0;
    for (let i = 1; i <= 1000; i++) write(i);
    await nextTask();
    return {writes, events};
  };
  const oneKey = await run((i) => store.set('a', i));
  const twoKeys = await run((i) => store.set({a: -i, b: i}));
  document.removeEventListener('page-state-change', heard);
  history.replaceState = replace;
  return {oneKey, twoKeys};
}

async function thousandElements() {
  const keys = Array.from({length: 1000}, (_, i) => `k${i}`);
  const Wide = defineState('BenchWide', {
    urlPrefix: 'w_',
    vars: Object.fromEntries(keys.map((k) => [k, stateVar.int(0)])),
  });
  // The same namespace kept out of the URL: isolates what the URL write costs.
  const Memory = defineState('BenchWideMemory', {
    vars: Object.fromEntries(keys.map((k) => [k, stateVar.int(0, {urlKey: false})])),
  });
  const $wide = map(Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>);
  let renders = 0;
  const cell = (definition: typeof Wide) =>
    class extends LitElement {
      key = '';
      wide = new StateController(this, definition);
      override render() {
        renders++;
        return html`${(this.wide.state as Record<string, number>)[this.key]}`;
      }
    };
  class PsCell extends cell(Wide) {}
  class PsMemoryCell extends cell(Memory) {}
  class NsCell extends LitElement {
    key = '';
    wide = new StoreController(this, $wide);
    override render() {
      renders++;
      return html`${this.wide.value[this.key]}`;
    }
  }
  customElements.define('ps-cell', PsCell);
  customElements.define('ps-memory-cell', PsMemoryCell);
  customElements.define('ns-cell', NsCell);
  const mount = async (tag: string) => {
    const cells = keys.map((key) =>
      Object.assign(document.createElement(tag) as InstanceType<typeof PsCell> | NsCell, {key}),
    );
    document.body.append(...cells);
    await Promise.all(cells.map((c) => c.updateComplete));
    return cells;
  };
  // One change is ~0.5 ms, a few steps of the clock (0.1 ms in Chromium): a sample is CHANGES
  // changes, each awaited until every element of its contender has updated, for page-state and
  // nanostores alike (all three mounted, taking turns); the times and renders are per change.
  const cells = {
    pageState: await mount('ps-cell'),
    pageStateMemory: await mount('ps-memory-cell'),
    nanostores: await mount('ns-cell'),
  };
  const [store, memory] = [stateOf(Wide), stateOf(Memory)];
  const change: Record<keyof typeof cells, (v: number) => void> = {
    pageState: (v) => store.set('k500' as never, v as never),
    pageStateMemory: (v) => memory.set('k500' as never, v as never),
    nanostores: (v) => $wide.setKey('k500', v),
  };
  let value = 0;
  const rendered = {} as Record<keyof typeof cells, number>;
  const sample = (name: keyof typeof cells) => async () => {
    renders = 0;
    for (let i = 0; i < CHANGES; i++) {
      change[name](++value);
      await Promise.all(cells[name].map((c) => c.updateComplete));
    }
    rendered[name] = renders / CHANGES;
  };
  const time = await takingTurns(
    {pageState: sample('pageState'), pageStateMemory: sample('pageStateMemory'), nanostores: sample('nanostores')},
    CHANGES,
    7,
  );
  Object.values(cells).forEach((list) => list.forEach((c) => c.remove()));
  const result = (name: keyof typeof cells) => ({time: time[name], renders: rendered[name]});
  return {pageState: result('pageState'), pageStateMemory: result('pageStateMemory'), nanostores: result('nanostores')};
}

async function historyWrites() {
  const Burst = defineState('BenchBurst', {urlPrefix: 'h_', vars: {n: stateVar.int(0)}});
  const store = stateOf(Burst);
  const writes: number[] = [];
  const replace = history.replaceState;
  history.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
    writes.push(performance.now());
    return replace.apply(this, args);
  };
  await nextTask();
  writes.length = 0;
  for (let i = 1; i <= 1000; i++) store.set('n', i);
  await nextTask();
  const burst = writes.length;
  // Let the limiter's budget refill, then 100 sets per second for 10 s.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  writes.length = 0;
  const start = performance.now();
  for (let i = 1; i <= 1000; i++) {
    store.set('n', 10_000 + i);
    const due = start + i * 10;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const busiest = Math.max(...writes.map((t) => writes.filter((u) => u >= t && u < t + 10_000).length));
  history.replaceState = replace;
  return {
    burst,
    sustained: writes.length,
    busiest10s: busiest,
    lastArrived: new URLSearchParams(location.search).get('h_n') === '11000',
  };
}

Object.assign(window, {
  bench: async () => ({
    set: await setThroughput(),
    task: await oneTask(),
    elements: await thousandElements(),
    history: await historyWrites(),
  }),
});
