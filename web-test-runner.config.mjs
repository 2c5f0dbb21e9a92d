// Browser tests run in the machine's Chromium (Debian's package), never a downloaded browser.
// Tests are compiled by `tsc` into .build/ first (see scripts/test.mjs).
import {chromeLauncher} from '@web/test-runner-chrome';
import {createSessionHandler, memoryStore} from './.build/src/server/index.js';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

// The server session store the browser tests persist into (compiled by tsc beforehand).
const sessions = createSessionHandler({secret: 'the browser tests secret, 32+ chars', store: memoryStore()});

export default {
  middleware: [
    async (ctx, next) => {
      if (!ctx.path.startsWith('/page-state/')) return next();
      ctx.respond = false; // the handler writes the raw Node response itself
      await sessions(ctx.req, ctx.res);
    },
  ],
  files: ['.build/test/**/*.browser.test.js'],
  nodeResolve: {exportConditions: ['production']},
  concurrency: 2,
  testFramework: {config: {timeout: 10000}},
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // Root needs --no-sandbox; the network flags keep Chromium off the (closed) network; test
        // files run in parallel pages, which must not be throttled as background tabs.
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
          '--disable-sync', '--no-first-run', '--disable-quic', '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
      },
    }),
  ],
};
