import {html, LitElement} from 'lit';
import {defineState, stateVar, StateController} from 'page-state';

export const AppWorkflow = defineState('AppWorkflow', {
  urlPrefix: 'app_',
  vars: {
    taskId: stateVar.string('', {urlKey: 'tid'}),
    priority: stateVar.int(1, {urlKey: 'pri', valueMap: {1: 'low', 2: 'mid', 3: 'high'}}),
    done: stateVar.boolean(false),
    tags: stateVar.list(stateVar.string(), []),
    due: stateVar.date(null),
  },
  onChange: ({key, previous, value, source}) => console.log(key, previous, '→', value, source),
});

class TaskView extends LitElement {
  // Finds the nearest <page-state> that declares AppWorkflow (else the page's root scope).
  private app = new StateController(this, AppWorkflow);

  override render() {
    // Re-renders only when `priority` changes: the controller tracks what render() read.
    return html`<button @click=${() => this.app.state.priority++}>priority ${this.app.state.priority}</button>`;
  }
}
customElements.define('task-view', TaskView);
