// Every page of the site, in reading order: the site test walks this list, so a page missing
// from it is a page nobody checks.
export const SIDEBAR = [
  {
    text: 'Getting started',
    items: [
      {text: 'Pick a path', link: '/getting-started/'},
      {text: 'A Lit app', link: '/getting-started/lit'},
      {text: 'A plain HTML page (CDN)', link: '/getting-started/html'},
      {text: 'Micro-frontends', link: '/getting-started/micro-frontends'},
    ],
  },
  {
    text: 'Concepts',
    items: [
      {text: 'Namespaces and scopes', link: '/concepts/namespaces-and-scopes'},
      {text: 'The URL', link: '/concepts/url'},
      {text: 'Persistence', link: '/concepts/persistence'},
      {text: "A store's life", link: '/concepts/store-life'},
      {text: 'Identity', link: '/concepts/identity'},
    ],
  },
  {
    text: 'Guides',
    items: [
      {text: 'Binding any control', link: '/guides/bindings'},
      {text: 'React and Vue', link: '/guides/react-vue'},
      {text: 'The server and page-state/core', link: '/guides/server-core'},
      {text: 'Deploying the session server', link: '/guides/session-server'},
      {text: 'Server state at first paint', link: '/guides/server-first-paint'},
      {text: 'Signed-in users', link: '/guides/signed-in-users'},
      {text: 'Testing your components', link: '/guides/testing'},
      {text: 'Debugging', link: '/guides/debugging'},
      {text: 'Micro-frontends', link: '/guides/micro-frontends'},
    ],
  },
  {
    text: 'Reference',
    items: [
      {text: 'API at a glance', link: '/reference/'},
      {text: 'Var kinds', link: '/reference/vars'},
      {text: 'Elements (markup)', link: '/reference/elements'},
      {text: 'Events', link: '/reference/events'},
      {text: 'The session server', link: '/reference/server'},
      {text: 'Error codes', link: '/reference/errors'},
      {text: 'Benchmarks', link: '/reference/benchmarks'},
      {
        text: 'API by entry',
        items: [
          'page-state',
          'page-state/core',
          'page-state/elements',
          'page-state/server',
          'page-state/testing',
          'page-state/react',
          'page-state/vue',
          'page-state/inspector',
          'page-state/devtools',
        ].map((entry) => ({text: entry, link: `/reference/api/${entry.replace('/', '-')}`})),
      },
    ],
  },
  {
    text: 'Coming from…',
    items: [
      {text: 'nuqs', link: '/coming-from/nuqs'},
      {text: "zustand's persist", link: '/coming-from/zustand'},
      {text: "nanostores' persistent", link: '/coming-from/nanostores'},
      {text: 'st-page-state', link: '/coming-from/st-page-state'},
      {text: 'streamlit-persist-session', link: '/coming-from/streamlit-persist-session'},
    ],
  },
];
