// The demo app: a ticket triage workspace. Each module binds to the namespaces in ./state.ts.
import './state-inspector.js'; // first: it records what the others' start-up rejects
import './app-bar.js';
import './ticket-queue.js';
import './ticket-detail.js';
