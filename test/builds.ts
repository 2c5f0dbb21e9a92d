/**
 * The two builds users run, as the page tests load them: the production CDN file
 * (`/dist/page-state.js`, minified) and the development one (`/dist/page-state.dev.js`, every
 * message and the debug logger), which the test server serves under `/dev/` (see
 * web-test-runner.config.mjs). A page test runs its cases once per build, so the contract's
 * behaviour is proven the same in both.
 */
export const BUILDS = [
  {name: 'production', page: (path: string) => path},
  {name: 'development', page: (path: string) => `/dev${path}`},
] as const;
