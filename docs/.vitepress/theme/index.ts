// The site's theme: VitePress's default, plus what makes its examples live. page-state itself
// (the CDN file, copied to /page-state.js by scripts/docs/reference.mjs) loads once the page is
// hydrated, so Vue never meets the elements page-state upgraded: the markup of every example on
// every page is then running page-state.
import {defineComponent, h, onMounted, onUnmounted, ref} from 'vue';
import DefaultTheme from 'vitepress/theme';
import {withBase} from 'vitepress';
import './custom.css';

const load = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/** The address bar, shown beside an example: what page-state wrote into the URL. */
const LiveUrl = defineComponent({
  name: 'LiveUrl',
  setup() {
    const url = ref('');
    const show = () => (url.value = location.pathname + location.search + location.hash);
    onMounted(() => {
      show();
      document.addEventListener('page-state-change', show);
      addEventListener('popstate', show);
    });
    onUnmounted(() => {
      document.removeEventListener('page-state-change', show);
      removeEventListener('popstate', show);
    });
    return () =>
      h('p', {class: 'live-url'}, [
        h('span', {class: 'live-url-label'}, 'The URL now: '),
        h('output', {'aria-live': 'polite'}, url.value),
      ]);
  },
});

export default {
  extends: DefaultTheme,
  Layout: defineComponent({
    setup() {
      onMounted(() => void load(withBase('/page-state.js')));
      return () => h(DefaultTheme.Layout);
    },
  }),
  enhanceApp({app}: {app: import('vue').App}) {
    app.component('LiveUrl', LiveUrl);
  },
};
