// Issue 35 in Chromium, in both builds: a rejected URL value fires page-state-error everywhere
// and, in development, one console warning per param per load naming the param as written
// (prefix + url-key), its raw value, its var and why; a shareUrlWith name that never appears is
// warned of (development) once the document is parsed, with the nearest declared name.
import {expect, oneEvent} from '@open-wc/testing';
import type {ErrorDetail} from '../../src/index.js';
import {BUILDS} from '../builds.js';

type MistakesWindow = Window & {warnings: string[]; errors: ErrorDetail[]};

async function open(path: string): Promise<MistakesWindow> {
  const frame = document.createElement('iframe');
  const loaded = oneEvent(frame, 'load');
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as MistakesWindow;
  // The shareUrlWith check runs a task after DOMContentLoaded; two tasks after load are past it.
  for (let i = 0; i < 2; i++) await new Promise((resolve) => win.setTimeout(resolve));
  return win;
}

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

for (const build of BUILDS)
  describe(`mistakes on a page, ${build.name} CDN file`, () => {
    const dev = build.name === 'development';

    it('a rejected URL value: an event each time, and in development one warning per param per load', async () => {
      const win = await open(`${build.page('/test/pages/mistakes.html')}?f_p=abc&f_q=lamp`);
      expect(win.errors.map(({namespace, key, raw}) => [namespace, key, raw])).to.deep.equal([
        ['Filters', 'page', 'abc'],
      ]);
      expect((win as never as {filters: {state: {page: number; q: string}}}).filters.state).to.deep.include({
        page: 1,
        q: 'lamp',
      });
      const rejected = (line: string) => line.includes('f_p=');
      const expected = dev
        ? [
            'page-state PS_INVALID_VALUE: the URL param f_p=abc is ignored: "abc" is not an integer. It is Filters.page (urlPrefix "f_" + urlKey "p"), which keeps its stored or default value.',
          ]
        : [];
      expect(win.warnings.filter(rejected)).to.deep.equal(expected);

      // The same param rejected again on this load (another writer pushes it): the event again, no second line.
      const again = oneEvent(win.document, 'page-state-error');
      win.history.pushState(null, '', '?f_p=x2');
      expect(((await again) as CustomEvent<ErrorDetail>).detail).to.deep.include({
        namespace: 'Filters',
        key: 'page',
        raw: 'x2',
      });
      expect(win.warnings.filter(rejected)).to.deep.equal(expected);
    });

    it('a valid URL warns of nothing', async () => {
      const win = await open(`${build.page('/test/pages/mistakes.html')}?f_p=2`);
      expect(win.errors).to.deep.equal([]);
      expect(win.warnings.filter((line) => line.includes('PS_INVALID_VALUE'))).to.deep.equal([]);
    });

    it('a shareUrlWith name no namespace of the page has is warned of with the nearest name (development)', async () => {
      const win = await open(build.page('/test/pages/mistakes.html'));
      expect(win.warnings.filter((line) => line.includes('shareUrlWith'))).to.deep.equal(
        dev
          ? [
              'page-state PS_UNKNOWN_NAMESPACE: Board shares its URL with "Filtres" (shareUrlWith), but no namespace of this page is called so (did you mean "Filters"?).',
            ]
          : [],
      );
    });
  });
