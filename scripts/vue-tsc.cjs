// vue-tsc drives TypeScript's classic JS API: the `typescript` 5.9 installed beside the native
// TypeScript 7 the project builds with (typescript-7).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script: vue-tsc runs from one
require('vue-tsc').run();
