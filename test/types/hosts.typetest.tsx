// TSX knows page-state's elements and their attributes once `page-state/react` is imported (the
// markup elements with `page-state/elements`, the entry that defines them).
import type {} from 'page-state/react';
import {defineState, stateVar} from 'page-state';
import 'page-state/elements';

const Filters = defineState('Filters', {urlPrefix: 'f_', vars: {q: stateVar.string('')}});

export const page = (
  <page-state
    keep-params="utm_*"
    url-mode="hash"
    definitions={[Filters]}
    onpage-state-change={(e) => e.detail.namespace.toUpperCase()}
  >
    <state-namespace name="Extra" url-prefix="x_" history="push">
      <state-var name="n" type="int" default="1" url-key="n"></state-var>
    </state-namespace>
    <state-bind path="Filters.q" event="sl-change">
      <input type="search" />
    </state-bind>
    <state-focus namespace="Filters">
      <button>Only filters</button>
    </state-focus>
  </page-state>
);

// @ts-expect-error url-mode is query or hash
export const badMode = <page-state url-mode="path" />;
// @ts-expect-error a binding needs its path
export const noPath = <state-bind />;
// @ts-expect-error not a var type
export const badType = <state-var name="n" type="number" />;
// @ts-expect-error the change detail has no such field
export const badDetail = <page-state onpage-state-change={(e) => e.detail.nope} />;
