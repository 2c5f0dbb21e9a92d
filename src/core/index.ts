// `page-state/core`: definitions, vars, stores and the URL codec with no DOM at all, so one set
// of definitions serves the browser, a server (SSR, API handlers) and workers. Nothing here
// runs at import time. Explicit named exports, so bundlers can tree-shake.
export {defineState} from './schema/define.js';
export type {PersistMode, StateChange, StateDefinition, StateOptions, StateValues, VarMap} from './schema/define.js';
export {ErrorCode, PageStateError, StateValidationError} from './errors/errors.js';
export type {ErrorCodeValue} from './errors/errors.js';
export type {CustomSpec} from './schema/custom-kind.js';
export type {Schema, SchemaValue, StandardResult, StandardSchema} from './schema/json-kind.js';
export type {ChangeSource, ErrorDetail, StateListener, StorageAdapter, StoredState, VarSchema} from './types.js';
export type {UrlMode} from './types.js';
export {stateVar} from './schema/state-var.js';
export type {Nullable} from './schema/state-var.js';
export {StateStore} from './store/store.js';
export type {StateStoreOptions} from './store/store.js';
export {parseUrl, serializeUrl} from './url-codec/parse-serialize.js';
export type {ParsedUrl, UrlInput} from './url-codec/parse-serialize.js';
export type {Frozen, HistoryMode, JsonValue, StateVar, ValueOf, VarOptions} from './schema/var.js';
export {VERSION} from '../version.js';
