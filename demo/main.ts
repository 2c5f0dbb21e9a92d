// The demo app: a ticket triage workspace. Each module binds to the namespaces in ./state.ts.
import './activity-log.js'; // first: it records what the others' start-up rejects
import './app-bar.js';
import './ticket-queue.js';
import './ticket-detail.js';
// @ts-expect-error: a plain JS module, shared with demo/micro-frontends.html (served unbuilt).
import {inspectToggle} from './inspect-toggle.js';

inspectToggle(document.querySelector('#inspect')!, () => import('../src/inspector/index.js'));
