// Runs in Chromium (bundled by bench/run.ts): set() throughput, 1,000 bound Lit elements, and
// history writes under bursts and a sustained stream.
import {StoreController} from '@nanostores/lit';
import {html, LitElement} from 'lit';
import {map} from 'nanostores';
import {defineState, stateOf, stateVar, StateController, StateStore} from '../src/index.js';
import {median} from './stats.js';

const N = 100_000;
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

async function setThroughput() {
  const memory = new StateStore(defineState('BenchMemory', {vars: {n: stateVar.int(0)}}));
  const mirrored = stateOf(defineState('BenchUrl', {urlPrefix: 'b_', vars: {n: stateVar.int(0)}}));
  const $map = map({n: 0});
  const plain = {n: 0};
  const loop = (write: (i: number) => void) => () => {
    for (let i = 0; i < N; i++) write(i);
  };
  // The URL-bound store flushes once, at the end of the task: that write is part of its cost.
  const flushed = (write: (i: number) => void) => async () => {
    loop(write)();
    await Promise.resolve();
  };
  return {
    pageState: (await median(loop((i) => memory.set('n', i)))) / N,
    pageStateUrl: (await median(flushed((i) => mirrored.set('n', i)))) / N,
    nanostores: (await median(loop((i) => $map.setKey('n', i)))) / N,
    plain: (await median(loop((i) => (plain.n = i)))) / N,
    // What the URL-bound row pays for the contract's page-state-change event of each change
    // (a root-scope store dispatches it on document): the same event, made and dispatched bare.
    domEvent:
      (await median(
        loop((i) =>
          document.dispatchEvent(
            new CustomEvent('bench-change', {
              detail: {namespace: 'BenchUrl', key: 'n', value: i, previous: i - 1, source: 'set'},
              bubbles: true,
              composed: true,
            }),
          ),
        ),
      )) / N,
  };
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
  const measure = async (cells: (InstanceType<typeof PsCell> | NsCell)[], change: (v: number) => void) => {
    let value = 0;
    let rendered = 0;
    const time = await median(async () => {
      renders = 0;
      change(++value);
      await Promise.all(cells.map((c) => c.updateComplete));
      rendered = renders;
    });
    cells.forEach((c) => c.remove());
    return {time, renders: rendered};
  };
  const store = stateOf(Wide);
  const pageState = await measure(await mount('ps-cell'), (v) => store.set('k500' as never, v as never));
  const memory = stateOf(Memory);
  const pageStateMemory = await measure(await mount('ps-memory-cell'), (v) => memory.set('k500' as never, v as never));
  const nanostores = await measure(await mount('ns-cell'), (v) => $wide.setKey('k500', v));
  return {pageState, pageStateMemory, nanostores};
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
  bench: async () => ({set: await setThroughput(), elements: await thousandElements(), history: await historyWrites()}),
});
