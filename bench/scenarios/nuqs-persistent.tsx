// The peer of "URL + session storage in a Lit app": nuqs-url.tsx's search box, and a draft in
// session storage with @nanostores/persistent, read through React's own useSyncExternalStore
// (what @nanostores/react wraps).
import {persistentAtom, setPersistentEngine, windowPersistentEvents} from '@nanostores/persistent';
import {NuqsAdapter} from 'nuqs/adapters/react';
import {useSyncExternalStore} from 'react';
import {createRoot} from 'react-dom/client';
import {SearchBox} from './nuqs-search.js';

setPersistentEngine(sessionStorage, windowPersistentEvents);
const note = persistentAtom<string>('draft:note', '');

function DraftNote() {
  const value = useSyncExternalStore(
    (changed) => note.listen(changed),
    () => note.get(),
  );
  return <textarea value={value} onChange={(e) => note.set(e.target.value)} />;
}

createRoot(document.body).render(
  <NuqsAdapter>
    <SearchBox />
    <DraftNote />
  </NuqsAdapter>,
);
