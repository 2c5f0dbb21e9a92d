// Type-checks the published declarations (dist/, as the tarball ships them) the way a strict
// consumer does, with skipLibCheck off: internals stripped from the .d.ts must leave it whole.
import type * as Main from 'page-state';
import type * as Core from 'page-state/core';
import type * as Elements from 'page-state/elements';
import type * as Server from 'page-state/server';
import type {} from 'page-state/react';

export type Entries = [
  typeof Main.stateOf,
  typeof Core.StateStore,
  typeof Elements.StateBindElement,
  typeof Server.createSessionHandler,
];

// The DOM events are typed for a user of the main entry: `detail` is known, a wrong field is not.
export const onChange = (el: HTMLElement) =>
  el.addEventListener('page-state-change', (e) => e.detail.namespace.toUpperCase());
export const onIdentity = () => document.addEventListener('page-state-identity', (e) => e.detail.identity);
// @ts-expect-error no such field in the error's detail
export const onError = (el: HTMLElement) => el.addEventListener('page-state-error', (e) => e.detail.nope);
