import type {StateDefinition} from '../core/schema/define.js';

/**
 * The attributes (and settable properties) of page-state's elements, as hosts such as React's
 * JSX and Vue's templates type them. One list for every host: `page-state/react` and
 * `page-state/vue` are built from it.
 *
 * @example
 * ```ts
 * const attrs: ElementAttributes['state-bind'] = {path: 'Filters.q'};
 * ```
 */
export interface ElementAttributes {
  'page-state': {
    'url-mode'?: 'query' | 'hash';
    'keep-params'?: string;
    endpoint?: string;
    persist?: 'session' | 'local' | 'server';
    definitions?: readonly StateDefinition<any>[];
  };
  'state-namespace': {
    name: string;
    'url-prefix'?: string;
    'url-selfish'?: boolean | '' | 'true' | 'false';
    'share-url-with'?: string;
    'restore-url-on-touch'?: 'true' | 'false';
    'clear-on-default'?: 'true' | 'false';
    history?: 'push' | 'replace';
    persist?: 'session' | 'local' | 'server';
    version?: number | string;
  };
  'state-var': {
    name: string;
    type?: 'string' | 'int' | 'float' | 'boolean' | 'date' | 'datetime' | 'enum' | 'list' | 'json';
    default?: string;
    'url-key'?: string;
    persist?: 'true' | 'false';
    history?: 'push' | 'replace';
    values?: string;
    of?: 'string' | 'int' | 'float' | 'boolean' | 'date' | 'datetime';
  };
  'state-bind': {
    /** `Namespace.var`. */
    path: string;
    /** The control's property holding its value (detected when absent). */
    prop?: string;
    /** The event after which the control's value is read (detected when absent). */
    event?: string;
    /** Show the value as text even with element children. */
    display?: boolean | '';
  };
  'state-focus': {
    namespace: string;
  };
}
