// `npm run bench`: every comparison side by side in one run, as absolute medians and ratios.
// Prints a table, writes bench/results/latest.json and the table in docs/reference/benchmarks.md. Never fails on a
// number: benchmarks record, tests assert. `node .build/bench/run.js --browser` (after tsc)
// prints the Chromium rows alone and writes nothing; `--first-paint` (after the build too) the
// first-paint row alone. The rows, with notes on what in the code
// each explains, are bench/page-rows.ts's and bench/server-rows.ts's.
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {cpus, totalmem} from 'node:os';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {browserBench} from './chromium.js';
import type {Row} from './format.js';
import {firstPaintBench} from './first-paint.js';
import {browserRows, firstPaintRow, sizeRows, urlRows, type UrlResults} from './page-rows.js';
import {ROUNDS, serverLoad} from './server.js';
import {serverRows} from './server-rows.js';
import {sizes} from './sizes.js';

// page-state is measured as users ship it: the production build (DEV off, scripts/dev-flag.mjs).
const {devFlag} = (await import(pathToFileURL(resolve('scripts/dev-flag.mjs')).href)) as {
  devFlag(dev: boolean): Plugin;
};

const started = Date.now();
const row = (cells: Row) => `| ${cells.join(' | ')} |`;
// --first-paint: that row alone (after `node scripts/build.mjs`: it serves dist/page-state.js).
if (process.argv.includes('--first-paint')) {
  console.log(row(firstPaintRow(await firstPaintBench())));
  process.exit(0);
}
console.log('page-state benchmarks: Chromium...');
const browser = await browserBench();
// --browser: the Chromium rows alone (half a minute, not the whole run's 14).
if (process.argv.includes('--browser')) {
  console.log(browserRows(browser).map(row).join('\n'));
  process.exit(0);
}
console.log('first paint, with the bootstrap and without (Chromium)...');
const firstPaint = await firstPaintBench();
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
) as UrlResults;
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
  firstPaintRow(firstPaint),
  ...urlRows({hydrate, serialize}),
  ...serverRows(load),
  ...sizeRows(size),
];

const table = [
  '| benchmark | page-state | peers | ratio | target |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(row),
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium}; medians of 7 runs, and for the session handler's throughput rows the median of ${ROUNDS} rounds, each beside its own bare run (the lowest and highest round in brackets).`,
].join('\n');
console.log(`\n${table}\n\n(${Math.round((Date.now() - started) / 1000)} s)`);

writeFileSync(
  'bench/results/latest.json',
  `${JSON.stringify({date: new Date().toISOString(), machine, browser, firstPaint, hydrate, serialize, load, size}, null, 2)}\n`,
);
const PAGE = 'docs/reference/benchmarks.md';
const page = readFileSync(PAGE, 'utf8');
const marked = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
if (marked.test(page)) writeFileSync(PAGE, page.replace(marked, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`));
