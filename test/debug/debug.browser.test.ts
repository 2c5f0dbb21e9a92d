import {expect, oneEvent} from '@open-wc/testing';
import type {StateStore} from '../../src/index.js';

type Page = Window & {logged: string[]; stores: {shell: StateStore; search: StateStore}};

/** The debug page in a frame, with the switch as given (`null`: off), from the dev or production CDN file. */
async function open(debug: string | null, build: 'dev' | 'production' = 'dev'): Promise<Page> {
  if (debug === null) localStorage.removeItem('debug');
  else localStorage.debug = debug;
  const frame = document.createElement('iframe');
  frame.src = `/test/pages/debug.html?build=${build}`;
  document.body.append(frame);
  const win = frame.contentWindow as Page;
  await oneEvent(win, 'stores-ready');
  return win;
}
/** Resolves after the frame's next URL write (page-state writes at the end of a task). */
const written = (win: Window) => new Promise<void>((resolve) => win.setTimeout(resolve));

afterEach(() => {
  localStorage.removeItem('debug');
  document.querySelectorAll('iframe').forEach((f) => f.remove());
});

/** A selfish purge, another writer's push and a write the browser drops, in the frame. */
async function exercise(win: Page) {
  const {shell, search} = win.stores;
  shell.set('tab', 'mail');
  await written(win);
  search.set('q', 'shoes'); // a selfish claim: Shell is not on screen, so its param goes
  await written(win);
  win.history.pushState(null, '', '?other=1'); // another writer
  const replace = win.history.replaceState;
  let dropped = false;
  const landed = new Promise<void>((resolve) => {
    win.history.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
      // The first write is dropped without a word, as rate-limited browsers do; the retry lands.
      if (!dropped) return void (dropped = true);
      replace.apply(this, args);
      if (String(args[2]).includes('s_q=boots')) resolve();
    };
  });
  search.set('q', 'boots');
  await landed;
  win.history.replaceState = replace;
}

describe('the debug switch (development build)', () => {
  it("logs a selfish purge, another writer's push and a dropped write, each with its cause", async () => {
    const win = await open('page-state:url');
    await exercise(win);
    const url = win.logged.filter((line) => line.startsWith('page-state:url '));
    expect(
      url.find((l) => l.includes('removes tab')),
      url.join('\n'),
    ).to.match(/purge: the selfish claim of Search removes tab .*"kept":\{"s_q":"own"\}/);
    expect(
      url.find((l) => l.includes('adopt')),
      url.join('\n'),
    ).to.match(/adopt another writer's push: .*\?other=1/);
    expect(
      url.find((l) => l.includes('dropped')),
      url.join('\n'),
    ).to.match(/the browser dropped the write .*retrying in \d+ ms/);
    expect(
      url.find((l) => l.includes('replace ') && l.includes('s_q=boots')),
      url.join('\n'),
    ).to.match(/"namespaces":\["Search"\]/);
    // Only the topic asked for: no store changes.
    expect(win.logged.filter((line) => line.startsWith('page-state:store'))).to.deep.equal([]);
    expect(win.performance.getEntriesByName('page-state:flush', 'measure').length).to.be.greaterThan(0);
  });

  it("'page-state' switches every topic on, store changes with their source included", async () => {
    const win = await open('page-state');
    win.stores.shell.set('tab', 'mail');
    await written(win);
    expect(win.logged).to.include.members(['page-state:store Shell.tab = "mail" (set) {"previous":""}']);
    expect(win.logged.some((l) => l.startsWith('page-state:url replace'))).to.equal(true);
  });

  it('logs nothing with the switch off, nor from the production build with it on', async () => {
    for (const [debug, build] of [
      [null, 'dev'],
      ['page-state:*', 'production'],
    ] as const) {
      const win = await open(debug, build);
      await exercise(win);
      expect(win.location.search, build).to.include('s_q=boots');
      expect(win.logged, `${build} build, switch ${debug}`).to.deep.equal([]);
      document.querySelector('iframe')!.remove();
    }
  });
});
