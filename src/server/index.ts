// The Node entry (`page-state/server`): the session handler and its stores.
export {createSessionHandler} from './handler.js';
export type {SessionHandler, SessionHandlerOptions} from './handler.js';
export type {Identity} from './identity.js';
export type {AnonymousLimits} from './admission.js';
export {fileStore} from './file-store.js';
export type {FileStoreOptions} from './file-store.js';
export {redisStore} from './redis-store.js';
export type {RedisClientLike, ScriptOptions} from './redis-store.js';
export {memoryStore, QuotaError, StoreUnavailableError} from './store.js';
export type {Quota, SessionStore, StoreOptions} from './store.js';
export type {StoredState} from '../core/ports.js';
export {VERSION} from '../version.js';
