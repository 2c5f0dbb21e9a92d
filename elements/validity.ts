let ids = 0;
type Checked = HTMLElement & {setCustomValidity?(reason: string): void};

/**
 * How a binding tells the user (and assistive technology) that an entry was rejected:
 * `aria-invalid`, and the reason as the control's validity message where it has
 * `setCustomValidity` (native, form-associated and design-system controls), else as a visually
 * hidden message of the binding's own, linked with `aria-errormessage` and `aria-describedby`.
 */
export class Validity {
  /** The binding's own message element, while one is shown. */
  message?: HTMLElement;

  readonly #host: HTMLElement;

  constructor(host: HTMLElement) {
    this.#host = host;
  }

  mark(control: Checked, reason: string): void {
    control.setAttribute('aria-invalid', 'true');
    if (control.setCustomValidity) return control.setCustomValidity(reason);
    this.#link(control, false);
    const message = (this.message ??= document.createElement('span'));
    message.id ||= `state-bind-error-${++ids}`;
    message.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)';
    message.textContent = reason;
    this.#host.append(message);
    this.#link(control, true);
  }

  clear(control: Checked): void {
    if (!control.hasAttribute('aria-invalid')) return;
    control.removeAttribute('aria-invalid');
    control.setCustomValidity?.('');
    this.#link(control, false);
    this.message?.remove();
    this.message = undefined;
  }

  /** Adds (or removes) the message to the control's `aria-errormessage` and `aria-describedby`. */
  #link(control: Checked, on: boolean) {
    const id = this.message?.id;
    if (!id) return;
    for (const attr of ['aria-errormessage', 'aria-describedby']) {
      const ids = (control.getAttribute(attr) ?? '').split(' ').filter((x) => x && x !== id);
      if (on) ids.push(id);
      if (ids.length) control.setAttribute(attr, ids.join(' '));
      else control.removeAttribute(attr);
    }
  }
}
