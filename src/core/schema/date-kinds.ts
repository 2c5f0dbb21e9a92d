import {checkType, invalid, makeVar, type Kind, type StateVar, type VarOptions} from './var.js';

const isDate = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]' && !isNaN((value as Date).getTime());

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
const isoTime = /^T(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,3})?)?(Z|[-+]\d\d:\d\d)$/;

/** The builder of a kind of `Date` (always nullable: the default is null), its JSON its URL text. */
const dateVar = (
  type: string,
  json: string,
  copy: (value: Date) => Date,
  format: (value: Date) => string,
  parse: (text: string) => Date,
) => {
  const kind: Kind<Date> = {
    type,
    check: (value) => checkType('a valid Date', isDate(value)),
    equals: (a, b) => a.getTime() === b.getTime(),
    copy,
    format,
    parse,
    toJSON: format,
    fromJSON: (value) => (typeof value === 'string' ? parse(value) : invalid(`expected ${json} string`)),
  };
  return (defaultValue: Date | null = null, options?: Omit<VarOptions, 'nullable'>): StateVar<Date | null> =>
    makeVar(kind as Kind<Date | null>, defaultValue, {...options, nullable: true});
};

/**
 * A calendar day (`Date` at UTC midnight; other times are truncated to their UTC day) or null;
 * default null. URL: `2026-11-22`.
 *
 * @example
 * ```ts
 * const due = stateVar.date(null);
 * ```
 */
export const date = /* @__PURE__ */ dateVar(
  'date',
  'a YYYY-MM-DD',
  (value) => new Date(value.getTime() - (((value.getTime() % DAY) + DAY) % DAY)),
  day,
  (text) =>
    text.length > 7 && dateFields.exec(text)?.[0] === text
      ? parseDay(text)
      : invalid(`"${text}" is not a date (YYYY-MM-DD)`),
);

/**
 * An instant or null; default null. URL: ISO-8601 UTC.
 *
 * @example
 * ```ts
 * const seenAt = stateVar.datetime(null, {urlKey: 'seen'});
 * ```
 */
export const datetime = /* @__PURE__ */ dateVar(
  'datetime',
  'an ISO-8601',
  (value) => new Date(value.getTime()),
  (value) => value.toISOString(),
  (text) => {
    const head = dateFields.exec(text)?.[0] ?? '';
    const time = isoTime.exec(text.slice(head.length));
    if (!time || +time[1]! > 23 || +time[2]! > 59 || +(time[3] ?? 0) > 59)
      invalid(`"${text}" is not an ISO-8601 date-time`);
    parseDay(head);
    const date = new Date(text);
    return isDate(date) ? date : invalid(`"${text}" is out of range`);
  },
);
