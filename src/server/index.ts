// The Node entry (`page-state/server`): the session handler and its stores.
export {createSessionHandler} from './handler.js';
export type {SessionHandlerOptions} from './options.js';
export type {Middleware, SessionHandler} from './transport.js';
export type {Identity} from './identity.js';
export type {AnonymousLimits} from './admission.js';
export {fileStore} from './file-store.js';
export type {FileStoreOptions} from './file-store.js';
export {redisStore} from './redis-store.js';
export type {RedisClientLike, ScriptOptions} from './redis-store.js';
export {memoryStore, StoreUnavailableError} from './session-store.js';
export type {SessionStore, StoreOptions} from './session-store.js';
export {QuotaError} from './quota.js';
export type {Quota} from './quota.js';
export type {StoredState} from '../core/types.js';
export {VERSION} from '../version.js';
