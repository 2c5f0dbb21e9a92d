import {invalid, makeVar, type Kind, type StateVar, type ValueOf, type VarOptions} from './var.js';

export const escapeItem = (text: string) => text.replace(/[\\,]/g, '\\$&');

/** Splits `a,b\,c` into `['a', 'b,c']`; a backslash makes the next character literal. */
export function splitItems(text: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === ',') {
      items.push(current);
      current = '';
    } else if (char === '\\') {
      if (++i === text.length) invalid('a list ends with a lone backslash');
      current += text[i];
    } else current += char;
  }
  items.push(current);
  return items;
}

/**
 * A list of one scalar var's values; default `[]`. URL: `a,b,c` (commas and backslashes inside
 * items are escaped with a backslash; `''` is the empty list, a lone `\` a list of one empty
 * item). Read as a frozen, `readonly` array.
 *
 * @example
 * ```ts
 * const tags = stateVar.list(stateVar.string(), []);
 * ```
 */
export function list<I extends StateVar<any>>(
  item: I,
  defaultValue: readonly NonNullable<ValueOf<I>>[] = [],
  options?: Omit<VarOptions, 'nullable'>,
): StateVar<readonly NonNullable<ValueOf<I>>[]> {
  type T = ValueOf<I>;
  const itemReason = (value: unknown, index: number) => {
    const reason = value === null ? 'items cannot be null' : item.check(value);
    return reason && `item ${index}: ${reason}`;
  };
  const kind: Kind<T[]> = {
    type: `list<${item.type}>`,
    check(value) {
      if (!Array.isArray(value)) return 'expected an array';
      for (let i = 0; i < value.length; i++) {
        const reason = itemReason(value[i], i);
        if (reason) return reason;
      }
      return undefined;
    },
    equals: (a, b) => a.length === b.length && a.every((value, i) => item.equals(value, b[i])),
    copy: (value) => Object.freeze(value.map(item.copy)) as T[],
    format(value) {
      const texts = value.map((v) => escapeItem(item.encode(v)));
      return texts.length === 1 && texts[0] === '' ? '\\' : texts.join(',');
    },
    parse: (text) => (text === '' ? [] : text === '\\' ? [item.decode('')] : splitItems(text).map(item.decode)),
    toJSON: (value) => value.map(item.toJSON),
    fromJSON: (json) => (Array.isArray(json) ? json.map(item.fromJSON) : invalid('expected an array')),
    emptyIsValue: true,
  };
  return makeVar(kind as Kind<readonly NonNullable<T>[]>, defaultValue, options);
}
