import {measuring} from '../../debug/log.js';
import {DEV} from '../../dev.js';
import {combine, freshDefault, type LayerMaker, type StoreFeed, type StoreLayer, type StoreLink} from './layers.js';

type Values = Record<string, unknown>;

/** What a store's layers gave its start. */
export interface Started {
  /** What the store does for its layers when used (touch, focus, clear...). */
  link: StoreLink;
  /** The values of its async sources (server storage), once in, in precedence order. */
  late?: Promise<Values>;
}

/**
 * Steps 2 and 3 of a store's life: its layers read their sources, their values are applied in
 * precedence order (a var takes the first value a layer holds, else keeps its default) as
 * `init` changes, then every layer is connected. `initial` is a first layer of its own.
 */
export function startLayers(feed: StoreFeed, makers: readonly LayerMaker[], initial?: Values): Started {
  // Hydration (sources read and applied, layers connected) is a performance.measure when debugging.
  const measured = DEV && measuring('store', `hydrate:${feed.definition.name}`);
  const layers: StoreLayer[] = initial ? [{initial}] : [];
  for (const make of makers) {
    const layer = make(feed);
    if (layer) layers.push(layer);
  }
  // The first layer holding a value wins: the lower ones are assigned first.
  const values: Values = {};
  for (let i = layers.length; i--;) Object.assign(values, layers[i]!.initial);
  feed.accept(values, 'init');
  let late = false;
  const links: StoreLink[] = [];
  for (let i = 0; i < layers.length; i++) {
    if (layers[i]!.link) links.push(layers[i]!.link!);
    layers[i]!.connect?.((key) => {
      for (const lower of layers.slice(i + 1)) {
        const value = lower.holds?.(key);
        if (value !== undefined) return value;
      }
      return freshDefault(feed.definition, key);
    });
    late ||= !!layers[i]!.later;
  }
  if (measured) measured();
  return {
    link: combine(links),
    // Each var takes the value of the first layer holding one, early or late: from the last
    // layer up, each one's late values override, and its early ones (applied already) win.
    late: late
      ? Promise.all(layers.map((layer) => layer.later)).then((values) => {
          const apply: Values = {};
          for (let i = layers.length; i--;) {
            Object.assign(apply, values[i]);
            for (const key in layers[i]!.initial) delete apply[key];
          }
          return apply;
        })
      : undefined,
  };
}
