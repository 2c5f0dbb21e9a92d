// @vitest-environment happy-dom
// A test that forgets dispose() is reported by its name in the next test (Vitest names it).
import {expect, it} from 'vitest';
import {createTestRuntime} from 'page-state/testing';

it('forgets to dispose its runtime', () => {
  createTestRuntime();
});

it('is told which test leaked it', () => {
  expect(() => createTestRuntime()).toThrow(/the test runtime of "forgets to dispose its runtime" was never disposed/);
  createTestRuntime().dispose(); // the leaked one was disposed by the report: a new one installs
});
