// `npm run bench`: every comparison side by side in one run, as absolute medians and ratios.
// Prints a table, writes bench/results/latest.json and the table in README.md. Never fails on a
// number: benchmarks record, tests assert. `node .build/bench/run.js --browser` (after tsc)
// prints the Chromium rows alone and writes nothing.
import {readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {cpus, totalmem} from 'node:os';
import {build} from 'esbuild';
import {chromium} from 'playwright-core';
import {ROUNDS, serverLoad} from './server.js';
import {SCENARIOS, type ScenarioName} from './scenarios.js';
import {sizes} from './sizes.js';
import {execFileSync} from 'node:child_process';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Plugin} from 'esbuild';

// page-state is measured as users ship it: the production build (DEV off, scripts/dev-flag.mjs).
const {devFlag} = (await import(pathToFileURL(resolve('scripts/dev-flag.mjs')).href)) as {
  devFlag(dev: boolean): Plugin;
};

async function browserBench() {
  const bundle = await build({
    entryPoints: ['bench/browser.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    plugins: [devFlag(false)],
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/bench.js')) res.writeHead(200, {'content-type': 'text/javascript'}).end(script);
    else
      res
        .writeHead(200, {'content-type': 'text/html'})
        .end('<!doctype html><script type="module" src="/bench.js"></script>');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'bench' in window);
    return {
      chromium: browser.version(),
      ...(await page.evaluate(() => (window as unknown as {bench(): Promise<any>}).bench())),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

type Row = [string, string, string, string, string];

/** The rows of the Chromium part of the bench (`--browser` prints these alone). */
function browserRows({set, task, elements, history}: Awaited<ReturnType<typeof browserBench>>): Row[] {
  return [
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

const fmt = (n: number, unit: string) =>
  `${n < 0.01 ? n.toFixed(4) : n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en')} ${unit}`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
/** A median round's ratio, with the lowest and highest round's. */
const withRounds = ({ratio, spread}: {ratio: number; spread?: [number, number]}) =>
  `${ratio.toFixed(2)}× (rounds ${spread!.map((r) => r.toFixed(2)).join('–')})`;

const started = Date.now();
console.log('page-state benchmarks: Chromium...');
const browser = await browserBench();
// --browser: the Chromium rows alone (half a minute, not the whole run's 14).
if (process.argv.includes('--browser')) {
  console.log(
    browserRows(browser)
      .map((r) => `| ${r.join(' | ')} |`)
      .join('\n'),
  );
  process.exit(0);
}
console.log('URL hydration and serialization (Node)...');
// In a Node process of their own, as a page's start has a heap of its own (the bench's, after
// Chromium and esbuild, is not one); every contender of a row runs in that same process.
await build({
  entryPoints: ['bench/url.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022',
  packages: 'external',
  outfile: '.build/bench/url.production.js',
  logLevel: 'silent',
  plugins: [devFlag(false)],
});
const {hydrate, serialize} = JSON.parse(
  execFileSync(process.execPath, ['.build/bench/url.production.js'], {encoding: 'utf8'}),
) as {
  hydrate: {pageState: number; baseline: number; nuqs: number};
  serialize: {pageState: number; nuqs: number};
};
console.log('session handler under autocannon (Node)...');
const load = await serverLoad();
const size = await sizes();
const machine = {
  cpus: `${cpus().length} × ${cpus()[0]?.model.trim()}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: browser.chromium,
};

const rows: Row[] = [
  ...browserRows(browser),
  [
    'hydrate 200 params across 20 namespaces',
    fmt(hydrate.pageState * 1000, 'µs'),
    `URLSearchParams+Number ${fmt(hydrate.baseline * 1000, 'µs')}; nuqs ${fmt(hydrate.nuqs * 1000, 'µs')}`,
    `${ratio(hydrate.pageState, hydrate.baseline)} baseline, ${ratio(hydrate.pageState, hydrate.nuqs)} nuqs`,
    '≤ 3× baseline, < nuqs',
  ],
  [
    'serialize that state to a URL',
    fmt(serialize.pageState * 1000, 'µs'),
    `nuqs createSerializer ${fmt(serialize.nuqs * 1000, 'µs')}`,
    ratio(serialize.pageState, serialize.nuqs),
    '(record)',
  ],
  ...(
    [
      ['memory', 'memory store, 1,000 sessions (the handler alone)', '(record)'],
      [
        'memoryUser',
        'memory store, 1,000 signed-in accounts (identify, keyed by HMAC)',
        'within 10 % of the anonymous row',
      ],
      ['file', 'file store, 1,000 sessions, against the same durable replace done bare', '≥ 0.7× bare, 0 lost'],
      ['fileHot', 'file store, one hot session, against the same durable replace done bare', '≥ 0.7× bare, 0 lost'],
      ['redis', 'Redis store, 1,000 sessions', '≥ 0.50× bare, 0 lost'],
    ] as const
  ).map(([kind, label, target]): [string, string, string, string, string] => [
    `session handler PUT, ${label}`,
    `${fmt(load[kind].requestsPerSecond, 'req/s')}, p99 ${load[kind].p99Ms} ms, ${load[kind].errors} errors, ${load[kind].lost} lost of ${load[kind].acknowledged}`,
    `bare node:http ${fmt(load[kind].bare.requestsPerSecond, 'req/s')}, p99 ${load[kind].bare.p99Ms} ms`,
    withRounds(load[kind]),
    target,
  ]),
  [
    '… a bare node:http server making the same Redis round trip (HSET per PUT), nothing else',
    `${fmt(load.redis.floor!.requestsPerSecond, 'req/s')}, p99 ${load.redis.floor!.p99Ms} ms, ${load.redis.floor!.lost} lost`,
    `bare node:http ${fmt(load.redis.bare.requestsPerSecond, 'req/s')}; page-state's Redis row ${ratio(load.redis.requestsPerSecond, load.redis.floor!.requestsPerSecond)} of this floor`,
    ratio(load.redis.floor!.requestsPerSecond, load.redis.bare.requestsPerSecond),
    '(record: what the round trip alone costs)',
  ],
  [
    'the disk under the file rows: durable replaces done bare (temp file, fdatasync, rename, folder fsync), 10 folders at a time',
    `${fmt(load.disk.before, '/s')} before the rows, ${fmt(load.disk.after, '/s')} after`,
    '—',
    '—',
    '(record: the file rows follow it)',
  ],
  [
    '… the signed-in row against the anonymous one, round by round (the two run back to back)',
    `${fmt(load.signedIn.user.requestsPerSecond, 'req/s')}`,
    `anonymous ${fmt(load.signedIn.anonymous.requestsPerSecond, 'req/s')}`,
    withRounds(load.signedIn),
    '≥ 0.9×',
  ],
  ...(['shared', 'pinned', 'wide'] as const).map((how): [string, string, string, string, string] => {
    const [flood, floor] = [load.flood[how], load.flood[`${how}Floor`]];
    const where = {
      shared: "16 connections, the flood's processes on the server's 2 cores",
      pinned: '16 connections, the flood on CPU 1, the server on CPU 0',
      wide: '512 connections (past the 256 refusals held), the flood on CPU 1, the server on CPU 0',
    }[how];
    return [
      `30 s flood of cookieless PUTs (16 B / 60 KB, ${where}), file store: an existing session's and a signed-in user's p99`,
      `${flood.floodedP99Ms} ms, ${flood.userFailures} failed; ${fmt(flood.floodRequests / 30, 'flood requests/s')}`,
      `idle server ${flood.idleP99Ms} ms; the floor (bare node:http, the same durable replace, every flood request refused unread) ${floor.idleP99Ms} → ${floor.floodedP99Ms} ms, ${ratio(floor.floodedP99Ms, floor.idleP99Ms)}, ${fmt(floor.floodRequests / 30, 'flood requests/s')}`,
      ratio(flood.floodedP99Ms, flood.idleP99Ms),
      how === 'wide' ? '(record: the flood past what is held, beside its floor), 0 failed' : 'within 2×, 0 failed',
    ];
  }),
  [
    '… the store after the flood',
    `${load.flood.shared.sessions} sessions, ${kib(load.flood.shared.bytes)}`,
    `budget ${load.flood.shared.budget.maxSessions} sessions, ${kib(load.flood.shared.budget.maxBytes)}; ${load.flood.shared.floodRefused} of ${load.flood.shared.floodRequests} flood requests refused`,
    '—',
    'within the budget',
  ],
  [
    "a user's GET p99 while a session at its quota (100 namespaces, 1 MiB) is read 4 at a time, file store",
    `${load.neighbours.atQuota.p99Ms} ms`,
    `beside a small session: ${load.neighbours.small.p99Ms} ms`,
    ratio(load.neighbours.atQuota.p99Ms, load.neighbours.small.p99Ms),
    'within 2×',
  ],
  // Sizes per scenario (bench/scenarios.ts): a little app bundled for production, beside its peer's.
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

const table = [
  '| benchmark | page-state | peers | ratio | target |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium}; medians of 7 runs, and for the session handler's throughput rows the median of ${ROUNDS} rounds, each beside its own bare run (the lowest and highest round in brackets).`,
].join('\n');
console.log(`\n${table}\n\n(${Math.round((Date.now() - started) / 1000)} s)`);

writeFileSync(
  'bench/results/latest.json',
  `${JSON.stringify({date: new Date().toISOString(), machine, browser, hydrate, serialize, load, size}, null, 2)}\n`,
);
const readme = readFileSync('README.md', 'utf8');
const marked = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
if (marked.test(readme))
  writeFileSync('README.md', readme.replace(marked, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`));
