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
