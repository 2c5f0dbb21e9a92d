// A bundle of one file (the production CDN files) has no chunk to load on demand, so there the
// server client, which src/persist/lazy-server.ts loads on first use, is imported at once, handed
// what lazy-server.ts hands it (the page's core and bootstrap). Left to itself, esbuild inlines
// the import() but wraps the modules it reaches (the client, the identity hub) in lazy
// initialisers: +198 B gzip in dist/page-state.js.
import {dirname, join} from 'node:path';

const LAZY_SERVER = /[\\/]src[\\/]persist[\\/]lazy-server\.ts$/;

/** An esbuild plugin: `lazyServer` calls the server client at once, handed `CORE_LINKS`. */
export const oneFile = {
  name: 'page-state-one-file',
  setup(build) {
    build.onLoad({filter: LAZY_SERVER}, ({path}) => {
      const module = (name) => JSON.stringify(join(dirname(path), name));
      return {
        contents: `import {serverClient} from ${module('server-client.ts')};
import {bootIdentity, bootOf} from ${module('bootstrap.ts')};
import {CORE_LINKS} from ${module('core-links.ts')};
export const lazyServer = (endpoint, options) => serverClient(CORE_LINKS, endpoint, options, bootOf(endpoint), bootIdentity());`,
        loader: 'ts',
      };
    });
  },
};
