// Browser tests run in the machine's Chromium (Debian's package), never a downloaded browser.
// Tests are compiled by `tsc` into .build/ first (see scripts/test.mjs).
import {readFile} from 'node:fs/promises';
import {chromeLauncher} from '@web/test-runner-chrome';
import {CHROMIUM_ARGS} from './scripts/tools.mjs';
import {createSessionHandler, memoryStore} from './.build/src/server/index.js';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

// The server session store the browser tests persist into (compiled by tsc beforehand).
const secret = 'the browser tests secret, 32+ chars';
const store = memoryStore();
const sessions = createSessionHandler({secret, store});
// The same store under /id/page-state, state keyed by whoever the test app's own `test_user`
// cookie names (its login), adopting the anonymous session's missing namespaces on sign-in.
const identified = createSessionHandler({
  secret, store, basePath: '/id/page-state', adoptAnonymous: 'missing',
  identify: (req) => /(?:^|;\s*)test_user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1],
});
// The same store under /held/page-state, whose PUTs a test can hold back as a slow network would.
const heldSessions = createSessionHandler({secret, store, basePath: '/held/page-state'});
const held = {on: false, puts: [], waiters: []};

/** /held/hold starts holding PUTs, /held/wait answers once one is held, /held/release lets them go. */
async function holdingRoom(ctx) {
  if (ctx.path === '/held/hold') held.on = true;
  else if (ctx.path === '/held/wait') await new Promise((resolve) => (held.puts.length ? resolve() : held.waiters.push(resolve)));
  else if (ctx.path === '/held/release') {
    held.on = false;
    held.puts.splice(0).forEach((release) => release());
  } else return false;
  ctx.body = 'ok';
  return true;
}

/** /dev/test/pages/X.html is test/pages/X.html loading the development CDN files, so the page
 * tests run once against each build (test/builds.ts). */
async function developmentPage(ctx) {
  const page = /^\/dev(\/test\/pages\/[\w-]+\.html)$/.exec(ctx.path)?.[1];
  if (!page) return false;
  const html = await readFile(`.${page}`, 'utf8');
  ctx.type = 'html';
  ctx.body = html.replaceAll('/dist/page-state.js', '/dist/page-state.dev.js').replaceAll('/dist/page-state.iife.js', '/dist/page-state.dev.iife.js');
  return true;
}

export default {
  middleware: [
    async (ctx, next) => {
      if (await developmentPage(ctx)) return;
      return next();
    },
    async (ctx, next) => {
      if (await holdingRoom(ctx)) return;
      if (ctx.path.startsWith('/held/page-state/')) {
        if (held.on && ctx.method === 'PUT') {
          await new Promise((release) => {
            held.puts.push(release);
            held.waiters.splice(0).forEach((wake) => wake());
          });
        }
        ctx.respond = false;
        return heldSessions(ctx.req, ctx.res);
      }
      if (ctx.path.startsWith('/id/page-state/')) {
        ctx.respond = false;
        return identified(ctx.req, ctx.res);
      }
      if (!ctx.path.startsWith('/page-state/')) return next();
      ctx.respond = false; // the handler writes the raw Node response itself
      await sessions(ctx.req, ctx.res);
    },
  ],
  files: ['.build/test/**/*.browser.test.js'],
  nodeResolve: {exportConditions: ['production']},
  concurrency: 2,
  // Starting Chromium and its first pages took over the default 30 s beside a busy CPU (npm test
  // next to stress -c 2): generous start limits cost nothing on a quiet machine, and each test
  // keeps its own 10 s timeout.
  browserStartTimeout: 120_000,
  testsStartTimeout: 60_000,
  testFramework: {config: {timeout: 10000}},
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // Test files run in parallel pages, which must not be throttled as background tabs.
        args: [...CHROMIUM_ARGS, '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows'],
      },
    }),
  ],
};
