import {expect} from '@open-wc/testing';
import {connectDevtools} from '../../src/devtools/index.js';
import {defineState, stateOf, stateVar} from '../../src/index.js';

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
