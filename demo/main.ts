// The demo app: a ticket triage workspace. Each module binds to the namespaces in ./state.ts.
import './app-bar.js';
import './ticket-queue.js';
import './ticket-detail.js';
import './state-inspector.js';
