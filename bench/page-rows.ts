// The rows of what runs in a page: the Chromium part, URL hydration and serialization (Node),
// and the bundle sizes. A note beside a row says what in the code it explains.
import {fmt, kib, ratio, type Row} from './format.js';
import type {BrowserResults} from './chromium.js';
import type {firstPaintBench} from './first-paint.js';
import {SCENARIOS, type ScenarioName} from './scenarios.js';
import type {sizes} from './sizes.js';

/** The rows of the Chromium part of the bench (`--browser` prints these alone). */
export function browserRows({set, task, elements, history}: BrowserResults): Row[] {
  return [
    // Why set() is as fast as it is, in src/core/store: a store's values are a plain object, which
    // V8 keeps in fast mode (var names are identifier-safe and never __proto__, constructor or
    // prototype: defineState refuses them); its defaults are put in place directly, not through
    // valid() (set()'s path: fed every var of every store, it slowed this row); one var is set
    // without the arrays a multi-set needs; and a change costs its DOM event one Map lookup, an
    // array only for a key's first change of the task.
    [
      'set() of a validated int var, memory store',
      fmt(set.pageState * 1e6, 'ns'),
      `nanostores setKey ${fmt(set.nanostores * 1e6, 'ns')}; plain write ${fmt(set.plain * 1e6, 'ns')}`,
      ratio(set.pageState, set.nanostores),
      '≤ 2× nanostores',
    ],
    [
      'set() of a validated int var, URL-bound',
      fmt(set.pageStateUrl * 1e6, 'ns'),
      `nanostores setKey ${fmt(set.nanostores * 1e6, 'ns')}`,
      ratio(set.pageStateUrl, set.nanostores),
      '≤ 2× nanostores',
    ],
    [
      '1,000 sets in one task: one URL write, one DOM event per key',
      `one key: ${task.oneKey.writes} write, ${task.oneKey.events} event; two keys: ${task.twoKeys.writes} write, ${task.twoKeys.events} events`,
      '—',
      '—',
      '1 write; 1 event, then 2',
    ],
    [
      '1,000 Lit elements, one key changed: re-renders per change',
      String(elements.pageState.renders),
      `nanostores StoreController ${elements.nanostores.renders}`,
      ratio(elements.pageState.renders, elements.nanostores.renders),
      'exactly 1',
    ],
    [
      '1,000 Lit elements, one key changed: time per change (50 changes a sample)',
      fmt(elements.pageState.time, 'ms'),
      `nanostores ${fmt(elements.nanostores.time, 'ms')}`,
      ratio(elements.pageState.time, elements.nanostores.time),
      'faster than nanostores',
    ],
    [
      '… the same namespace kept out of the URL',
      `${fmt(elements.pageStateMemory.time, 'ms')}, ${elements.pageStateMemory.renders} re-render`,
      `nanostores ${fmt(elements.nanostores.time, 'ms')}`,
      ratio(elements.pageStateMemory.time, elements.nanostores.time),
      'faster than nanostores',
    ],
    ['history writes: 1,000 sets in one task', String(history.burst), '—', '—', '1'],
    [
      'history writes: 100 sets/s for 10 s',
      `${history.sustained} (busiest 10 s: ${history.busiest10s}; last value ${history.lastArrived ? 'arrived' : 'MISSING'})`,
      '—',
      '—',
      '≤ 100 per 10 s',
    ],
  ];
}

/** The first-paint row: the server's value on screen after navigation start, with the bootstrap and without. */
export function firstPaintRow(times: Awaited<ReturnType<typeof firstPaintBench>>): Row {
  // With the bootstrap, the value is in the page: it shows in the frame the page's script first
  // renders, with no request after it (src/persist/bootstrap.ts: read once, at the first namespace's
  // start). Without it, the GET leaves only once the script has run: a round trip after that frame.
  return [
    `server value on screen after navigation start (${times.latency} ms round trip, medians of ${times.runs} loads)`,
    `${fmt(times.withBootstrap, 'ms')} with the bootstrap (first paint ${fmt(times.firstPaintWith, 'ms')})`,
    `without it ${fmt(times.without, 'ms')} (first paint ${fmt(times.firstPaintWithout, 'ms')})`,
    ratio(times.withBootstrap, times.without),
    'with it: no later than the first paint without it',
  ];
}

