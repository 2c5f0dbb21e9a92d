import {html, LitElement} from 'lit';
import {defineState, stateVar, StateController} from 'page-state';

export const Calendar = defineState('Calendar', {urlPrefix: 'cal_', vars: {day: stateVar.int(1)}});

class CalendarApp extends LitElement {
  private calendar = new StateController(this, Calendar);

  override render() {
    const state = this.calendar.state;
    return html`<h2>Calendar</h2>
      <p>Day ${state.day} <button @click=${() => state.day++}>next day</button></p>`;
  }
}
customElements.define('calendar-app', CalendarApp);
