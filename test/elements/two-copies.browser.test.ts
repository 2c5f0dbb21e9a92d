// Two copies of page-state on one page: the bundled CDN file, and the npm entry as a separate
// module graph (with its own lit), as two micro-frontends bundling the library would have.
import {expect} from '@open-wc/testing';

type Api = typeof import('../../src/index.js');
const RUNTIME = Symbol.for('page-state.runtime');
const runtime = () => (globalThis as unknown as Record<symbol, {version: string; url: object; root: object}>)[RUNTIME]!;

describe('two copies of page-state on one page', () => {
  it('define elements once, share one URL service and root scope, warn when versions differ', async () => {
    history.replaceState(null, '', location.pathname);
    const first = (await import(new URL('/dist/page-state.js', location.href).href)) as Api;
    first.stateOf(first.defineState('Starter', {vars: {s: first.stateVar.int(0)}})); // the runtime is created on first use
    const shared = runtime();
    shared.version = '0.0.9'; // as if an older copy had come first
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    let second: Api;
    try {
      second = (await import(new URL('/.build/src/index.js', location.href).href)) as Api;
      second.stateOf(second.defineState('Starter', {vars: {s: second.stateVar.int(0)}}));
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => /page-state 0\.1\.0 shares this page with page-state 0\.0\.9 \(protocol 3\)/.test(w))).to.equal(true);

    expect(second.PageStateElement).to.not.equal(first.PageStateElement);
    expect(customElements.get('page-state')).to.equal(first.PageStateElement);
    expect(runtime()).to.equal(shared); // one URL service and root scope

    const sharedIn = (api: Api) => api.defineState('Shared', {urlPrefix: 'sh_', vars: {n: api.stateVar.int(0)}});
    expect(second.stateOf(sharedIn(second))).to.equal(first.stateOf(sharedIn(first)));

    const A = first.defineState('FromFirst', {urlPrefix: 'a_', vars: {x: first.stateVar.string()}});
    const B = second.defineState('FromSecond', {urlPrefix: 'b_', vars: {y: second.stateVar.list(second.stateVar.int())}});
    first.stateOf(A).state.x = 'one';
    second.stateOf(B).state.y = [1, 2];
    await new Promise((resolve) => setTimeout(resolve));
    expect(location.search).to.equal('?a_x=one&b_y=1,2');
  });
});
