import {defineConfig} from 'vite';

// `npm start` serves index.html + demo/ straight from the TypeScript sources.
export default defineConfig({
  server: {host: '127.0.0.1', port: 5173},
  build: {outDir: 'dist/demo', emptyOutDir: true},
});
