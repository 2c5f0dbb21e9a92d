// Issue 35: markup keeps everything it can and reports everything it cannot, in both builds;
// the development build says it in the console too, with "did you mean".
import {expect, oneEvent} from '@open-wc/testing';
import {BUILDS} from '../builds.js';

type Report = {namespace: string; key: string | null; reason: string; raw: unknown; from: string};
type Page = Window & {reports: Report[]; declared: string[]; logged: [level: string, text: string][]};

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

for (const build of BUILDS)
  describe(`markup mistakes, ${build.name} build`, () => {
    const dev = build.name === 'development';

    async function open(search = '') {
      const frame = document.createElement('iframe');
      const loaded = oneEvent(frame, 'load');
      frame.src = build.page('/test/pages/markup-mistakes.html') + search;
      document.body.append(frame);
      await loaded;
      const win = frame.contentWindow as Page;
      await win.customElements.whenDefined('state-bind');
      await settle(win); // the task after the document is parsed: names that point at nothing are reported
      const $ = <T extends Element = HTMLInputElement>(selector: string) => win.document.querySelector<T>(selector)!;
      return {win, doc: win.document, $};
    }
    const settle = (win: Window) => new Promise((resolve) => win.setTimeout(resolve));
    const from = (win: Page, element: string) => win.reports.filter((r) => r.from === element);

    it('declares a namespace with its valid vars, reports each invalid one once, and binds the valid ones into the URL', async () => {
      const {win, $} = await open('?m_q=boots&m_sort=new');
      const reports = from(win, 'state-namespace').filter((r) => r.namespace === 'Shop');
      expect(reports.map((r) => [r.namespace, r.key])).to.deep.equal([
        ['Shop', 'size'],
        ['Shop', 'page'],
        ['Shop', '1st'],
      ]);
      // Both builds: the code and the word that was wrong.
      for (const [report, word] of [
        [reports[0], 'number'],
        [reports[1], 'x'],
        [reports[2], '1st'],
      ] as const) {
        expect(report!.reason).to.include('PS_BAD_DEFINITION').and.include(word);
      }
      expect([$('#q').value, $<HTMLSelectElement>('#sort').value]).to.deep.equal(['boots', 'new']);
      $('#q').value = 'sandals';
      $('#q').dispatchEvent(new Event('input', {bubbles: true}));
      await settle(win);
      expect(win.location.search).to.equal('?m_q=sandals&m_sort=new');
      const groups = win.logged.filter(([level, text]) => level === 'group' && text.includes('"Shop"'));
      if (dev) {
        expect(groups.map(([, text]) => text)).to.have.length(1);
        expect(groups[0]![1]).to.match(/<state-namespace name="Shop">: what it cannot declare/);
      } else expect(win.logged.filter(([level]) => level === 'group')).to.deep.equal([]);
    });

    it('fires page-state-declared once per declaration', async () => {
      const {win} = await open();
      expect(win.declared.filter((n) => n === 'Shop')).to.deep.equal(['Shop']);
      expect(win.declared.filter((n) => n === 'Typo')).to.deep.equal(['Typo']);
    });

    it("makes a binding of an invalid var say that var's error, and never that its namespace is undeclared", async () => {
      const {win} = await open();
      const size = from(win, 'state-namespace').find((r) => r.key === 'size')!;
      expect(from(win, 'state-bind').filter((r) => r.namespace === 'Shop' && r.key === 'size')).to.deep.equal([
        {...size, raw: 'Shop.size', from: 'state-bind'},
      ]);
      const said = win.logged.filter(([, text]) => text.startsWith('<state-bind> Shop.size:'));
      expect(said.map(([level]) => level)).to.deep.equal(dev ? ['warn'] : []);
      if (dev) expect(said[0]![1]).to.include('unknown type "number"');
      expect(win.logged.some(([, text]) => /declared yet|binding when one is/.test(text))).to.equal(false);
    });

    it('declares the namespace again, with the var, once its markup is fixed', async () => {
      const {win, doc, $} = await open('?m_q=boots');
      const shop = $<HTMLElement & {definition: {keys: string[]}}>('state-namespace[name=Shop]');
      let declared = oneEvent(doc, 'page-state-declared');
      $('state-var[name=size]').setAttribute('type', 'int');
      expect(((await declared) as CustomEvent).detail).to.deep.equal({namespace: 'Shop'});
      expect(shop.definition.keys).to.deep.equal(['q', 'size', 'sort']);
      declared = oneEvent(doc, 'page-state-declared');
      $('state-var[name=page]').setAttribute('default', '2');
      await declared;
      expect(shop.definition.keys).to.deep.equal(['q', 'size', 'page', 'sort']);
      expect(win.declared.filter((n) => n === 'Shop')).to.have.length(3); // once per declaration
      expect([$('#q').value, $('#page').value]).to.deep.equal(['boots', '2']); // bound, the URL's value kept
      $('#size').value = '42';
      $('#size').dispatchEvent(new Event('input', {bubbles: true}));
      await settle(win);
      expect(win.location.search).to.equal('?m_q=boots&m_size=42');
    });

    it('reports a path or a namespace that points at nothing once the page is parsed, with the nearest name in development', async () => {
      const {win} = await open();
      const dangling = from(win, 'state-bind').filter((r) => r.namespace === 'Shopp' || r.key === 'qq');
      expect(dangling.map((r) => [r.namespace, r.key, r.raw])).to.deep.equal([
        ['Shop', 'qq', 'Shop.qq'],
        ['Shopp', 'q', 'Shopp.q'],
      ]);
      expect(dangling[0]!.reason).to.include('PS_UNKNOWN_KEY').and.include('qq');
      expect(dangling[1]!.reason).to.include('PS_UNKNOWN_NAMESPACE').and.include('Shopp');
      const warned = (start: string) =>
        win.logged.filter(([level, text]) => level === 'warn' && text.startsWith(start)).map(([, text]) => text);
      if (dev) {
        expect(dangling[0]!.reason).to.include('did you mean "q"');
        expect(warned('<state-bind> Shopp.q:')).to.have.length(1);
        expect(warned('<state-bind> Shopp.q:')[0]).to.include('did you mean "Shop"');
        expect(
          warned('<state-focus namespace="Shpo">: no namespace "Shpo" is declared (did you mean "Shop"?)'),
        ).to.have.length(1);
      } else expect(win.logged.filter(([level]) => level === 'warn')).to.deep.equal([]);
    });

    it("warns in development of a misspelled attribute on every element with the one it meant, never of the page's own", async () => {
      const {win} = await open();
      const warnings = win.logged
        .filter(([level, text]) => level === 'warn' && text.includes('unknown attribute'))
        .map(([, text]) => text);
      expect(warnings.sort()).to.deep.equal(
        dev
          ? [
              '<page-state>: unknown attribute "urlmode" (did you mean "url-mode"?)',
              '<state-bind path="Shop.qq">: unknown attribute "porp" (did you mean "prop"?)',
              '<state-bind>: unknown attribute "pth" (did you mean "path"?)',
              '<state-focus namespace="Shpo">: unknown attribute "namespce" (did you mean "namespace"?)',
              '<state-namespace name="Typo">: unknown attribute "urlprefix" (did you mean "url-prefix"?)',
              '<state-var name="a">: unknown attribute "tpye" (did you mean "type"?)',
              '<state-var name="b">: unknown attribute "url_key" (did you mean "url-key"?)',
            ]
          : [],
      );
    });

    it("makes a binding of a namespace that could not be declared say the namespace's error, and of a namespace whose every var is invalid, its var's", async () => {
      const {win, doc, $} = await open();
      const namespaceError = from(win, 'state-namespace').filter((r) => r.namespace === 'Cart');
      expect(namespaceError.map((r) => r.key)).to.deep.equal([null]);
      expect(namespaceError[0]!.reason).to.include('PS_BAD_DEFINITION').and.include('sever');
      // Every var of Notes is invalid: that var is reported, and nothing else of the namespace.
      const notes = from(win, 'state-namespace').filter((r) => r.namespace === 'Notes');
      expect(notes.map((r) => r.key)).to.deep.equal(['draft']);
      expect(notes[0]!.reason).to.include('PS_BAD_DEFINITION').and.include('text');
      const bindings = from(win, 'state-bind').filter((r) => r.namespace === 'Cart' || r.namespace === 'Notes');
      expect(bindings.map((r) => [r.raw, r.reason])).to.deep.equal([
        ['Cart.n', namespaceError[0]!.reason],
        ['Notes.draft', notes[0]!.reason],
      ]);
      expect(win.logged.some(([, text]) => /no namespace "(Cart|Notes)"/.test(text))).to.equal(false);
      // Once the broken <state-namespace> is gone, a binding of it is one of a namespace that does not exist.
      $('state-namespace[name=Cart]').remove();
      const later = Object.assign(doc.createElement('state-bind'), {id: 'late-cart'});
      later.setAttribute('path', 'Cart.n');
      $('#scope').append(later);
      await settle(win);
      await settle(win);
      const late = from(win, 'state-bind')
        .filter((r) => r.raw === 'Cart.n')
        .slice(1);
      expect(late.map((r) => r.reason.match(/PS_[A-Z_]+/)?.[0])).to.deep.equal(['PS_UNKNOWN_NAMESPACE']);
    });

    it('keeps a var of url-key="false" out of the URL, as url-key="" does', async () => {
      const {win, $} = await open();
      $('#private').value = 'secret';
      $('#private').dispatchEvent(new Event('input', {bubbles: true}));
      await settle(win);
      expect(win.location.search).to.equal('');
      expect($('#private').value).to.equal('secret');
    });

    it('reports a <state-bind> without a path once the page has settled, as a path that is not Namespace.var', async () => {
      const {win} = await open();
      const noPath = from(win, 'state-bind').filter((r) => r.raw === '');
      expect(noPath).to.have.length(1);
      expect(noPath[0]!.reason).to.include('PS_BAD_DEFINITION');
      expect(noPath[0]!.reason).not.to.include('PS_UNKNOWN_NAMESPACE');
      if (dev) expect(noPath[0]!.reason).to.include('path="" is not Namespace.var');
      expect(
        win.logged.filter(([level, text]) => level === 'error' && text.startsWith('<state-bind> :')),
      ).to.have.length(1);
    });
  });
