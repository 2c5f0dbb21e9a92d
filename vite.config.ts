import {resolve} from 'node:path';
import {defineConfig, type Plugin} from 'vite';
import {demoLogin} from './demo/login.js';
import {createSessionHandler, fileStore, redisStore, type SessionStore} from './src/server/index.js';

/**
 * Mounts the session handler (`persist: 'server'`) in the dev server: the embedded file store in
 * `.page-state/`, or Redis when `REDIS_URL` is set; state belongs to whoever the demo's own
 * sign-in (demo/login.ts) says, and what a visitor drafted before signing in fills what the
 * account lacks. In front of Vite's own middlewares, `inject()` puts the session's state into
 * every page Vite serves: a reload shows the private notes at the first paint.
 */
function sessionStore(): Plugin {
  return {
    name: 'page-state-session-store',
    async configureServer(server) {
      let store: SessionStore;
      if (process.env.REDIS_URL) {
        const {createClient} = await import('redis');
        store = redisStore(await createClient({url: process.env.REDIS_URL, disableOfflineQueue: true}).on('error', (error: Error) => console.error(`redis: ${error.message}`)).connect());
      } else store = fileStore(resolve(process.env.PAGE_STATE_DIR || '.page-state'));
      const login = demoLogin(process.env.PAGE_STATE_SECRET ?? 'the demo login of a dev server, unsigned elsewhere');
      const handler = createSessionHandler({store, secret: process.env.PAGE_STATE_SECRET, identify: login.identify, adoptAnonymous: 'missing'});
      server.middlewares.use(login.middleware);
      server.middlewares.use((req, res, next) => void handler(req, res, next));
      server.middlewares.use(handler.inject());
    },
  };
}

export default defineConfig({
  plugins: [sessionStore()],
  server: {host: '127.0.0.1', port: Number(process.env.PORT) || 5173},
  build: {
    outDir: 'dist/demo',
    emptyOutDir: true,
    rollupOptions: {input: ['index.html', 'demo/micro-frontends.html', 'demo/plain.html'].map((p) => resolve(p))},
  },
});
