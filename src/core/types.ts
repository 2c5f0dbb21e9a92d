// The types shared by every part of page-state, in a leaf folder that imports nothing else of it.
export type * from './types/values.js';
export type * from './types/ports.js';
export type * from './types/definition.js';
