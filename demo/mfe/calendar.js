// The second micro-frontend: another team, another bundle (Vite), another copy of page-state
// and Lit, its own shadow root and scope. Not selfish.
import {css, html, LitElement} from 'lit';
import * as pageState from 'page-state';
import 'page-state/elements';

const {defineState, stateVar, StateController} = pageState;

export const Calendar = defineState('Calendar', {
  urlPrefix: 'cal_',
  vars: {view: stateVar.enum(['day', 'week', 'month'], 'day'), day: stateVar.date(null)},
});

const look = css`
  :host {
    display: block;
    border: 1px solid var(--border, #dde1e8);
    border-radius: 10px;
    padding: 1rem 1.25rem;
    background: var(--panel, #fff);
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  select,
  input {
    font: inherit;
  }
`;

class CalendarDay extends LitElement {
  calendar = new StateController(this, Calendar);
  render() {
    const {day, view} = this.calendar.state;
    return html`<p>Showing a ${view} view${day ? html` around ${day.toISOString().slice(0, 10)}` : ''}.</p>`;
  }
}

class CalendarApp extends LitElement {
  static styles = look;
  render() {
    return html`<page-state .definitions=${[Calendar]}>
      <h2>Calendar <small>(bundle of page-state ${pageState.VERSION})</small></h2>
      <label
        >View
        <state-bind path="Calendar.view"
          ><select name="view">
            <option>day</option>
            <option>week</option>
            <option>month</option>
          </select></state-bind
        ></label
      >
      <label
        >Day <state-bind path="Calendar.day"><input type="date" name="day" /></state-bind
      ></label>
      <calendar-day></calendar-day>
    </page-state>`;
  }
}

customElements.define('calendar-day', CalendarDay);
customElements.define('calendar-app', CalendarApp);
(window.pageStateCopies ??= []).push({name: 'calendar', api: pageState, definitions: {Calendar}});
