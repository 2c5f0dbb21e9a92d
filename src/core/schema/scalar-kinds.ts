import {invalid, type Kind} from './var.js';

const isDate = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]' && !isNaN((value as Date).getTime());
const checkType = (type: string, ok: boolean) => (ok ? undefined : `expected ${type}`);

export const stringKind: Kind<string> = {
  type: 'string',
  check: (value) => checkType('a string', typeof value === 'string'),
  format: (value) => value,
  parse: (text) => text,
  emptyIsValue: true,
};

export const intKind: Kind<number> = {
  type: 'int',
  check: (value) => checkType('an integer', Number.isSafeInteger(value)),
  format: String,
  // A canonical integer (what page-state writes) parses without the pattern; `007` and `-0` still do with it.
  parse: (text) =>
    (Number.isSafeInteger(+text) && String(+text) === text) || /^-?\d{1,16}$/.test(text)
      ? +text
      : invalid(`"${text}" is not an integer`),
};

export const floatKind: Kind<number> = {
  type: 'float',
  check: (value) => checkType('a finite number', Number.isFinite(value)),
  equals: (a, b) => a === b,
  format: String,
  parse: (text) =>
    /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) && Number.isFinite(+text)
      ? +text
      : invalid(`"${text}" is not a number`),
};

export const booleanKind: Kind<boolean> = {
  type: 'boolean',
  check: (value) => checkType('a boolean', typeof value === 'boolean'),
  format: String,
  parse: (text) =>
    text === 'true' || text === '1'
      ? true
      : text === 'false' || text === '0'
        ? false
        : invalid(`"${text}" is not true or false`),
};

/** Enum of string values; `values` must be non-empty. */
export const enumKind = <T extends string>(values: readonly T[]): Kind<T> => ({
  type: 'enum',
  check: (value) => (values.includes(value as T) ? undefined : `expected one of ${values.join(', ')}`),
  format: (value) => value,
  parse: (text) => (values.includes(text as T) ? (text as T) : invalid(`"${text}" is not one of ${values.join(', ')}`)),
  emptyIsValue: values.includes('' as T),
});

/** `n` as text of at least `width` digits. */
export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const year = (date: Date) => {
  const y = date.getUTCFullYear();
  return y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
};
const day = (date: Date) => `${year(date)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const dateFields = /^(\d{4}|[-+]\d{6})-(\d\d)-(\d\d)/;

/** Parses the calendar day that starts `text`, rejecting days that do not exist (2026-02-30). */
function parseDay(text: string): Date {
  const [, y = '', m = '', d = ''] = dateFields.exec(text) ?? invalid(`"${text}" is not a date (YYYY-MM-DD)`);
  const date = new Date(0);
  date.setUTCFullYear(+y, +m - 1, +d);
  return isDate(date) && day(date) === `${y}-${m}-${d}` ? date : invalid(`${y}-${m}-${d} is not a day of the calendar`);
}

const DAY = 864e5;
const sameTime = (a: Date, b: Date) => a.getTime() === b.getTime();

/** A calendar day: a `Date` at UTC midnight; other times are truncated to their UTC day. */
export const dateKind: Kind<Date> = {
  type: 'date',
  check: (value) => checkType('a valid Date', isDate(value)),
  equals: sameTime,
  copy: (value) => new Date(value.getTime() - (((value.getTime() % DAY) + DAY) % DAY)),
  format: day,
  parse: (text) =>
    text.length > 7 && dateFields.exec(text)?.[0] === text
      ? parseDay(text)
      : invalid(`"${text}" is not a date (YYYY-MM-DD)`),
  toJSON: day,
  fromJSON: (json) => (typeof json === 'string' ? dateKind.parse(json) : invalid('expected a YYYY-MM-DD string')),
};

const isoTime = /^T(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,3})?)?(Z|[-+]\d\d:\d\d)$/;

/** An instant: a `Date`, written as ISO-8601 UTC. */
export const datetimeKind: Kind<Date> = {
  type: 'datetime',
  check: dateKind.check,
  equals: sameTime,
  copy: (value) => new Date(value.getTime()),
  format: (value) => value.toISOString(),
  parse(text) {
    const head = dateFields.exec(text)?.[0] ?? '';
    const time = isoTime.exec(text.slice(head.length));
    if (!time || +time[1]! > 23 || +time[2]! > 59 || +(time[3] ?? 0) > 59)
      invalid(`"${text}" is not an ISO-8601 date-time`);
    parseDay(head);
    const date = new Date(text);
    return isDate(date) ? date : invalid(`"${text}" is out of range`);
  },
  toJSON: (value) => value.toISOString(),
  fromJSON: (json) => (typeof json === 'string' ? datetimeKind.parse(json) : invalid('expected an ISO-8601 string')),
};
