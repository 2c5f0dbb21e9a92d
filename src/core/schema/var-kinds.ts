// The members of `stateVar`: one builder per kind, each from a module that imports only what it
// needs, so that a bundler keeps only the kinds an app declares (`stateVar` is this module's
// namespace object, which bundlers shake member by member).
export {boolean, enumVar as enum, float, int, string} from './scalar-kinds.js';
export {date, datetime} from './date-kinds.js';
export {list} from './list-kind.js';
export {json} from './json-kind.js';
export {custom} from './custom-kind.js';
