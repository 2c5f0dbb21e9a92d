import {escapeItem} from '../src/core/list.js';
import {pad} from '../src/core/scalars.js';
import type {StateVar} from '../src/core/var.js';

/** Reads a control as a value of its var (throws a TypeError with the reason) and writes it back. */
export interface ControlAdapter {
  read(): unknown;
  write(value: unknown): void;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** `YYYY-MM-DDTHH:mm` in local time, as `<input type="datetime-local">` shows it. */
const localDateTime = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/**
 * How a form control maps to a var. Everything but checkboxes, radios, multi-selects and
 * datetime-local inputs goes through the var's text codec, the same text as in the URL.
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
  if (control instanceof HTMLSelectElement && control.multiple) {
    return {
      read: () => v.decode([...control.selectedOptions].map((o) => escapeItem(o.value)).join(',')),
      write(value) {
        const items = value as unknown[];
        for (const option of control.options) option.selected = items.some((item) => decodes(escapeItem(option.value), [item]));
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

