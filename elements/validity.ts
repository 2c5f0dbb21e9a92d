let ids = 0;

/**
 * How a binding tells the user (and assistive technology) that an entry was rejected:
 * `aria-invalid`, and the reason as the control's validity message where it has
 * `setCustomValidity` (native controls, form-associated and design-system elements), else as a
 * visually hidden message of the binding's own, linked with `aria-errormessage` and
 * `aria-describedby`.
 */
export class Validity {
  /** The binding's own message element, while one is shown. */
  message?: HTMLElement;

  constructor(private readonly host: HTMLElement) {}

  mark(control: HTMLElement & {setCustomValidity?(reason: string): void}, reason: string): void {
    control.setAttribute('aria-invalid', 'true');
    if (typeof control.setCustomValidity === 'function') return control.setCustomValidity(reason);
    const message = (this.message ??= Object.assign(document.createElement('span'), {id: `state-bind-error-${++ids}`}));
    message.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
    message.textContent = reason;
    this.host.append(message);
    control.setAttribute('aria-errormessage', message.id);
    control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby')?.replace(message.id, '').trim() ?? ''} ${message.id}`.trim());
  }

  clear(control: HTMLElement & {setCustomValidity?(reason: string): void}): void {
    if (!control.hasAttribute('aria-invalid')) return;
    control.removeAttribute('aria-invalid');
    control.setCustomValidity?.('');
    const {message} = this;
    if (!message) return;
    this.message = undefined;
    message.remove();
    control.removeAttribute('aria-errormessage');
    const rest = control.getAttribute('aria-describedby')?.replace(message.id, '').trim();
    if (rest) control.setAttribute('aria-describedby', rest);
    else control.removeAttribute('aria-describedby');
  }
}
