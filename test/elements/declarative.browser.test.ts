import {expect, oneEvent} from '@open-wc/testing';
import type {ErrorDetail} from '../../src/index.js';
import {BUILDS} from '../builds.js';

type Frame = {
  frame: HTMLIFrameElement;
  win: Window;
  doc: Document;
  $: <T extends Element = HTMLInputElement>(selector: string) => T;
};

/** The build the running test loads (set by each build's describe). */
let build: (typeof BUILDS)[number] = BUILDS[0];

async function open(path: string, frame = document.createElement('iframe')): Promise<Frame> {
  if (path.startsWith('/test/pages/')) path = build.page(path);
  const loaded = oneEvent(frame, 'load');
  if (frame.isConnected) frame.contentWindow!.location.href = path;
  else {
    frame.src = path;
    document.body.append(frame);
  }
  await loaded;
  const win = frame.contentWindow!;
  await win.customElements.whenDefined('state-bind');
  await new Promise((resolve) => win.setTimeout(resolve));
  return {frame, win, doc: win.document, $: (selector) => win.document.querySelector(selector)!};
}
const settle = (win: Window) => new Promise((resolve) => win.setTimeout(resolve));
function type(input: HTMLInputElement | HTMLTextAreaElement, text: string) {
  for (const char of text) {
    input.value += char;
    input.dispatchEvent(new Event('input', {bubbles: true}));
  }
}
function spyWrites(win: Window) {
  const writes: string[] = [];
  const replace = win.history.replaceState;
  win.history.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
    writes.push(String(args[2]));
    return replace.apply(this, args);
  };
  return writes;
}

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

