import {ElementBase} from './element-base.js';

/**
 * Declares one var of the enclosing `<state-namespace>`. It has no behaviour of its own.
 *
 * @attr name - The var's name (identifier-safe).
 * @attr type - `string` (default), `int`, `float`, `boolean`, `date`, `datetime`, `enum`, `list` or `json`.
 * @attr default - The default, written as in the URL (`2026-11-22`, `a,b`, `{"min":0}`).
 * @attr url-key - The URL param (before the namespace prefix); empty or `false` keeps the var out of the URL.
 * @attr persist - `false` keeps the var out of storage.
 * @attr history - `push` or `replace`.
 * @attr values - For `enum`: the values, comma-separated.
 * @attr of - For `list`: the item type (`int`, `string`...).
 *
 * @example
 * ```html
 * <state-var name="page" type="int" default="1" url-key="p"></state-var>
 * ```
 * @tag state-var
 */
export class StateVarElement extends ElementBase {}
