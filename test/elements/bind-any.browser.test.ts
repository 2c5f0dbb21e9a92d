// <state-bind> binds any control and owns only what it creates (issue 13), in Chromium.
import {expect, oneEvent} from '@open-wc/testing';
import '../../elements/index.js';
import type {StateChange} from '../../src/core/schema/define.js';
import type {ErrorDetail} from '../../src/core/types.js';
import {defineState, stateOf, stateVar, type PageStateElement} from '../../src/index.js';

let n = 0;
const next = () => new Promise((done) => setTimeout(done));
/** A fresh namespace per test: the page's root scope lives as long as the page. */
const fresh = () =>
  defineState(`Bind${++n}`, {
    urlPrefix: `b${n}_`,
    vars: {q: stateVar.string(''), k: stateVar.int(0), on: stateVar.boolean(false)},
  });
const mount = (markup: string) => {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  return host;
};
const type = (input: HTMLInputElement, value: string, event = 'input') => {
  input.value = value;
  input.dispatchEvent(new Event(event, {bubbles: true, composed: true}));
};
function recorder(namespace: string) {
  const changes: StateChange[] = [];
  const errors: ErrorDetail[] = [];
  const onChange = (e: CustomEvent<StateChange>) => e.detail.namespace === namespace && changes.push(e.detail);
  const onError = (e: CustomEvent<ErrorDetail>) => e.detail.namespace === namespace && errors.push(e.detail);
  document.addEventListener('page-state-change', onChange);
  document.addEventListener('page-state-error', onError);
  return {
    changes,
    errors,
    stop: () => (
      document.removeEventListener('page-state-change', onChange),
      document.removeEventListener('page-state-error', onError)
    ),
  };
}

/** A form-associated custom element, as a team would write one: a star rating. */
class StarRating extends HTMLElement {
  static formAssociated = true;
  readonly internals = this.attachInternals();
  #value = '0';
  get value() {
    return this.#value;
  }
  set value(v: string) {
    this.#value = String(v);
    this.textContent = '★'.repeat(Number(v) || 0);
  }
  setCustomValidity(reason: string) {
    this.internals.setValidity(reason ? {customError: true} : {}, reason);
  }
  get validationMessage() {
    return this.internals.validationMessage;
  }
  pick(v: string) {
    this.value = v;
    this.dispatchEvent(new Event('change', {bubbles: true}));
  }
}
customElements.define('star-rating', StarRating);

