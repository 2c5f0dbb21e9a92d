// A bundle of one file (the production CDN files) has no chunk to load on demand, so there the
// server client, which src/persist/lazy-server.ts loads on first use, is imported at once (handed
// the page's core and bootstrap, as lazy-server.ts hands them), and serverStorage calls it as
// src/persist/server-storage.ts does (which wraps it only to keep it out of a bundler's entry
// chunk). Left to itself, esbuild inlines the import() but wraps the modules it reaches (the
// client, the identity hub) in lazy initialisers: +213 B gzip in dist/page-state.js.
import {dirname, join} from 'node:path';

const PERSIST = /[\\/]src[\\/]persist[\\/](lazy-server|server-storage)\.ts$/;

/** An esbuild plugin: `lazyServer` and `serverStorage` call the server client at once, handed `CORE_LINKS`. */
export const oneFile = {
  name: 'page-state-one-file',
  setup(build) {
    build.onLoad({filter: PERSIST}, ({path}) => {
      const module = (name) => JSON.stringify(join(dirname(path), name));
      return {
        contents:
          PERSIST.exec(path)[1] === 'lazy-server'
            ? `import {serverClient} from ${module('server-client.ts')};
import {bootIdentity, bootOf} from ${module('bootstrap.ts')};
import {CORE_LINKS} from ${module('core-links.ts')};
export const lazyServer = (endpoint, options) => serverClient(CORE_LINKS, endpoint, options, bootOf(endpoint), bootIdentity());`
            : `import {serverClient} from ${module('server-client.ts')};
import {CORE_LINKS} from ${module('core-links.ts')};
export const serverStorage = (endpoint, options) => serverClient(CORE_LINKS, endpoint, options);`,
        loader: 'ts',
      };
    });
  },
};
