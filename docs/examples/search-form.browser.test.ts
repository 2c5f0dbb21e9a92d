import {expect, fixture, html} from '@open-wc/testing';
import 'page-state/elements';
import {createTestRuntime, type TestRuntime} from 'page-state/testing';

let runtime: TestRuntime;
beforeEach(() => (runtime = createTestRuntime({url: '/search?q=printer'})));
afterEach(() => runtime.dispose());

const searchForm = () => fixture(html`
  <form>
    <state-namespace name="Search"><state-var name="q"></state-var></state-namespace>
    <state-bind path="Search.q"><input name="q" /></state-bind>
  </form>`);

it('fills the search box from the URL', async () => {
  const form = await searchForm();
  await runtime.settled();
  expect(form.querySelector('input')!.value).to.equal('printer');
});

it('writes what the user types into the URL', async () => {
  const form = await searchForm();
  const input = form.querySelector('input')!;
  input.value = 'stapler';
  input.dispatchEvent(new Event('input', {bubbles: true}));
  await runtime.settled();
  expect(runtime.url.search).to.equal('?q=stapler');
});
