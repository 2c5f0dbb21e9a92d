// Compile-only: the README's Lit quick start, kept compiling (imports point at the sources).
import {html, LitElement} from 'lit';
import {defineState, stateVar, StateController} from '../../src/index.js';

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

export class TaskView extends LitElement {
  private app = new StateController(this, AppWorkflow);

  override render() {
    return html`<button @click=${() => this.app.state.priority++}>priority ${this.app.state.priority}</button>`;
  }
}
