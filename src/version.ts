/**
 * The version of this copy of page-state (kept equal to package.json by a test).
 *
 * @example
 * ```ts
 * console.log(`page-state ${VERSION}`);
 * ```
 */
export const VERSION = '0.1.0';
