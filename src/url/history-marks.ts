import type {Entry, Op} from './entry.js';

/**
 * page-state's mark in `history.state`: the namespaces an entry page-state wrote shows whole,
 * so that an absent param there means the default (it was left out for equalling it), not
 * "unknown" as in an entry someone else made (where it falls back to storage, as on a load).
 * Whatever state other code keeps in the entry stays: the mark is one more key of its object.
 * It names the URL it was written for, so a copy of it that other code carries into an entry
 * of its own (a router pushing `history.state` along) marks nothing.
 */
const MARK = 'page-state';

interface Mark {
  href: string;
  names: string[];
}

/** `state` marked as showing the namespaces `names` whole at `href`; a state that is not a
 * plain object (or null) is not ours to touch. */
export function marked(state: unknown, href: string, names: readonly string[]): unknown {
  if (state != null && (typeof state !== 'object' || Array.isArray(state))) return state;
  return {...(state as object), [MARK]: {href, names}};
}

/** The namespaces `state` marks as shown whole at `href`; none in an entry page-state did not write. */
export function markOf(state: unknown, href: string): ReadonlySet<string> {
  const mark = (state as Record<string, Partial<Mark> | undefined> | null | undefined)?.[MARK];
  return new Set(mark?.href === href && Array.isArray(mark.names) ? mark.names : []);
}

/** Whether `mark` names exactly `names`. */
export const sameNames = (mark: ReadonlySet<string>, names: readonly string[]): boolean =>
  mark.size === names.length && names.every((name) => mark.has(name));

/** Names of the namespaces among `entries` the URL shows whole, `pending` applied ({@link Entry.showsWhole}). */
export const shownWhole = (entries: Iterable<Entry>, pending: readonly Op[]): string[] =>
  [...entries].filter((e) => e.showsWhole(pending)).map((e) => e.client.name);
