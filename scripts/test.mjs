// `npm test`: type checks, pure-core unit tests (Node), browser tests (Chromium), builds and
// size budgets. Every step runs; the closing line sums the counts of every runner.
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, rmSync} from 'node:fs';
import {chromium, redisCli, redisServer, TSC_7} from './tools.mjs';

process.env.CHROME_PATH = chromium();
process.env.REDIS_SERVER = redisServer();
const cli = redisCli();
if (cli) process.env.REDIS_CLI = cli;
const totals = {passed: 0, failed: 0};
const began = Date.now();
/** What the formatter and the linter check: every folder of code. */
const SOURCES = ['src', 'elements', 'test', 'bench', 'demo', 'scripts'];
/** Every published entry's source module. */
const ENTRIES = [
  'index',
  'core/index',
  'server/index',
  'testing/index',
  'inspector/index',
  'devtools/index',
  'hosts/react',
  'hosts/vue',
]
  .map((m) => `src/${m}.ts`)
  .concat('elements/index.ts');
let broken = false;

/** Runs one step; `aside`, while other steps run: its report is printed whole when it ends. */
function run(label, command, args, count, {aside = false} = {}) {
  const title = `\n── ${label}: ${command} ${args.join(' ')}`;
  if (!aside) console.log(title);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'inherit'], env: process.env});
    let output = '';
    child.stdout.on('data', (chunk) => {
      if (!aside) process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => {
      const took = `(${label}: ${Math.round((Date.now() - started) / 1000)} s)`;
      console.log(aside ? `${title}\n${output}\n${took}` : took);
      const counted = count?.(output);
      if (counted) {
        totals.passed += counted.passed;
        totals.failed += counted.failed;
      }
      if (code !== 0) {
        broken = true;
        console.log(`✖ ${label} failed (exit ${code})`);
      }
      resolve();
    });
  });
}

const last = (text, pattern) => [...text.matchAll(pattern)].at(-1);
const nodeCounts = (out) => ({
  passed: +(last(out, /ℹ pass (\d+)/g)?.[1] ?? 0),
  failed: +(last(out, /ℹ fail (\d+)/g)?.[1] ?? 0),
});
const wtrCounts = (out) => {
  const m = last(out, /(\d+) passed, (\d+) failed/g);
  return m && {passed: +m[1], failed: +m[2]};
};

/** Compiled Node test files of .build/test (browser tests are *.browser.test.js). */
const nodeTests = (only) =>
  readdirSync('.build/test', {recursive: true})
    .filter((f) => f.endsWith('.test.js') && !f.endsWith('.browser.test.js') && only(f))
    .map((f) => `.build/test/${f}`);
// The size budgets measure dist/ and the end-to-end pages load it, so they run after the build.
const afterBuild = (f) => f.startsWith('build/') || f.startsWith('e2e/');

rmSync('.build', {recursive: true, force: true});
await run('types + compile', process.execPath, [TSC_7, '-p', 'tsconfig.json']);
// The unit tests mostly wait (real TTLs, a Redis that stops), so they run beside the checks and the
// build, four files at a time.
const unitTests = existsSync('.build/test')
  ? run(
      'unit tests (Node)',
      'node',
      ['--test', '--test-concurrency=4', '--test-reporter=spec', ...nodeTests((f) => !afterBuild(f))],
      nodeCounts,
      {aside: true},
    )
  : undefined;
await run('src/core is DOM-free', process.execPath, [TSC_7, '-p', 'tsconfig.core.json']);
// Users compile with TypeScript 5.9 too (the `typescript` the tools' peer dependencies ask for).
await run('types on TypeScript 5.9', process.execPath, [
  'node_modules/typescript/bin/tsc',
  '-p',
  'tsconfig.json',
  '--noEmit',
]);
await run('Vue SFC types (vue-tsc)', process.execPath, ['scripts/vue-tsc.cjs', '-p', 'test/types/vue/tsconfig.json']);
// Import circles, type-only ones included, from every entry (elements come in through the main one).
await run('no import circles (dpdm)', process.execPath, [
  'node_modules/dpdm/lib/bin/dpdm.js',
  '--no-tree',
  '--no-warning',
  '--transform',
  'false',
  '--exit-code',
  'circular:1',
  ...ENTRIES,
]);
await run('format (Prettier)', process.execPath, [
  'node_modules/prettier/bin/prettier.cjs',
  '--check',
  `{${SOURCES.join(',')}}/**/*.{ts,tsx,js,mjs,cjs}`,
  'eslint.config.js',
]);
await run('lint (ESLint: typescript-eslint, lit, wc)', process.execPath, [
  'node_modules/eslint/bin/eslint.js',
  ...SOURCES,
  'eslint.config.js',
]);
if (!broken) await run('build', 'node', ['scripts/build.mjs']);
await unitTests;
if (!broken) {
  // The .d.ts as published, internals stripped, checked as a strict consumer does (skipLibCheck off).
  await run('published types (skipLibCheck off)', process.execPath, [
    TSC_7,
    '-p',
    'test/types/published/tsconfig.json',
  ]);
  // A React app without the markup elements: page-state/react's JSX types hold on their own.
  await run('published types, React without page-state/elements', process.execPath, [
    TSC_7,
    '-p',
    'test/types/published-react/tsconfig.json',
  ]);
  await run('browser tests (Chromium)', 'npx', ['wtr'], wtrCounts);
  await run(
    'builds and end to end (Chromium)',
    'node',
    ['--test', '--test-reporter=spec', ...nodeTests(afterBuild)],
    nodeCounts,
  );
}
console.log(`\n(npm test: ${Math.round((Date.now() - began) / 1000)} s)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(broken || totals.failed ? 1 : 0);
