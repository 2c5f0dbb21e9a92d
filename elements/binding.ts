import type {StateStore} from '../src/core/store/store.js';
import type {StateVar} from '../src/core/schema/var.js';
import {dispatch} from '../src/runtime/dom-events.js';
import {controlAdapter, type Control, type ControlAdapter} from './controls.js';
import type {Validity} from './validity.js';

/** Events after which a control's value is read: the standard ones, and Shoelace's. */
const TYPING = ['input', 'sl-input'];
const COMMITS = ['change', 'sl-change'];

/** A `<state-bind>`'s tie to its var: what it was made of, to tell whether it still fits, and its end. */
export interface Binding {
  store: StateStore;
  key: string;
  /** The bound control, or 'text' in text mode. */
  target: Control | 'text';
  /** The `prop` and `event` attributes it was made with. */
  options: string;
  release(): void;
}

/**
 * Binds `target` (a control, or `text` in text mode) of `element` two ways to the var `key` of
 * `store`: the control shows each change at once, and its events set the var (an invalid
 * committed entry is marked on the control and reported from `element`).
 */
export function bind(
  element: HTMLElement,
  store: StateStore,
  key: string,
  target: Control | 'text',
  prop: string | null,
  options: string,
  text: Text,
  validity: Validity,
): Binding {
  const v = store.definition.vars[key] as StateVar<any>;
  const control = target === 'text' ? undefined : target;
  const group = () =>
    control instanceof HTMLInputElement
      ? [...element.querySelectorAll<HTMLInputElement>(`input[type=${control.type}]`)]
      : [];
  const adapter: ControlAdapter = control
    ? controlAdapter(control, v, group, prop)
    : {read: () => store.peek(key), write: (value) => void (text.data = value === null ? '' : v.encode(value))};
  const owns = (target: EventTarget | null) => target === control || group().includes(target as HTMLInputElement);
  const onEvent = (event: Event) => {
    if (!control || !owns(event.target)) return;
    try {
      store.set(key, adapter.read() as never);
      validity.clear(control);
    } catch (error) {
      // Half-typed entries (an empty or '-' number) are judged when the control commits.
      if (TYPING.includes(event.type)) return;
      const reason = (error as Error).message;
      validity.mark(control, reason);
      dispatch(element, 'page-state-error', {
        namespace: store.definition.name,
        key,
        reason,
        raw: (control as {value?: unknown}).value,
      });
    }
  };
  const events = [...TYPING, ...COMMITS, ...(element.getAttribute('event') ? [element.getAttribute('event')!] : [])];
  adapter.write(store.get(key));
  // subscribe, not the DOM event (one per key per task): the control shows each change at
  // once, as the store holds it, even to code that reads the control in the same task.
  const stop = store.subscribe(() => {
    adapter.write(store.peek(key));
    if (control) validity.clear(control);
  }, [key]);
  for (const type of events) element.addEventListener(type, onEvent);
  return {
    store,
    key,
    target,
    options,
    release: () => {
      stop();
      for (const type of events) element.removeEventListener(type, onEvent);
      if (control) validity.clear(control);
    },
  };
}
