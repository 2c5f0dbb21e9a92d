/**
 * True in the development build, false in the production build (the default export condition).
 * The source is the development build; `scripts/build.mjs` makes the production one by turning
 * this constant off (`scripts/dev-flag.mjs`), and minifiers drop every `if (DEV)` branch, so the
 * long messages, warnings and the debug logger ship only to developers.
 */
export const DEV: boolean = true;
