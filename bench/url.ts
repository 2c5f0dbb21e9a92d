// Node: hydrating a URL with 200 params across 20 namespaces, and serializing that state back,
// against a hand-written URLSearchParams + Number() baseline and nuqs's parsers/serializer.
import {createLoader, createSerializer, parseAsInteger} from 'nuqs/server';
import {defineState} from '../src/core/schema/define.js';
import {stateVar} from '../src/core/schema/state-var.js';
import {StateStore} from '../src/core/store/store.js';
import {urlLayer} from '../src/url/url-layer.js';
import type {HistoryPort} from '../src/url/history-port.js';
import {UrlService} from '../src/url/url-service.js';
import {median} from './stats.js';

const range = (n: number) => Array.from({length: n}, (_, i) => i);
const definitions = range(20).map((n) =>
  defineState(`Hydrate${n}`, {
    urlPrefix: `n${n}_`,
    vars: Object.fromEntries(range(10).map((v) => [`v${v}`, stateVar.int(0)])),
  }),
);
const keys = range(20).flatMap((n) => range(10).map((v) => `n${n}_v${v}`));
const search = keys.map((key, i) => `${key}=${i + 1}`).join('&');
const host = {change() {}, error() {}};
const port = (href: string): HistoryPort & {href(): string} => {
  let url = href;
  return {
    href: () => url,
    state: () => null,
    write: (next) => void (url = next),
    listen: () => () => {},
    now: () => 0,
    later() {},
  };
};
const REPEAT = 200;

export async function hydration() {
  const href = `https://app.test/?${search}`;
  const loaders = definitions.map((d) =>
    createLoader(Object.fromEntries(d.keys.map((k) => [d.urlPrefix + k, parseAsInteger.withDefault(0)]))),
  );
  const contenders: Record<'pageState' | 'baseline' | 'nuqs', () => void> = {
    pageState: () => {
      const service = new UrlService(port(href));
      for (const d of definitions) new StateStore(d, {host, layers: [urlLayer(d, service, 'query')]});
    },
    baseline: () => {
      const params = new URLSearchParams(search);
      const values: Record<string, number> = {};
      for (const key of keys) {
        const n = Number(params.get(key));
        values[key] = Number.isSafeInteger(n) ? n : 0;
      }
    },
    nuqs: () => {
      const params = new URLSearchParams(search);
      for (const load of loaders) load(params);
    },
  };
  // Each hydration is one page start: one task, whose end (a microtask, where a store delivers
  // its start's events) is measured with it. The three take turns, round after round, so a
  // slow spell of this shared VM falls on all of them alike; each result is its median round.
  const rounds: Record<keyof typeof contenders, number[]> = {pageState: [], baseline: [], nuqs: []};
  for (let round = 0; round < 15; round++) {
    for (const [name, fn] of Object.entries(contenders) as [keyof typeof contenders, () => void][]) {
      const start = performance.now();
      for (let i = 0; i < REPEAT; i++) {
        fn();
        await null;
      }
      rounds[name].push((performance.now() - start) / REPEAT);
    }
  }
  const mid = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  return {
    pageState: mid(rounds.pageState.slice(1)),
    baseline: mid(rounds.baseline.slice(1)),
    nuqs: mid(rounds.nuqs.slice(1)),
  };
}

export async function serialization() {
  const service = new UrlService(port('https://app.test/'));
  const stores = definitions.map((d) => new StateStore(d, {host, layers: [urlLayer(d, service, 'query')]}));
  const serialize = createSerializer(Object.fromEntries(keys.map((k) => [k, parseAsInteger.withDefault(0)])));
  let round = 0;
  const pageState = async () => {
    round++;
    for (const [n, store] of stores.entries())
      store.set(Object.fromEntries(range(10).map((v) => [`v${v}`, round * 1000 + n * 10 + v])) as never);
    await Promise.resolve(); // the flush, queued before this continuation, renders the URL once
  };
  const nuqs = () => {
    round++;
    return serialize('https://app.test/', Object.fromEntries(keys.map((k, i) => [k, round * 1000 + i])));
  };
  const per = async (fn: () => unknown) =>
    (await median(async () => {
      for (let i = 0; i < REPEAT; i++) await fn();
    })) / REPEAT;
  return {pageState: await per(pageState), nuqs: await per(nuqs)};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify({hydrate: await hydration(), serialize: await serialization()}));
}
