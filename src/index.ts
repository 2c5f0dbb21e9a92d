// `page-state`: the browser API. It is `page-state/core` (re-exported here, name by name) plus
// the URL, storage and Lit parts, and it defines `<page-state>`, the scope provider (a side
// effect, declared in package.json's `sideEffects`); the markup elements are `page-state/elements`.
// Explicit named exports, so bundlers can tree-shake.
import {define} from '../elements/define.js';
import {PageStateElement} from '../elements/page-state.js';
// The events' types (HTMLElementEventMap, DocumentEventMap): a bare import stays in index.d.ts,
// so a user's `addEventListener('page-state-change', …)` sees `detail`. The runtime loads the
// module anyway: it costs no byte.
import './runtime/dom-events.js';

export {
  defineState,
  ErrorCode,
  PageStateError,
  parseUrl,
  serializeUrl,
  StateStore,
  StateValidationError,
  stateVar,
  VERSION,
} from './core/index.js';
export type {
  ChangeSource,
  CustomSpec,
  ErrorCodeValue,
  ErrorDetail,
  Frozen,
  HistoryMode,
  JsonValue,
  Nullable,
  ParsedUrl,
  PersistMode,
  Schema,
  SchemaValue,
  StandardResult,
  StandardSchema,
  StateChange,
  StateDefinition,
  StateListener,
  StateOptions,
  StateStoreOptions,
  StateValues,
  StateVar,
  StorageAdapter,
  StoredState,
  UrlInput,
  UrlMode,
  ValueOf,
  VarMap,
  VarOptions,
  VarSchema,
} from './core/index.js';
export {serverStorage} from './persist/server-storage.js';
export type {ServerStorageOptions} from './persist/server-storage-options.js';
export {memoryStorage, webStorage} from './persist/web-storage.js';
export {StateController} from './lit/controller.js';
export {keepParams, setIdentity} from './runtime/page-wide.js';
export {clearAll} from './runtime/clear-all.js';
export {stateOf} from './runtime/state-of.js';
export type {IdentityDetail} from './runtime/protocol.js';
export {PageStateElement};

define('page-state', PageStateElement);

declare global {
  interface HTMLElementTagNameMap {
    'page-state': PageStateElement;
  }
}
