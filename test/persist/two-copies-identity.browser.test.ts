// The identity reaches every copy's namespaces: two separately bundled copies of page-state, signed
// in as Ada. The npm build loads first and defines <page-state>; the CDN file makes the page's
// runtime, so the npm copy's scope makes its stores over adapters the CDN copy's runtime made.
import {expect} from '@open-wc/testing';

type Api = typeof import('../../src/index.js');
const load = async (path: string) => (await import(new URL(path, location.href).href)) as Api;
const nextTask = () => new Promise((resolve) => setTimeout(resolve));
// Other test files share this origin's localStorage: only this file's namespaces (Copy*) count.
const keysOf = (area: Storage) =>
  Array.from({length: area.length}, (_, i) => area.key(i)!)
    .filter((key) => key.includes('Copy'))
    .sort();

describe('the identity across two copies of page-state', () => {
  it("keeps the second copy's local and session drafts in Ada's partition, and leaves none after she signs out", async () => {
    const second = await load('/.build/src/index.js');
    const first = await load('/dist/page-state.js');
    first.stateOf(first.defineState('Starter', {vars: {s: first.stateVar.int(0)}})); // the runtime
    expect(customElements.get('page-state')).to.equal(second.PageStateElement);
    first.setIdentity('ada');

    const text = () => ({text: second.stateVar.string('', {urlKey: false})});
    const Local = second.defineState('CopyLocal', {persist: 'local', vars: text()});
    const Session = second.defineState('CopySession', {persist: 'session', vars: text()});
    const scope = document.createElement('page-state') as InstanceType<Api['PageStateElement']>;
    scope.definitions = [Local, Session];
    scope.append(document.createElement('div'));
    document.body.append(scope);
    const local = second.stateOf(Local, scope.firstElementChild!);
    const session = second.stateOf(Session, scope.firstElementChild!);
    local.set('text', 'ada local');
    session.set('text', 'ada session');
    await nextTask();
    expect(keysOf(localStorage)).to.deep.equal(['page-state:ada:CopyLocal']);
    expect(keysOf(sessionStorage)).to.deep.equal(['page-state:ada:CopySession']);
    expect(JSON.parse(localStorage.getItem('page-state:ada:CopyLocal')!).values).to.deep.equal({text: 'ada local'});

    second.setIdentity(null);
    await nextTask();
    expect(keysOf(localStorage)).to.deep.equal([]);
    expect(keysOf(sessionStorage)).to.deep.equal([]);
    expect([local.get('text'), session.get('text')]).to.deep.equal(['', '']);
    scope.remove();
  });
});