/** What bench/url.ts measured, in its Node process of its own. */
export interface UrlResults {
  hydrate: {pageState: number; baseline: number; nuqs: number};
  serialize: {pageState: number; nuqs: number};
}

/** The rows of URL hydration and serialization. */
export function urlRows({hydrate, serialize}: UrlResults): Row[] {
  return [
    // Class fields keep ES2022's define semantics (tsconfig.json): compiled as constructor
    // assignments they save a few bytes but slow this row by a quarter (the URL service's
    // arrow-function fields then run in its constructor). A store binds its methods on first read
    // (src/core/store/bound-methods.ts): eleven bind() calls per store at construction were a
    // quarter of this row, explicit `this.x = this.x.bind(this)` lines saved only 8 % of it, and
    // arrow closures cost more than bind(). A flush with no ops (the landing) marks the entry
    // without parsing and rendering the whole URL (28 %); the start's held events go to the host
    // at the end of the task without the per-key merge (10 %).
    [
      'hydrate 200 params across 20 namespaces',
      fmt(hydrate.pageState * 1000, 'µs'),
      `URLSearchParams+Number ${fmt(hydrate.baseline * 1000, 'µs')}; nuqs ${fmt(hydrate.nuqs * 1000, 'µs')}`,
      `${ratio(hydrate.pageState, hydrate.baseline)} baseline, ${ratio(hydrate.pageState, hydrate.nuqs)} nuqs`,
      '≤ 3× baseline, < nuqs',
    ],
    // A namespace's param texts (src/core/url-codec/param-codec.ts) are an Object.create(null): V8
    // keeps it a hash table, where a {} grown key by key on every flush slows to O(n) per write
    // past a few hundred vars.
    [
      'serialize that state to a URL',
      fmt(serialize.pageState * 1000, 'µs'),
      `nuqs createSerializer ${fmt(serialize.nuqs * 1000, 'µs')}`,
      ratio(serialize.pageState, serialize.nuqs),
      '(record)',
    ],
  ];
}

/** The rows of bundle sizes: each scenario beside its peer, the CDN files, the whole toolkit. */
export function sizeRows(size: Awaited<ReturnType<typeof sizes>>): Row[] {
  return [
    // Per scenario (bench/scenarios.ts): a little app bundled for production, beside its peer's.
    ...(Object.keys(SCENARIOS) as ScenarioName[]).map((name): [string, string, string, string, string] => {
      const {title, peer, must} = SCENARIOS[name];
      const {pageState, onDemand} = size.scenarios[name];
      return [
        `${title}: its production bundle's first load, min+gzip, lit left out`,
        `${kib(pageState)}${onDemand ? ` (+ ${kib(onDemand)} on demand)` : ''}`,
        `${peer.title} ${kib(size.scenarios[name].peer)}, react left out`,
        ratio(pageState, size.scenarios[name].peer),
        must ? `≤ ${must / 1024} KiB; goal: smaller than its peer` : '(record)',
      ];
    }),
    ['No build step: dist/page-state.js, Lit included, gzip', kib(size.cdn), '—', '—', '≤ 20 KiB'],
    [
      "Everything: the whole toolkit's own code, production, min+gzip",
      kib(size.everything),
      '—',
      '—',
      'a ratchet (test/build/size.test.ts)',
    ],
    ['dist/page-state.inspector.js, loaded on demand, gzip', kib(size.inspector), '—', '—', '≤ 8 KiB'],
  ];
}
