// `page-state/core`: definitions, vars, stores and the URL codec with no DOM at all, so one set
// of definitions serves the browser, a server (SSR, API handlers) and workers. Nothing here
// runs at import time. Explicit named exports, so bundlers can tree-shake.
export {defineState} from './define.js';
export type {PersistMode, StateChange, StateDefinition, StateOptions, StateValues, VarMap} from './define.js';
export {ErrorCode, PageStateError, StateValidationError} from './errors.js';
export type {ErrorCodeValue} from './errors.js';
export type {CustomSpec, Schema, SchemaValue, StandardResult, StandardSchema} from './json.js';
export type {ChangeSource, ErrorDetail, StateListener, StorageAdapter, StoredState, VarSchema} from './ports.js';
export type {UrlMode} from './protocol.js';
export {stateVar} from './state-var.js';
export type {Nullable} from './state-var.js';
export {StateStore} from './store.js';
export type {StateStoreOptions} from './start.js';
export {parseUrl, serializeUrl} from './url.js';
export type {ParsedUrl, UrlInput} from './url.js';
export type {Frozen, HistoryMode, JsonValue, StateVar, ValueOf, VarOptions} from './var.js';
export {VERSION} from '../version.js';
