// The documentation site (VitePress): `npm run docs` serves it, `npm run docs:build` builds it
// into docs/.vitepress/dist. The reference pages under reference/api/ and reference/elements.md
// are generated from the built package by scripts/docs-reference.mjs before either runs.
import {defineConfig} from 'vitepress';
import {SIDEBAR} from './sidebar.js';

export default defineConfig({
  title: 'page-state',
  description:
    'Typed, namespaced page state for Web Components, mirrored into the URL, browser storage or a server session.',
  lang: 'en',
  head: [['link', {rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml'}]],
  // The recipes and examples are code the tests run; the pages include them with <<<.
  srcExclude: ['recipes/**', 'examples/**', 'snippets/**', 'screenshots/**'],
  lastUpdated: false,
  // No web fonts: the site loads nothing from another host (the site test fails a failed request).
  useWebFonts: false,
  markdown: {theme: {light: 'github-light-high-contrast', dark: 'github-dark-high-contrast'}},
  vue: {
    template: {
      // page-state's own elements are custom elements, not Vue components.
      compilerOptions: {isCustomElement: (tag) => tag === 'page-state' || tag.startsWith('state-')},
    },
  },
  themeConfig: {
    nav: [
      {text: 'Getting started', link: '/getting-started/'},
      {text: 'Guides', link: '/guides/bindings'},
      {text: 'Reference', link: '/reference/'},
      {text: 'Coming from…', link: '/coming-from/nuqs'},
    ],
    sidebar: SIDEBAR,
    search: {provider: 'local'},
    outline: {level: [2, 3]},
  },
});
