import {DEV} from '../../dev.js';

/**
 * Error codes of page-state. Each code names one mistake and its message says how to fix it.
 *
 * @example
 * ```ts
 * try { store.set('priority', 'x' as never); }
 * catch (e) { if (e instanceof StateValidationError && e.code === ErrorCode.invalidValue) {} }
 * ```
 */
export const ErrorCode = {
  /** A value failed its var's validation. */
  invalidValue: 'PS_INVALID_VALUE',
  /** A key that the namespace does not declare. */
  unknownKey: 'PS_UNKNOWN_KEY',
  /** `stateOf(name)` of a namespace that no scope around the node declares (yet). */
  unknownNamespace: 'PS_UNKNOWN_NAMESPACE',
  /** A definition (name, var, default, option) is malformed. */
  badDefinition: 'PS_BAD_DEFINITION',
  /** Two different definitions claim the same namespace or URL params. */
  conflict: 'PS_CONFLICT',
  /** What answers at a server store's endpoint is not page-state's session handler (no
   * `page-state-protocol` header: a 404 page, HTML, a login redirect): writes wait and retry. */
  noSessionHandler: 'PS_NO_SESSION_HANDLER',
} as const;

/**
 * One of the values of {@link ErrorCode}.
 *
 * @example
 * ```ts
 * const code: ErrorCodeValue = ErrorCode.conflict; // 'PS_CONFLICT'
 * ```
 */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Base class of every error page-state throws; `code` is one of {@link ErrorCode}.
 *
 * @example
 * ```ts
 * if (error instanceof PageStateError) console.warn(error.code, error.message);
 * ```
 */
export class PageStateError extends Error {
  // A literal, not new.target.name: minifiers rename classes, and users match on `name`.
  override name = 'PageStateError';

  constructor(
    readonly code: ErrorCodeValue,
    message: string,
  ) {
    super(`page-state ${code}: ${message}`);
  }
}

/**
 * Thrown by writes (`set`, assignment to `state`) whose value fails validation, and by writes
 * to undeclared keys. Nothing changes when it is thrown.
 *
 * @example
 * ```ts
 * try { app.set({priority: 'x'} as never); }
 * catch (e) { if (e instanceof StateValidationError) console.log(e.namespace, e.key, e.reason); }
 * ```
 */
export class StateValidationError extends PageStateError {
  override name = 'StateValidationError';

  constructor(
    readonly namespace: string,
    readonly key: string,
    readonly value: unknown,
    readonly reason: string,
    code: ErrorCodeValue = ErrorCode.invalidValue,
  ) {
    super(code, `${namespace}.${key} rejected ${describe(value)}: ${reason}`);
  }
}

/** A short, safe rendering of any value for messages (never throws). */
export function describe(value: unknown): string {
  if (value instanceof Date) return `Date(${isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  let text: string;
  try {
    text = String(JSON.stringify(value) ?? value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Throws a {@link PageStateError} of code `badDefinition`. */
export function badDefinition(message: string): never {
  throw new PageStateError(ErrorCode.badDefinition, message);
}

/**
 * Throws a `badDefinition` error saying `{what} {value} is invalid`, the fact both builds keep
 * (one phrase for every definition mistake, so the production build carries it once); `hint`,
 * what to do, is the development build's (pass `DEV && '...'`).
 */
export const badValue = (what: string, value: unknown, hint: string | false): never =>
  badDefinition(`${what} ${describe(value)} is invalid${DEV && hint ? `: ${hint}` : ''}`);
