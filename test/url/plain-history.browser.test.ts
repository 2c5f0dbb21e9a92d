// Plain code writing the URL, in a browser with the Navigation API (Chromium).
import {plainHistoryCases} from './plain-history.js';

describe('plain history calls, with the Navigation API', () => {
  plainHistoryCases(() => import('../../src/index.js'), (window as unknown as {navigation: never}).navigation);
});
