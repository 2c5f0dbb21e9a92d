import {expect, oneEvent} from '@open-wc/testing';
import type * as Demo from '../../demo/micro-frontends.js';
import type {LitElement} from 'lit';
import type {StateController} from '../../src/index.js';

type Mfe = typeof Demo & {stateOf: typeof import('../../src/index.js').stateOf};
type View = LitElement & {inbox?: StateController<any>; calendar?: StateController<any>; nav: StateController<any>; panel: StateController<any>};

describe('the micro-frontend page', () => {
  it('isolates the two scopes, shares NavState, and the selfish module purges nothing shared', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/pages/micro-frontends.html?nav_section=calendar&cal_view=month&inp_wide=true&junk=1';
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & {mfe: Mfe};
    const doc = win.document;
    const inner = async (app: string, view: string) => {
      const host = doc.querySelector(app) as LitElement;
      await host.updateComplete;
      const element = host.shadowRoot!.querySelector(view) as View;
      await element.updateComplete;
      return element;
    };
    const inbox = await inner('inbox-app', 'inbox-view');
    const calendar = await inner('calendar-app', 'calendar-view');

    expect(inbox.nav.store).to.equal(calendar.nav.store);
    expect(inbox.nav.store).to.equal(win.mfe.stateOf(win.mfe.NavState));
    expect(inbox.nav.state.section).to.equal('calendar');
    expect(calendar.calendar!.state.view).to.equal('month');

    expect(inbox.panel.store).to.not.equal(calendar.panel.store);
    expect([inbox.panel.state.wide, calendar.panel.state.wide]).to.deep.equal([true, false]);
    calendar.panel.state.wide = true;
    inbox.panel.state.wide = false;
    expect([inbox.panel.state.wide, calendar.panel.state.wide]).to.deep.equal([false, true]);

    inbox.inbox!.state.thread = 4;
    await new Promise((resolve) => win.setTimeout(resolve));
    expect(win.location.search).to.equal('?nav_section=calendar&in_thread=4');
    expect(calendar.calendar!.state.view).to.equal('month'); // purged from the URL, kept in memory
    frame.remove();
  });
});