for (const each of BUILDS)
  describe(`declarative elements from the ${each.name} CDN file`, () => {
    beforeEach(() => (build = each));

    it('binds every kind of control, writes the URL once per task, and a reload restores them all', async () => {
      const page = await open('/test/pages/declarative.html');
      const {$, win} = page;
      const writes = spyWrites(win);
      type($('#q'), 'printer');
      await settle(win);
      expect(writes.length).to.equal(1);
      expect(win.location.search).to.equal('?s_q=printer');

      $('#exact').click();
      const sort = $<HTMLSelectElement>('#sort');
      sort.value = 'top';
      sort.dispatchEvent(new Event('change', {bubbles: true}));
      const tags = $<HTMLSelectElement>('#tags');
      tags.options[1]!.selected = true;
      tags.options[2]!.selected = true;
      tags.dispatchEvent(new Event('change', {bubbles: true}));
      $('#page').value = '3';
      $('#page').dispatchEvent(new Event('input', {bubbles: true}));
      $('input[value=green]').click();
      $('#due').value = '2026-11-22';
      $('#due').dispatchEvent(new Event('change', {bubbles: true}));
      type($<HTMLTextAreaElement>('#note'), 'not in the URL');
      await settle(win);
      expect(decodeURIComponent(win.location.search)).to.equal(
        '?s_q=printer&s_exact=true&s_sort=top&s_tags=bug,a\\,b&s_p=3&s_color=green&s_due=2026-11-22',
      );
      expect($('#echo state-bind').shadowRoot!.textContent).to.equal('printer'); // shown in its own shadow root

      const reloaded = await open(win.location.href, page.frame);
      const r = reloaded.$;
      expect([
        r('#q').value,
        r('#exact').checked,
        r<HTMLSelectElement>('#sort').value,
        r('#page').value,
        r('#due').value,
      ]).to.deep.equal(['printer', true, 'top', '3', '2026-11-22']);
      expect([...r<HTMLSelectElement>('#tags').selectedOptions].map((o) => o.value)).to.deep.equal(['bug', 'a,b']);
      expect(r('input[value=green]').checked).to.equal(true);
      expect(r<HTMLTextAreaElement>('#note').value).to.equal('');
    });

    it('binds a checkbox group to a list, one item per checked box', async () => {
      const page = await open('/test/pages/declarative.html?s_kinds=10');
      const {win} = page;
      const boxes = () => [...page.doc.querySelectorAll<HTMLInputElement>('state-bind[path="Search.kinds"] input')];
      expect(boxes().map((b) => b.checked)).to.deep.equal([false, false, true]);
      boxes()[0]!.click();
      await settle(win);
      expect(decodeURIComponent(win.location.search)).to.equal('?s_kinds=1,10');
      boxes()[2]!.click();
      await settle(win);
      expect(win.location.search).to.equal('?s_kinds=1');
      const reloaded = await open(win.location.href, page.frame);
      expect(
        [...reloaded.doc.querySelectorAll<HTMLInputElement>('state-bind[path="Search.kinds"] input')].map(
          (b) => b.checked,
        ),
      ).to.deep.equal([true, false, false]);
    });

    it('binds a number input to an int, a range to a float and datetime-local to a datetime (local time in the control, UTC in the URL)', async () => {
      const page = await open('/test/pages/declarative.html');
      const {$, win} = page;
      expect([$('#zoom').value, $('#qty').value]).to.deep.equal(['1', '0']);
      $('#zoom').value = '1.5';
      $('#zoom').dispatchEvent(new Event('input', {bubbles: true}));
      $('#at').value = '2026-11-22T10:30';
      $('#at').dispatchEvent(new Event('change', {bubbles: true}));
      $('#qty').value = '12';
      $('#qty').dispatchEvent(new Event('input', {bubbles: true}));
      await settle(win);
      const utc = new Date('2026-11-22T10:30').toISOString(); // the page's local time, as UTC
      expect(decodeURIComponent(win.location.search)).to.equal(`?s_zoom=1.5&s_at=${utc}&s_qty=12`);
      const reloaded = await open(win.location.href, page.frame);
      expect([reloaded.$('#zoom').value, reloaded.$('#at').value, reloaded.$('#qty').value]).to.deep.equal([
        '1.5',
        '2026-11-22T10:30',
        '12',
      ]);
    });

    it('binds when path is set after the element is connected, and rebinds when it changes', async () => {
      const {doc, win} = await open('/test/pages/declarative.html?s_q=printer');
      const errors: unknown[] = [];
      doc.addEventListener('page-state-error', (e) => errors.push((e as CustomEvent).detail));
      const bind = doc.createElement('state-bind');
      const input = doc.createElement('input');
      bind.append(input);
      doc.querySelector('page-state')!.append(bind);
      bind.setAttribute('path', 'Search.q'); // as a framework may do, after inserting it
      expect(input.value).to.equal('printer');
      expect(errors).to.deep.equal([]);
      bind.setAttribute('path', 'Search.page');
      expect(input.value).to.equal('1');
      input.value = '5';
      input.dispatchEvent(new Event('input', {bubbles: true}));
      await settle(win);
      expect(win.location.search).to.equal('?s_q=printer&s_p=5');
    });

    it('reports a binding whose namespace is still undeclared a task after the page is parsed, binds when it comes, and rejects a malformed path', async () => {
      const {doc, win} = await open('/test/pages/declarative.html');
      const logged: unknown[][] = [];
      Object.assign((win as Window & typeof globalThis).console, {
        warn: (...args: unknown[]) => logged.push(args),
        error: (...args: unknown[]) => logged.push(args),
      });
      const errors: ErrorDetail[] = [];
      doc.addEventListener('page-state-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
      doc.body.insertAdjacentHTML(
        'beforeend',
        '<state-bind path="Later.q"><input id="later" /></state-bind><state-bind path="Search"></state-bind>',
      );
      expect(
        errors.map((e) => [e.namespace, e.key, e.raw]),
        JSON.stringify(errors),
      ).to.deep.equal([['Search', '', 'Search']]);
      expect(errors[0]!.reason).to.include('PS_BAD_DEFINITION').and.include('Search');
      await settle(win);
      expect(errors.map((e) => [e.namespace, e.key, e.raw])).to.deep.equal([
        ['Search', '', 'Search'],
        ['Later', 'q', 'Later.q'],
      ]);
      expect(errors[1]!.reason).to.include('PS_UNKNOWN_NAMESPACE').and.include('Later');
      expect(logged.length).to.equal(build.name === 'development' ? 2 : 1); // the warning is the development build's
      // Declared after the report, it still binds.
      doc.body.insertAdjacentHTML(
        'beforeend',
        '<state-namespace name="Later"><state-var name="q"></state-var></state-namespace>',
      );
      type(doc.querySelector<HTMLInputElement>('#later')!, 'ok');
      await settle(win);
      expect(win.location.search).to.equal('?q=ok');
    });

    it('gives a script the markup namespace by name (stateOf(name, node)), and says when there is none', async () => {
      const {$, win} = await open('/test/pages/declarative.html');
      const page = win as Window & {heard?: unknown[]; unknownNamespace?: string};
      expect(page.unknownNamespace).to.equal('PS_UNKNOWN_NAMESPACE');
      type($('#q'), 'ab');
      expect(page.heard).to.deep.equal([
        ['Search', 'q', 'a'],
        ['Search', 'q', 'ab'],
      ]);
      expect($('state-namespace')).to.have.property('definition').that.has.property('name', 'Search');
    });

    it('renders a hostile param as text and creates no element', async () => {
      const payload = '<img src=x onerror="window.pwned=1">';
      const {$, doc, win} = await open(`/test/pages/declarative.html?s_q=${encodeURIComponent(payload)}`);
      expect($('#q').value).to.equal(payload);
      const shown = $('#echo state-bind').shadowRoot!;
      expect(shown.textContent).to.equal(payload);
      expect(doc.querySelector('img')).to.equal(null);
      expect(shown.querySelector('img')).to.equal(null);
      expect((win as Window & {pwned?: number}).pwned).to.equal(undefined);
    });

    it('marks an invalid entry aria-invalid and keeps the last valid state', async () => {
      const {$, win} = await open('/test/pages/declarative.html?s_p=2');
      const heard = oneEvent(win.document, 'page-state-error');
      $('#page').value = '2x';
      $('#page').dispatchEvent(new Event('input', {bubbles: true})); // still typing: no error yet
      $('#page').dispatchEvent(new Event('change', {bubbles: true})); // committed
      const {detail} = (await heard) as CustomEvent<ErrorDetail>;
      expect(detail).to.include({namespace: 'Search', key: 'page', raw: '2x'});
      expect($('#page').getAttribute('aria-invalid')).to.equal('true');
      await settle(win);
      expect(win.location.search).to.equal('?s_p=2');
      $('#page').value = '4';
      $('#page').dispatchEvent(new Event('input', {bubbles: true}));
      expect($('#page').hasAttribute('aria-invalid')).to.equal(false);
    });

    it('focuses a namespace from <state-focus>', async () => {
      const {$, win} = await open('/test/pages/declarative.html?s_q=x&other=1');
      $<HTMLButtonElement>('#focus').click();
      await settle(win);
      expect(win.location.search).to.equal('?s_q=x');
    });

    it('reports bad markup as a page-state-error and a console error, naming the element', async () => {
      const {win, doc} = await open('/test/pages/declarative.html');
      const logged: unknown[][] = [];
      (win as Window & typeof globalThis).console.error = (...args: unknown[]) => logged.push(args);
      const errors: ErrorDetail[] = [];
      doc.addEventListener('page-state-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
      doc.body.insertAdjacentHTML(
        'beforeend',
        `<state-namespace name="Bad1"><state-var name="a" type="number"></state-var></state-namespace>
       <state-namespace name="Bad2"><state-var name="a" type="int" default="x"></state-var></state-namespace>
       <state-namespace name="Bad3"><state-var name="a"></state-var><state-var name="a"></state-var></state-namespace>`,
      );
      // A namespace left with no valid var is not declared: each of its vars said why (and its
      // bindings say it too, mistakes.browser.test.ts), without a namespace-level report on top.
      expect(errors.map((e) => [e.namespace, e.key])).to.deep.equal([
        ['Bad1', 'a'],
        ['Bad2', 'a'],
        ['Bad3', 'a'],
      ]);
      // Development says what is wrong; production keeps the code and the fact (the type, the default).
      const [unknown, badDefault, twice] =
        build.name === 'development'
          ? [/unknown type "number"/, /default "x" is not a valid int/, /Bad3: var "a" is declared twice/]
          : [/PS_BAD_DEFINITION\W+number$/, /PS_BAD_DEFINITION\W+x$/, /PS_BAD_DEFINITION\W+Bad3: a$/];
      expect(errors[0]!.reason).to.match(unknown);
      expect(errors[1]!.reason).to.match(badDefault);
      expect(errors[2]!.reason).to.match(twice);
      expect(logged.length).to.equal(3);
      expect(String(logged[0]![0])).to.match(/^<state-namespace> Bad1\.a:/);
    });

    it('works from the classic-script (IIFE) build', async () => {
      const {$, win} = await open('/test/pages/iife.html?c_n=7');
      expect($('#n').value).to.equal('7');
      expect(typeof (win as Window & {PageState?: {defineState: unknown}}).PageState?.defineState).to.equal('function');
      type($('#n'), '1');
      await settle(win);
      expect(win.location.search).to.equal('?c_n=71');
    });
  });
