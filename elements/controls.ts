import {escapeItem} from '../src/core/list.js';
import {pad} from '../src/core/scalars.js';
import type {StateVar} from '../src/core/var.js';

/** Reads a control as a value of its var (throws a TypeError with the reason) and writes it back. */
export interface ControlAdapter {
  read(): unknown;
  write(value: unknown): void;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
/** An option of a multi-select or a box of a checkbox group. */
type Choice = {value: string; selected?: boolean; checked?: boolean};

/** `YYYY-MM-DDTHH:mm` in local time, as `<input type="datetime-local">` shows it. */
const localDateTime = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/**
 * How a form control maps to a var. Everything but checkboxes, radios, multi-selects and
 * datetime-local inputs goes through the var's text codec, the same text as in the URL.
 * `group` gives every input of the control's type in the binding (a radio or checkbox group).
 * Values are only ever set as `.value`, `.checked` or `.selected`, never as HTML.
 */
export function controlAdapter(control: Control, v: StateVar<any>, group: () => HTMLInputElement[]): ControlAdapter {
  const decodes = (text: string, value: unknown) => {
    try {
      return v.equals(v.decode(text), value);
    } catch {
      return false;
    }
  };
  // A list var takes one item per chosen option of a multi-select, or per checked box of a group.
  const select = control instanceof HTMLSelectElement;
  const choices: false | (() => Choice[]) = select
    ? control.multiple && (() => [...control.options])
    : control.type === 'checkbox' && v.type.startsWith('list<') && group;
  if (choices) {
    const flag = select ? 'selected' : 'checked';
    return {
      read: () => v.decode(choices().filter((c) => c[flag]).map((c) => escapeItem(c.value)).join(',')),
      write(value) {
        for (const c of choices()) c[flag] = (value as unknown[]).some((item) => decodes(escapeItem(c.value), [item]));
      },
    };
  }
  if (control instanceof HTMLSelectElement) {
    return {
      read: () => v.decode(control.value),
      write: (value) => {
        for (const option of control.options) option.selected = decodes(option.value, value);
      },
    };
  }
  if (control instanceof HTMLInputElement && control.type === 'checkbox') {
    return {read: () => control.checked, write: (value) => void (control.checked = value === true)};
  }
  if (control instanceof HTMLInputElement && control.type === 'radio') {
    return {
      read: () => v.decode(group().find((radio) => radio.checked)?.value ?? ''),
      write: (value) => group().forEach((radio) => (radio.checked = decodes(radio.value, value))),
    };
  }
  if (control instanceof HTMLInputElement && control.type === 'datetime-local') {
    return {
      read: () => (control.value ? new Date(control.value) : null),
      write: (value) => void (control.value = value instanceof Date ? localDateTime(value) : ''),
    };
  }
  return {
    read: () => v.decode(control.value),
    write(value) {
      // Leave what the user is typing alone when it already means this value (no caret jumps).
      if (!decodes(control.value, value)) control.value = value === null ? '' : v.encode(value);
    },
  };
}

