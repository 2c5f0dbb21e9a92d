// The peer of "URL state in a Lit app": its search box with nuqs and nuqs's React adapter (react
// and react-dom left out of the measure, as lit is of page-state's).
import {NuqsAdapter} from 'nuqs/adapters/react';
import {createRoot} from 'react-dom/client';
import {SearchBox} from './nuqs-search.js';

createRoot(document.body).render(
  <NuqsAdapter>
    <SearchBox />
  </NuqsAdapter>,
);
