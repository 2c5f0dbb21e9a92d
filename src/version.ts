/** The version of this copy of page-state (kept equal to package.json by a test). */
export const VERSION = '0.1.0';
