// The browser entry: every public name, listed explicitly so bundlers can tree-shake.
export {defineState} from './core/define.js';
export type {
  PersistMode, StateChange, StateDefinition, StateOptions, StateValues, VarBinding, VarMap,
} from './core/define.js';
export {ErrorCode, PageStateError, StateValidationError} from './core/errors.js';
export type {ErrorCodeValue} from './core/errors.js';
export type {CustomSpec, Schema, SchemaValue, StandardSchema, StandardResult} from './core/json.js';
export type {ChangeDetail, ChangeSource, ErrorDetail, StorageAdapter, StoredState, StoreHost} from './core/ports.js';
export {StateScope} from './core/scope.js';
export {stateVar} from './core/state-var.js';
export type {Nullable} from './core/state-var.js';
export {StateStore} from './core/store.js';
export type {StateListener, StoreLink, VarSchema} from './core/store.js';
export type {HistoryMode, JsonValue, StateVar, ValueOf, VarOptions} from './core/var.js';
export {serverStorage} from './persist/server.js';
export type {ServerStorageOptions} from './persist/server.js';
export {memoryStorage, webStorage} from './persist/web.js';
export type {SharedScope} from './core/protocol.js';
export {StateController} from './lit/controller.js';
export {keepParams, scopeContext, stateOf} from './lit/runtime.js';
export {VERSION} from './version.js';
export {PageStateElement} from '../elements/page-state.js';
export {StateBindElement} from '../elements/state-bind.js';
export {StateFocusElement} from '../elements/state-focus.js';
export {StateNamespaceElement} from '../elements/state-namespace.js';
export {StateVarElement} from '../elements/state-var.js';
