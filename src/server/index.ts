// The Node entry (`page-state/server`). The session handler and its stores arrive with the
// persistence work; the entry exists now so the `exports` map is stable from the first release.
export {VERSION} from '../version.js';