describe('<state-bind> and any control', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname));

  const orders: [string, (def: ReturnType<typeof fresh>) => Promise<HTMLElement>][] = [
    [
      'binding before its namespace',
      async (def) => {
        const host = mount(`<state-bind path="${def.name}.q"><input></state-bind>`);
        await next();
        stateOf(def);
        return host;
      },
    ],
    [
      'namespace before binding',
      async (def) => {
        stateOf(def);
        return mount(`<state-bind path="${def.name}.q"><input></state-bind>`);
      },
    ],
    [
      'definitions assigned to its <page-state> later',
      async (def) => {
        const host = mount(`<page-state><state-bind path="${def.name}.q"><input></state-bind></page-state>`);
        await next();
        (host.firstElementChild as PageStateElement).definitions = [def];
        return host;
      },
    ],
    [
      'path changed twice',
      async (def) => {
        stateOf(def);
        const host = mount(`<state-bind path="${def.name}.k"><input></state-bind>`);
        const bind = host.querySelector('state-bind')!;
        bind.setAttribute('path', `${def.name}.on`);
        bind.setAttribute('path', `${def.name}.q`);
        return host;
      },
    ],
  ];
  for (const [label, arrange] of orders) {
    it(`binds exactly once: ${label}`, async () => {
      const def = fresh();
      const seen = recorder(def.name);
      const host = await arrange(def);
      await next();
      const input = host.querySelector('input')!;
      type(input, 'one');
      await next(); // page-state-change is dispatched when the task's changes are flushed
      expect(seen.changes.filter((c) => c.source === 'set').map((c) => c.value)).to.deep.equal(['one']);
      const store = stateOf(def, host.querySelector('state-bind')!);
      input.remove(); // a released control never writes again
      await next();
      type(input, 'ghost');
      host.querySelector('state-bind')!.append(input); // bound again: once
      await next();
      type(input, 'two');
      await next();
      expect(seen.changes.filter((c) => c.source === 'set').map((c) => c.value)).to.deep.equal(['one', 'two']);
      host.remove(); // the binding leaves with its control: every listener goes
      await next();
      type(input, 'ghost');
      await next();
      expect(store.get('q')).to.equal('two');
      expect(location.search).to.not.include('ghost');
      seen.stop();
    });
  }

  it('shows text in a node of its own, binds a control that appears later, releases one that leaves', async () => {
    const def = fresh();
    const store = stateOf(def);
    store.set('q', 'hello');
    const host = mount(`<state-bind path="${def.name}.q"><!--anchor--></state-bind>`);
    const bind = host.querySelector('state-bind')!;
    const anchor = bind.firstChild!;
    await next();
    const shown = () => bind.shadowRoot!.textContent; // rendered in its own shadow root
    expect(shown()).to.equal('hello');
    const input = document.createElement('input');
    bind.insertBefore(input, anchor.nextSibling); // as a framework renders a conditional child
    await next();
    expect(input.value).to.equal('hello');
    expect(shown()).to.equal('');
    expect([...bind.childNodes]).to.deep.equal([anchor, input]); // the light DOM is the framework's
    type(input, 'typed');
    expect(store.get('q')).to.equal('typed');
    input.remove();
    await next();
    expect(shown()).to.equal('typed');
    expect([...bind.childNodes]).to.deep.equal([anchor]);
    host.remove();
  });

  it('never touches element children that are not a control', async () => {
    const def = fresh();
    stateOf(def).set('q', 'x');
    const host = mount(`<state-bind path="${def.name}.q"><b>label</b></state-bind>`);
    await next();
    expect(host.querySelector('state-bind')!.innerHTML).to.equal('<b>label</b>');
    host.remove();
  });

  it('binds a form-associated custom element and reports a committed invalid value through its validity', async () => {
    const def = fresh();
    history.replaceState(null, '', `?b${n}_k=3`);
    const seen = recorder(def.name);
    const host = mount(`<state-bind path="${def.name}.k"><star-rating></star-rating></state-bind>`);
    const stars = host.querySelector('star-rating') as StarRating;
    stateOf(def);
    await next();
    expect(stars.value).to.equal('3');
    stars.pick('5');
    expect(stateOf(def).get('k')).to.equal(5);
    stars.pick('lots');
    expect(stars.getAttribute('aria-invalid')).to.equal('true');
    expect(stars.validationMessage).to.equal('"lots" is not an integer');
    expect(seen.errors.map((e) => e.reason)).to.deep.equal(['"lots" is not an integer']);
    expect(stateOf(def).get('k')).to.equal(5);
    stars.pick('4');
    expect(stars.hasAttribute('aria-invalid')).to.equal(false);
    expect(stars.validationMessage).to.equal('');
    seen.stop();
    host.remove();
  });

  it('judges a half-typed number when it is committed, not on every keystroke', async () => {
    const def = fresh();
    stateOf(def).set('k', 7);
    const seen = recorder(def.name);
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (...args) => void logged.push(args);
    const host = mount(`<state-bind path="${def.name}.k"><input type="number"></state-bind>`);
    await next();
    const input = host.querySelector('input')!;
    try {
      type(input, '');
      type(input, '-');
      expect(seen.errors).to.deep.equal([]);
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
      type(input, '', 'change');
    } finally {
      console.error = error;
    }
    expect(seen.errors).to.have.length(1);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.validationMessage).to.equal(seen.errors[0]!.reason);
    expect(logged).to.deep.equal([]);
    expect(stateOf(def).get('k')).to.equal(7);
    seen.stop();
    host.remove();
  });

  it('links a visually hidden message where the control has no validity API', async () => {
    class PlainKnob extends HTMLElement {
      value = '';
    }
    customElements.define('plain-knob', PlainKnob);
    const def = fresh();
    stateOf(def);
    const host = mount(
      `<state-bind path="${def.name}.k"><plain-knob aria-describedby="hint"></plain-knob></state-bind><p id="hint">A number</p>`,
    );
    await next();
    const knob = host.querySelector('plain-knob') as PlainKnob;
    const error = oneEvent(host, 'page-state-error');
    knob.value = 'x';
    knob.dispatchEvent(new Event('change', {bubbles: true}));
    await error;
    const message = document.getElementById(knob.getAttribute('aria-errormessage')!)!;
    expect(message.textContent).to.equal('"x" is not an integer');
    expect(knob.getAttribute('aria-describedby')).to.equal(`hint ${message.id}`);
    knob.value = '2';
    knob.dispatchEvent(new Event('change', {bubbles: true}));
    expect(message.isConnected).to.equal(false);
    expect(knob.getAttribute('aria-describedby')).to.equal('hint');
    host.remove();
  });

  it('reads and writes the property `prop` names, after the event `event` names', async () => {
    class OddSwitch extends HTMLElement {
      on = false;
    }
    customElements.define('odd-switch', OddSwitch);
    const def = fresh();
    stateOf(def).set('on', true);
    const host = mount(
      `<state-bind path="${def.name}.on" prop="on" event="flip"><odd-switch></odd-switch></state-bind>`,
    );
    await next();
    const odd = host.querySelector('odd-switch') as OddSwitch;
    expect(odd.on).to.equal(true);
    odd.on = false;
    odd.dispatchEvent(new Event('flip', {bubbles: true}));
    expect(stateOf(def).get('on')).to.equal(false);
    host.remove();
  });
});
