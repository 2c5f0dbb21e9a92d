import {html, LitElement} from 'lit';
import {defineState, stateVar, StateController} from '../../src/index.js';

export const Task = defineState('Task', {
  urlPrefix: 't_',
  vars: {priority: stateVar.int(1), done: stateVar.boolean(false)},
});
export const Nav = defineState('Nav', {vars: {section: stateVar.string('home')}});

/** Renders one var of Task, chosen by the `key` attribute, and counts its updates. */
export class TaskField extends LitElement {
  app = new StateController(this, Task);
  updates = 0;
  override render() {
    return html`${String(this.getAttribute('key') === 'done' ? this.app.state.done : this.app.state.priority)}`;
  }
  protected override updated() {
    this.updates++;
  }
}
customElements.define('task-field', TaskField);

/** Renders Task.priority and Nav.section from inside its own shadow root. */
export class TaskCard extends LitElement {
  task = new StateController(this, Task);
  nav = new StateController(this, Nav);
  override render() {
    return html`<span>${this.task.state.priority} ${this.nav.state.section}</span>`;
  }
}
customElements.define('task-card', TaskCard);

/** A shadow host whose own shadow root holds a task-card: scopes must cross shadow boundaries. */
export class ShadowShell extends LitElement {
  override render() {
    return html`<task-card></task-card>`;
  }
}
customElements.define('shadow-shell', ShadowShell);
