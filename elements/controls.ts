import {escapeItem, splitItems} from '../src/core/schema/list-kind.js';
import {pad} from '../src/core/schema/date-kinds.js';
import type {StateVar} from '../src/core/schema/var.js';

/** Reads a control as a value of its var (throws a TypeError with the reason) and writes it back. */
export interface ControlAdapter {
  read(): unknown;
  write(value: unknown): void;
}

/** Anything that takes a value: a native control, or a custom element that exposes one. */
export type Control = HTMLElement & {
  value?: unknown;
  checked?: unknown;
  multiple?: unknown;
  setCustomValidity?(reason: string): void;
};
type Native = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
/** An option of a multi-select or a box of a checkbox group. */
type Choice = {value: string; selected?: boolean; checked?: boolean};

const isNative = (el: Element): el is Native =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

/**
 * The first control inside `root` (not inside a nested binding): a native form control, or a
 * custom element that is form-associated or has `prop` (default: `value` or `checked`). A custom
 * element not yet defined is passed to `pending` and skipped: the caller looks again once it is.
 */
export function findControl(root: Element, prop: string | null, pending: (name: string) => void): Control | undefined {
  for (const el of root.querySelectorAll<Control>('*')) {
    if (el.closest('state-bind') !== root) continue;
    if (isNative(el)) return el;
    if (!el.localName.includes('-')) continue;
    if (!customElements.get(el.localName)) pending(el.localName);
    else if (
      prop
        ? prop in el
        : (el.constructor as {formAssociated?: boolean}).formAssociated || 'value' in el || 'checked' in el
    )
      return el;
  }
  return undefined;
}

/** `YYYY-MM-DDTHH:mm` in local time, as `<input type="datetime-local">` shows it. */
const localDateTime = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/**
 * How a control maps to a var. Everything but checkboxes, radios, multi-selects and
 * datetime-local inputs goes through the var's text codec, the same text as in the URL.
 * `group` gives every input of the control's type in the binding (a radio or checkbox group).
 * Values are only ever set as properties (`.value`, `.checked`...), never as HTML.
 */
export function controlAdapter(
  control: Control,
  v: StateVar<any>,
  group: () => HTMLInputElement[],
  prop: string | null,
): ControlAdapter {
  const decodes = (text: string, value: unknown) => {
    try {
      return v.equals(v.decode(text), value);
    } catch {
      return false;
    }
  };
  const text = (value: unknown) => (value === null ? '' : v.encode(value));
  const native = isNative(control) && !prop;
  const select = control instanceof HTMLSelectElement;
  const list = v.type.startsWith('list<');
  const type = (control as HTMLInputElement).type;
  // A list var takes one item per chosen option of a multi-select, or per checked box of a group;
  // a radio group is one value.
  const many = select ? control.multiple : type === 'radio' || (type === 'checkbox' && list);
  const choices: false | (() => Choice[]) = native && many && (select ? () => [...control.options] : group);
  if (choices) {
    const flag = select ? 'selected' : 'checked';
    const chosen = (value: unknown, c: Choice) =>
      list ? (value as unknown[]).some((item) => decodes(escapeItem(c.value), [item])) : decodes(c.value, value);
    return {
      read: () =>
        v.decode(
          choices()
            .filter((c) => c[flag])
            .map((c) => (list ? escapeItem(c.value) : c.value))
            .join(','),
        ),
      write: (value) => choices().forEach((c) => (c[flag] = chosen(value, c))),
    };
  }
  if (native && type === 'datetime-local') {
    return {
      read: () => (control.value ? new Date(control.value as string) : null),
      write: (value) => void (control.value = value instanceof Date ? localDateTime(value) : ''),
    };
  }
  // Everything else holds its value in one property, whose type says how to read and write it:
  // a boolean flag (a checkbox, a switch), an array (a multi-select), a number (a slider) or text,
  // the var's text in the URL.
  const flag = v.type === 'boolean' && ['checked', 'selected'].find((p) => typeof (control as never)[p] === 'boolean');
  const key = (prop ?? (flag || 'value')) as 'value';
  return {
    read() {
      const raw = control[key];
      if (typeof raw === 'boolean' && v.type === 'boolean') return raw;
      return v.decode(Array.isArray(raw) ? raw.map((item) => escapeItem(String(item))).join(',') : String(raw ?? ''));
    },
    write(value) {
      const current = control[key];
      if (typeof current === 'boolean') control[key] = value === true;
      else if (control.multiple === true || Array.isArray(current))
        control[key] = text(value) ? splitItems(text(value)) : [];
      // A slider's value is a number, even before it has one (Material's starts undefined).
      else if (typeof current === 'number' || (current == null && (v.type === 'int' || v.type === 'float')))
        control[key] = Number(text(value));
      // Leave what the user is typing alone when it already means this value (no caret jumps).
      else if (!decodes(String(current ?? ''), value)) control[key] = text(value);
    },
  };
}
