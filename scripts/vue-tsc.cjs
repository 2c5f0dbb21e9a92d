// vue-tsc drives TypeScript's classic JS API: the `typescript` 5.9 installed beside the native
// TypeScript 7 the project builds with (typescript-7).
require('vue-tsc').run();
