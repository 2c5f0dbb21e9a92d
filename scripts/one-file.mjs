// A bundle of one file (the production CDN files) has no chunk to load on demand, so there the
// server client, which src/persist/lazy-server.ts loads on first use, is imported at once and is
// the public serverStorage itself (src/persist/server-storage.ts wraps it only to keep it out of
// a bundler's entry chunk). Left to itself, esbuild inlines the import() but wraps every module
// it reaches (errors, protocol...) in a lazy initialiser: +405 B gzip in dist/page-state.js.
import {dirname, join} from 'node:path';

const PERSIST = /[\\/]src[\\/]persist[\\/](lazy-server|server-storage)\.ts$/;
const NAMES = {'lazy-server': 'lazyServer', 'server-storage': 'serverStorage'};

/** An esbuild plugin: `lazyServer` and `serverStorage` are the server client itself. */
export const oneFile = {
  name: 'page-state-one-file',
  setup(build) {
    build.onLoad({filter: PERSIST}, ({path}) => ({
      contents: `export {serverClient as ${NAMES[PERSIST.exec(path)[1]]}} from ${JSON.stringify(join(dirname(path), 'server-client.ts'))};`,
      loader: 'ts',
    }));
  },
};
