// `page-state/vue`: types only. Import it once (`import type {} from 'page-state/vue'`) in a Vue
// app, and templates (vue-tsc, Volar) know page-state's elements and their attributes (those of
// the entries the app imports: the markup elements with `page-state/elements`). Tell Vue's
// compiler they are custom elements: `isCustomElement: (tag) => tag === 'page-state' || tag.startsWith('state-')`.
import type {DefineComponent} from 'vue';
import type {ElementAttributes} from './attributes.js';

/** `keep-params` → `keepParams`: Vue type-checks a template's attributes as camel-cased props. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type Props<Tag extends keyof ElementAttributes> = DefineComponent<{
  [K in keyof ElementAttributes[Tag] as Camel<K & string>]: ElementAttributes[Tag][K];
}>;

/** The elements an entry imported by the app defines: `<page-state>` with `page-state`, the markup
 * elements with `page-state/elements` (each brings its `HTMLElementTagNameMap` entries). */
type Elements = {[Tag in keyof ElementAttributes & keyof HTMLElementTagNameMap]: Props<Tag>};

declare module 'vue' {
  interface GlobalComponents extends Elements {}
}

export type {ElementAttributes};
