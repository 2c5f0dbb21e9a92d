// Web Test Runner for the testing guide's browser example, run in the folder the packed package is
// installed in (test/build/examples.test.ts): 'page-state' resolves to the tarball.
import {chromeLauncher} from '@web/test-runner-chrome';

export default {
  nodeResolve: true,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu'],
      },
    }),
  ],
};
