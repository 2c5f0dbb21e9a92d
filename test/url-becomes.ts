import {expect} from '@open-wc/testing';

/**
 * Resolves once `read()` (the URL's search or hash) is `expected`, at once or at the history write
 * that makes it so, then asserts it (bounded, so a wrong URL fails with a diff, not a timeout).
 * page-state's history writes are rate limited per page (a burst of 20, then 8 a second), and a
 * test file's earlier tests may have spent that burst: a write may come a moment after the task
 * that asked for it. Browser tests only.
 */
export async function urlBecomes(expected: string, message?: string, read = () => location.search): Promise<void> {
  if (read() !== expected) {
    const wrapped: Partial<Record<'pushState' | 'replaceState', History['pushState']>> = {};
    const originals = {pushState: history.pushState, replaceState: history.replaceState};
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      new Promise<void>((resolve) => {
        for (const kind of ['pushState', 'replaceState'] as const)
          history[kind] = wrapped[kind] = function (this: History, ...args: Parameters<History['pushState']>) {
            originals[kind].apply(this, args);
            if (read() === expected) resolve();
          };
      }),
      new Promise((resolve) => (timer = setTimeout(resolve, 2000))),
    ]);
    clearTimeout(timer);
    // Put back only what is still ours: whatever wrapped history meanwhile keeps its wrapper.
    for (const kind of ['pushState', 'replaceState'] as const)
      if (history[kind] === wrapped[kind]) history[kind] = originals[kind];
  }
  expect(read()).to.equal(expected, message);
}
