import {expect} from '@open-wc/testing';
import {
  connectDevtools,
  type DevtoolsConnection,
  type DevtoolsMessage,
  type DevtoolsState,
} from '../../src/devtools/index.js';
import {defineState, stateOf, stateVar} from '../../src/index.js';

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/** A monitor's side of a connection: the actions it was sent, and a way to send it messages. */
function monitor() {
  const actions: {type: string; payload: any; state: DevtoolsState}[] = [];
  let listener: (message: DevtoolsMessage) => void = () => {};
  const connection: DevtoolsConnection = {
    init() {},
    send: (action, state) => actions.push({...action, state}),
    subscribe: (l) => void (listener = l),
  };
  const dispatch = (type: string, state?: DevtoolsState) =>
    listener({type: 'DISPATCH', payload: {type}, state: state && JSON.stringify(state)});
  return {actions, connection, dispatch};
}

describe('connectDevtools without an extension or remote', () => {
  it('does nothing: no global is touched, changes go on, and it disconnects', () => {
    expect('__REDUX_DEVTOOLS_EXTENSION__' in window).to.equal(false);
    const before = Object.keys(window).length;
    const disconnect = connectDevtools({name: 'none'});
    const store = stateOf(defineState('NoDevtools', {vars: {n: stateVar.int(0)}}));
    store.set('n', 1);
    expect(store.get('n')).to.equal(1);
    expect(Object.keys(window).length).to.equal(before);
    expect(disconnect).to.be.a('function');
    disconnect();
  });
});

describe('connectDevtools with a monitor', () => {
  it('sends one action per changed key per task, with the state at its end; a jump sends none', async () => {
    const {actions, connection, dispatch} = monitor();
    const Counter = defineState('DevtoolsCounter', {
      urlPrefix: 'dc_',
      vars: {n: stateVar.int(0), q: stateVar.string('')},
    });
    const store = stateOf(Counter);
    await nextTask();
    const disconnect = connectDevtools({connect: () => connection});
    for (let i = 1; i <= 1000; i++) store.set('n', i);
    store.set('q', 'lamp');
    await nextTask();
    const ours = () => actions.filter((a) => a.type.startsWith('DevtoolsCounter/'));
    expect(ours().map((a) => [a.type, a.payload.previous, a.payload.value, a.payload.source])).to.deep.equal([
      ['DevtoolsCounter/n', 0, 1000, 'set'],
      ['DevtoolsCounter/q', '', 'lamp', 'set'],
    ]);
    const [first] = ours();
    expect(first!.state.root!.DevtoolsCounter).to.deep.equal({n: 1000, q: 'lamp'});
    // Time travel from the monitor: the page follows, and its own events are no new actions.
    dispatch('JUMP_TO_STATE', {root: {DevtoolsCounter: {n: 3, q: ''}}});
    await nextTask();
    expect(store.dump()).to.deep.equal({n: 3, q: ''});
    expect(ours().length).to.equal(2);
    store.set('n', 4); // a change of the page's own again is one
    await nextTask();
    expect(ours().length).to.equal(3);
    disconnect();
  });
});
