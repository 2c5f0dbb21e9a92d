// The CDN files' module (dist/page-state.js and its siblings): a page without a build step gets
// everything, both entries' exports and every element defined. Its .d.ts types those files.
export * from './index.js';
export * from '../elements/index.js';
