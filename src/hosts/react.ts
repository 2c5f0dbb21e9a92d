// `page-state/react`: types only. Import it once (`import type {} from 'page-state/react'`) in an
// app that uses React's JSX, and TSX knows page-state's elements and their attributes (those of
// the entries the app imports: the markup elements with `page-state/elements`). Apps
// without React never load it, so @types/react is no dependency of page-state.
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
import type {StateChange} from '../core/schema/define.js';
import type {ErrorDetail} from '../core/types.js';
import type {ElementAttributes} from './attributes.js';

/** React 19 listens to a custom element's events through `on<event-name>` props. */
interface EventProps {
  'onpage-state-change'?: (event: CustomEvent<StateChange>) => void;
  'onpage-state-error'?: (event: CustomEvent<ErrorDetail>) => void;
  'onpage-state-warning'?: (event: CustomEvent<ErrorDetail>) => void;
  'onpage-state-declared'?: (event: CustomEvent<{namespace: string}>) => void;
}

type Props<Tag extends keyof ElementAttributes & keyof HTMLElementTagNameMap> = DetailedHTMLProps<
  HTMLAttributes<HTMLElementTagNameMap[Tag]>,
  HTMLElementTagNameMap[Tag]
> &
  ElementAttributes[Tag] &
  EventProps;

/** The elements an entry imported by the app defines: `<page-state>` with `page-state`, the markup
 * elements with `page-state/elements` (each brings its `HTMLElementTagNameMap` entries). */
type Elements = {[Tag in keyof ElementAttributes & keyof HTMLElementTagNameMap]: Props<Tag>};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends Elements {}
  }
}

export type {ElementAttributes};
