// Two copies of page-state on one page: the bundled CDN file, and the npm entry as a separate
// module graph (with its own lit), as two micro-frontends bundling the library would have.
import {expect} from '@open-wc/testing';
import {BUILDS} from '../builds.js';

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
    expect(
      warnings.some((w) => /page-state 0\.1\.0 shares this page with page-state 0\.0\.9 \(protocol 3\)/.test(w)),
    ).to.equal(true);

    expect(second.PageStateElement).to.not.equal(first.PageStateElement);
    expect(customElements.get('page-state')).to.equal(first.PageStateElement);
    expect(runtime()).to.equal(shared); // one URL service and root scope

    const sharedIn = (api: Api) => api.defineState('Shared', {urlPrefix: 'sh_', vars: {n: api.stateVar.int(0)}});
    expect(second.stateOf(sharedIn(second))).to.equal(first.stateOf(sharedIn(first)));

    const A = first.defineState('FromFirst', {urlPrefix: 'a_', vars: {x: first.stateVar.string()}});
    const B = second.defineState('FromSecond', {
      urlPrefix: 'b_',
      vars: {y: second.stateVar.list(second.stateVar.int())},
    });
    first.stateOf(A).state.x = 'one';
    second.stateOf(B).state.y = [1, 2];
    await new Promise((resolve) => setTimeout(resolve));
    expect(location.search).to.equal('?a_x=one&b_y=1,2');
  });
});

type Report = {namespace: string; key: string | null; reason: string; from: string};
type Page = Window & {reports: Report[]; declared: string[]; ready?: boolean; npm: Api};

for (const build of BUILDS)
  describe(`markup mistakes across two copies (${build.name} CDN file, root scope made by the npm copy)`, () => {
    it('keeps the valid vars, reports the invalid one and the dangling path, declares once, and declares again once fixed', async () => {
      const frame = document.createElement('iframe');
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
      frame.src = build.page('/test/pages/two-copies-markup.html');
      document.body.append(frame);
      await loaded;
      const win = frame.contentWindow as Page;
      if (!win.ready) await new Promise((resolve) => win.addEventListener('copies-ready', resolve, {once: true}));
      await new Promise((resolve) => win.setTimeout(resolve)); // the task after the document is parsed
      const $ = (selector: string) => win.document.querySelector<HTMLInputElement>(selector)!;
      try {
        expect(win.reports.map((r) => [r.from, r.namespace, r.key])).to.deep.equal([
          ['state-namespace', 'Mixed', 'bad'],
          ['state-bind', 'Mixed', 'bad'],
          ['state-bind', 'Mixd', 'good'],
        ]);
        expect(win.reports[1]!.reason).to.equal(win.reports[0]!.reason).and.include('integer');
        expect(win.declared.filter((n) => n === 'Mixed')).to.deep.equal(['Mixed']);
        expect($('#good').value).to.equal('yes');
        // The other copy reads the markup namespace from the shared root scope.
        const before = win.npm.stateOf('Mixed', $('#good'));
        expect(before.definition.keys).to.deep.equal(['good']);

        const declared = new Promise((resolve) =>
          win.document.addEventListener('page-state-declared', resolve, {once: true}),
        );
        win.document.querySelector('state-var[name=bad]')!.setAttribute('type', 'int');
        await declared;
        const after = win.npm.stateOf('Mixed', $('#good'));
        expect(after).to.not.equal(before);
        expect(after.definition.keys).to.deep.equal(['good', 'bad']);
        $('#bad').value = '7';
        $('#bad').dispatchEvent(new Event('input', {bubbles: true}));
        expect(after.get('bad')).to.equal(7);
        await new Promise((resolve) => win.setTimeout(resolve));
        expect(win.location.search).to.equal('?x_bad=7');
      } finally {
        frame.remove();
      }
    });
  });
