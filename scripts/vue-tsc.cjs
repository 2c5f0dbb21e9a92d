// vue-tsc drives TypeScript's classic JS API, which TypeScript 7 (the native compiler this
// project builds with) no longer ships: run it on the TypeScript 5.9 kept for that.
require('vue-tsc').run(require.resolve('typescript-5.9/lib/tsc'));
