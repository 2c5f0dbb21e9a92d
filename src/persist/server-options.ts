import {checkOptions} from '../core/options.js';
import type {ServerStorageOptions} from './server.js';

const KNOWN: readonly (keyof ServerStorageOptions)[] = ['fetch', 'debounceMs', 'timeoutMs', 'retryMs', 'win'];

/** Throws a `PS_BAD_DEFINITION` error for an option {@link serverStorage} does not know
 * (a misspelled `debounceMs` would be ignored silently). */
export const checkServerStorageOptions = (options: ServerStorageOptions): void => checkOptions(options, KNOWN, 'serverStorage');
