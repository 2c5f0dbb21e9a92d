import {checkOptions} from '../core/options.js';
import {DEV} from '../dev.js';
import type {ServerStorageOptions} from './server.js';

const KNOWN: readonly (keyof ServerStorageOptions)[] = ['fetch', 'debounceMs', 'timeoutMs', 'retryMs', 'win'];

/** Throws a `PS_BAD_DEFINITION` error for the options {@link serverStorage} left unread (a
 * misspelled `debounceMs` would be ignored silently); only development needs the known names. */
export const checkServerStorageOptions = (unknown: object): void => checkOptions(unknown, DEV ? KNOWN : [], 'serverStorage: ');
